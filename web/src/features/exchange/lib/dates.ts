/** A calendar day (`YYYY-MM-DD`, no time zone) in the UI language; "—" for none. */
export function formatDay(day: string | null | undefined, locale: string): string {
  if (!day) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(d);
}
