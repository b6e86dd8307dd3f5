/** A calendar day (`YYYY-MM-DD`, as validity dates are) in the UI language, never shifted by the time zone. */
export function formatDay(day: string | null | undefined, lang: string): string {
  if (!day) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}
