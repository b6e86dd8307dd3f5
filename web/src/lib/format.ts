/** Formats an ISO timestamp in the UI language. */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(d);
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
