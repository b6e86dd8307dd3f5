/**
 * The periods of a table grouped by `period`, keyed as the server keys them: `2026-03-05`
 * (day), `2026-W10` (ISO week), `2026-03` (month), `2026-Q1` (quarter), `2026` (year).
 */
import type { StatsPeriod } from '@/api/types';

const DAY = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function parseDay(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The ISO week of a day (UTC): its year (that of the week's Thursday) and number. */
export function isoWeek(day: Date): { year: number; week: number } {
  const thursday = new Date(day.getTime() + (3 - ((day.getUTCDay() + 6) % 7)) * DAY);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY));
  return { year, week };
}

/** The key of the period holding `day`. */
export function periodKey(day: Date, period: StatsPeriod): string {
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth() + 1;
  switch (period) {
    case 'day':
      return `${y}-${pad(m)}-${pad(day.getUTCDate())}`;
    case 'week': {
      const w = isoWeek(day);
      return `${w.year}-W${pad(w.week)}`;
    }
    case 'month':
      return `${y}-${pad(m)}`;
    case 'quarter':
      return `${y}-Q${Math.ceil(m / 3)}`;
    case 'year':
      return String(y);
  }
}

/** The longest axis drawn with every period (a day grouping covers at most 366 days). */
const MAX_PERIODS = 1000;

/**
 * Every period from `from` to `to` (both `YYYY-MM-DD`), in order, so that a period without
 * cases is drawn as zero rather than skipped; null when the range cannot be read or is too long.
 */
export function periodKeys(from: string, to: string, period: StatsPeriod): string[] | null {
  const start = parseDay(from);
  const end = parseDay(to);
  if (!start || !end || end < start) return null;
  const keys: string[] = [];
  // days and weeks have a fixed length; months, quarters and years start on their first day
  const step = period === 'day' ? DAY : period === 'week' ? 7 * DAY : null;
  let cursor = start;
  while (cursor <= end) {
    const key = periodKey(cursor, period);
    if (keys[keys.length - 1] !== key) keys.push(key);
    if (keys.length > MAX_PERIODS) return null;
    if (step !== null) cursor = new Date(cursor.getTime() + step);
    else {
      const y = cursor.getUTCFullYear();
      const m = cursor.getUTCMonth();
      cursor = period === 'year' ? new Date(Date.UTC(y + 1, 0, 1)) : new Date(Date.UTC(y, m + (period === 'quarter' ? 3 - (m % 3) : 1), 1));
    }
  }
  // a range ending mid-week: the last week is counted too
  const last = periodKey(end, period);
  if (keys[keys.length - 1] !== last) keys.push(last);
  return keys;
}

/** A period key in words of the UI language (`2026-03` → "Mar 2026", `2026-Q1` → "Q1 2026"). */
export function periodLabel(
  key: string,
  lang: string,
  words: { week: (week: number, year: number) => string; quarter: (quarter: number, year: number) => string },
): string {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (m) {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  }
  m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (m) return words.week(Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) return new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return words.quarter(Number(m[2]), Number(m[1]));
  return key;
}
