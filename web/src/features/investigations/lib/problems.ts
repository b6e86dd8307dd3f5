/**
 * The server's problems as the investigation screens show them: each field error at its
 * field (`links[0].target_id` at the first link's chip, `members[0].user_id` at the team),
 * in the user's language where its code is known.
 */
import { isApiError } from '@/api/errors';
import { fieldErrorMessage, placeServerErrors, type PlacedErrors } from '@/lib/forms';
import type { Translate } from './timeline';

/** Codes of the investigation API's field errors, and the namespace key that says each. */
const CODES: Record<string, string> = {
  supervisor_only: 'validation.supervisorOnly',
  not_eligible: 'validation.notEligible',
  not_on_team: 'validation.notOnTeam',
  self: 'validation.self',
  one_of: 'validation.oneOf',
  not_found: 'validation.notFound',
  required: 'validation.required',
  length: 'validation.length',
  // a request for information's due date (`request_due`) must lie ahead
  past: 'validation.future',
};

/** A field error in the user's language when its code is known, else the server's message. */
export function fieldMessage(t: Translate, e: { field: string; code?: string; message: string }): string {
  if (e.code === 'range') {
    if (/due_date$/.test(e.field)) return t('validation.dueBeforeOpening');
    if (/occurred_at$/.test(e.field)) return t('validation.occurredAt');
  }
  const key = e.code ? CODES[e.code] : undefined;
  return key ? t(key) : fieldErrorMessage((k) => t(k), e);
}

/**
 * Each server field error at the nearest field the form shows (`links[1].role` → `links.1`
 * when the form shows the second link as a whole), in words; those with no field to show them
 * at are `unplaced`. Nothing for an error that is not a 422 with field errors.
 */
export function placeProblem(t: Translate, error: unknown, known: ReadonlySet<string>): PlacedErrors {
  if (!isApiError(error) || !error.problem?.errors?.length) return { fields: {}, unplaced: [] };
  return placeServerErrors(
    error.problem.errors.map((e) => ({ ...e, message: fieldMessage(t, e) })),
    known,
  );
}

/** The fields of a form with a list (`links`, `links.0`, `links.1`…, for a list of `count`). */
export function withListPaths(fields: readonly string[], list: string, count: number): Set<string> {
  const out = new Set(fields);
  out.add(list);
  for (let i = 0; i < count; i++) out.add(`${list}.${i}`);
  return out;
}

/** The 409 codes of the investigation API, and the namespace key that says each. */
const CONFLICTS: Record<string, string> = {
  no_such_move: 'errors.noSuchMove',
  investigation_closed: 'errors.closed',
  lead_required: 'errors.leadFirst',
  already_member: 'errors.alreadyOnTeam',
  already_linked: 'errors.alreadyLinked',
};

/**
 * What a refusal says in words, for those the generic message does not name: the caller's
 * standing does not allow it (403 `investigation_role`), or the workflow or the team refuses it
 * (409). Null for anything else (shown as any error is).
 */
export function refusalMessage(t: Translate, error: unknown): string | null {
  if (!isApiError(error)) return null;
  if (error.status === 403 && error.code === 'investigation_role') return t('errors.investigationRole');
  if (error.status === 409) {
    const detail = error.problem?.detail ?? '';
    const known = error.code ? CONFLICTS[error.code] : undefined;
    if (known) return t(known);
    return detail ? t('errors.conflictDetail', { detail }) : t('errors.conflict');
  }
  return null;
}

/**
 * A dialog's field errors by field (first message wins), in words: the server's paths with
 * the prefix it gives a single item stripped (`link.role` → `role`, `member.user_id` →
 * `user_id`) and indexes dotted (`checklist[2].text` → `checklist.2.text`).
 */
export function dialogErrors(t: Translate, error: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(error)) return out;
  for (const e of error.problem?.errors ?? []) {
    let field = e.field.replace(/\[(\d+)\]/g, '.$1');
    if (prefix && field.startsWith(`${prefix}.`)) field = field.slice(prefix.length + 1);
    if (!(field in out)) out[field] = fieldMessage(t, e);
  }
  return out;
}
