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
