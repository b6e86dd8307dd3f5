export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 3 }).format(n);
}

/** History values are JSON: show scalars as they are and structures compactly. */
export function formatHistoryValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const json = JSON.stringify(v);
  return json.length > 300 ? `${json.slice(0, 297)}…` : json;
}
