import { isApiError } from '@/api/errors';

/**
 * The server's refusal of a view: each error at the control that shows its field (`known`),
 * the others listed; `refused` when the server named what it refused.
 */
export function placeErrors(error: unknown, known: ReadonlySet<string>, message: (e: { code: string; message: string }) => string) {
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  if (!isApiError(error) || error.status !== 422) return { fields, unplaced, refused: false };
  const errors = error.problem?.errors ?? [];
  for (const e of errors) {
    const text = message(e);
    if (known.has(e.field)) fields[e.field] ??= text;
    else unplaced.push(text);
  }
  return { fields, unplaced, refused: errors.length > 0 };
}
