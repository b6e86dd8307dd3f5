/** Formats an ISO timestamp in the UI language. */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(d);
}

/** Formats an ISO timestamp's date (no time) in the UI language; "—" for none. */
export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(d);
}

/** A mass in kilograms with the unit written the UI language's way ("2.5 kg", "2,5 kg", "2.5 كغم"). */
export function formatKg(kg: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilogram', unitDisplay: 'short', maximumFractionDigits: 3 }).format(kg);
}

/** A size in bytes, the largest unit that keeps it at 1 or more ("512 B", "1.4 MB"), in the UI language. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: i === 0 ? 0 : 1 }).format(value);
}

/** Picks a label in `lang`, falling back to English, then to any label, then to `fallback`. */
export function pickLabel(labels: Record<string, string | undefined> | null | undefined, lang: string, fallback: string): string {
  if (!labels) return fallback;
  const base = lang.split('-')[0] ?? lang;
  return labels[lang] || labels[base] || labels.en || Object.values(labels).find(Boolean) || fallback;
}

/** "datetime-local" input value → RFC 3339 string (or undefined when empty). */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** First strong isolate … pop directional isolate (Unicode's bidirectional isolation, as `<bdi>` does). */
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * `value` isolated from the text around it, for a plain string where `<bdi>` cannot go (an
 * attribute, a picker's option, a notification, an interpolated value): in an Arabic sentence,
 * "FR-2026-000123", "2.5 kg", "50" or a Latin name keeps its own direction, and the punctuation
 * next to it stays in place (without it "2.5 kg" reads "kg 2.5"). The marks are invisible.
 */
export function isolate(value: string): string {
  return value === '' ? value : `${FSI}${value}${PDI}`;
}

/** Every bidirectional control character (isolates, embeddings, marks): what `isolate` adds and Intl may. */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` without its bidirectional control characters (to compare what is shown with what was typed). */
export function stripBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
