/**
 * Client-side checks shared by the forms, mirroring the server's (values are i18n keys).
 */

/** `YYYY-MM-DD` of a date in the browser's time zone. */
export function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, from 1900, not in the future (a date of birth). */
export function checkPartialDate(v: string, now: Date): string | null {
  const m = PARTIAL_DATE.exec(v.trim());
  if (!m) return 'validation.partialDate';
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : 1;
  const d = m[3] ? Number(m[3]) : 1;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return 'validation.partialDate';
  if (y < 1900) return 'validation.from1900';
  if (`${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}` > isoDate(now)) return 'validation.future';
  return null;
}

/** An EORI number as the server stores it (spaces and hyphens dropped, upper case): country code + up to 15 letters or digits. */
export function isEori(v: string): boolean {
  return /^[A-Z]{2}[A-Z0-9]{1,15}$/.test(v.replace(/[\s-]/g, '').toUpperCase());
}

/** Roughly what the server accepts as an e-mail address (it has the last word). */
export function isEmail(v: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim());
}
