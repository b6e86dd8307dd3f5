import { isApiError } from '@/api/errors';

interface FormLike {
  setFieldError: (path: string, error: string) => void;
}

/**
 * Puts the server's field errors (422 `errors[]`, keyed by JSON field name) on
 * the form's fields. Returns true when at least one error found its field.
 * `aliases` maps a server field to a form path when they differ.
 */
export function applyServerErrors(
  form: FormLike,
  error: unknown,
  fields: readonly string[],
  aliases: Record<string, string> = {},
): boolean {
  if (!isApiError(error)) return false;
  let applied = false;
  for (const [field, message] of Object.entries(error.fieldErrors())) {
    const path = aliases[field] ?? field;
    const root = path.split(/[.[]/)[0] ?? path;
    if (fields.includes(path) || fields.includes(root)) {
      form.setFieldError(fields.includes(path) ? path : root, message);
      applied = true;
    }
  }
  return applied;
}

/** Whether the error still needs a general message after field errors were shown. */
export function needsGeneralError(error: unknown, appliedToFields: boolean): boolean {
  return !!error && !appliedToFields;
}

/**
 * The server names invalid fields by JSON path (`goods[1].quantity`, `documents[0].number`);
 * Mantine forms name them with dots (`goods.1.quantity`).
 */
export function serverPathToFormPath(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

export interface PlacedErrors {
  /** form path → message, for fields shown in the form */
  fields: Record<string, string>;
  /** errors with no field to show them at (path as the server gave it) */
  unplaced: { field: string; message: string }[];
}

/**
 * Places each server error at its field, or at the nearest enclosing part of the form that
 * can show it (`route[1].position` → the leg `route.1`; `emails[2]` → `emails`); the first
 * message for a path wins.
 */
export function placeServerErrors(
  errors: readonly { field: string; message: string; code?: string }[],
  known: ReadonlySet<string>,
): PlacedErrors {
  const out: PlacedErrors = { fields: {}, unplaced: [] };
  for (const err of errors) {
    let path = serverPathToFormPath(err.field);
    while (path && !known.has(path)) {
      const cut = path.lastIndexOf('.');
      path = cut > 0 ? path.slice(0, cut) : '';
    }
    if (!path) out.unplaced.push({ field: err.field, message: err.message || err.code || '' });
    else if (!(path in out.fields)) out.fields[path] = err.message || err.code || '';
  }
  return out;
}

const KNOWN_CODES: Record<string, string> = {
  required: 'validation.required',
  // a date that must not lie ahead (birth, detection): "Must not be in the future." Its opposite,
  // a deadline that must lie ahead, is `in_past` (messaging's `messaging.validation.mustBeFuture`)
  future: 'validation.future',
  unknown_code: 'validation.unknownCode',
  not_found: 'validation.notFound',
  check_digit: 'validation.checkDigit',
};

/** A server field error in the UI language when its code is a generic one, else the server's message. */
export function fieldErrorMessage(t: (key: string) => string, e: { code?: string; message: string }): string {
  const key = e.code ? KNOWN_CODES[e.code] : undefined;
  return key ? t(key) : e.message;
}
