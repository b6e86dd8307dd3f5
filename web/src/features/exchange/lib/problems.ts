import { isApiError } from '@/api/errors';
import { fieldErrorMessage } from '@/lib/forms';

type T = (key: string, options?: Record<string, unknown>) => string;

/** Field errors of the exchange's forms said in the UI language: by field and code, then by code alone. */
const BY_FIELD_CODE: Record<string, string> = {
  'fingerprint:mismatch': 'exchange:errors.fingerprintMismatch',
  'public_key:format': 'exchange:errors.keyFormat',
  'endpoint:format': 'exchange:errors.endpointFormat',
  'valid_until:before_start': 'exchange:errors.beforeStart',
  'purposes:length': 'exchange:errors.tooManyPurposes',
  'commodity_groups:length': 'exchange:errors.tooManyGroups',
  'partner_id:not_found': 'exchange:errors.noSuchPartner',
  'reason:length': 'exchange:errors.reasonLength',
  'record_id:not_found': 'exchange:errors.noSuchRecord',
};

/** The message of one server field error (its field named as the server does, `purposes[2]`). */
export function exchangeFieldMessage(t: T, e: { field: string; code?: string; message: string }): string {
  const root = e.field.split(/[.[]/)[0] ?? e.field;
  const key = e.code ? BY_FIELD_CODE[`${root}:${e.code}`] : undefined;
  return key ? t(key) : fieldErrorMessage(t, e);
}

interface FormLike {
  setFieldError: (path: string, error: string) => void;
}

/**
 * Puts the server's field errors (422) on the form's fields, in the UI language where the code
 * is known (a fingerprint that is not the key's own is explained); an item of a list
 * (`purposes[2]`) goes to its list. True when at least one found its field.
 */
export function applyExchangeErrors(form: FormLike, error: unknown, fields: readonly string[], t: T): boolean {
  if (!isApiError(error)) return false;
  let applied = false;
  const seen = new Set<string>();
  for (const e of error.problem?.errors ?? []) {
    const root = e.field.split(/[.[]/)[0] ?? e.field;
    if (!fields.includes(root) || seen.has(root)) continue;
    seen.add(root);
    form.setFieldError(root, exchangeFieldMessage(t, e));
    applied = true;
  }
  return applied;
}
