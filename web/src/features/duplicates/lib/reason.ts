/** A reason's longest length (the server's). */
export const MAX_REASON = 2000;

/** The reason typed, checked as the server checks it: an error message, or null. */
export function reasonProblem(t: (key: string, o?: Record<string, unknown>) => string, reason: string): string | null {
  const text = reason.trim();
  if (!text) return t('validation.required');
  if (text.length > MAX_REASON) return t('validation.tooLong', { max: MAX_REASON });
  return null;
}
