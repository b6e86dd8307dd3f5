/** Figures of a statistics table in the UI language's way of writing numbers. */

/** A unit of measure's short form: its symbol when the label ends with one ("Litre (l)" → "l"), else the label in lower case. */
export function unitShort(label: string, lang: string): string {
  const symbol = /\(([^()\s]{1,4})\)\s*$/u.exec(label);
  if (symbol?.[1]) return symbol[1];
  return label.replace(/\s*\([^()]*\)\s*$/u, '').toLocaleLowerCase(lang);
}

export function formatCount(n: number, lang: string): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(n);
}

export function formatAmount(n: number, lang: string): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: n !== 0 && Math.abs(n) < 10 ? 3 : 1 }).format(n);
}

/** A value in `currency`, without its cents. */
export function formatMoney(n: number, currency: string, lang: string): string {
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: 0 }).format(n);
  } catch {
    return `${formatCount(n, lang)} ${currency}`;
  }
}

/** The change from `before` to `now` as a signed percentage ("+12%"); null when there was nothing before. */
export function formatChange(now: number, before: number, lang: string): string | null {
  if (before === 0) return null;
  return new Intl.NumberFormat(lang, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 0 }).format((now - before) / before);
}
