/** The score as a whole percentage, rounded down ("87%", "87 %", "٨٧٪"): 0.879 is 87%, never 88%. */
export function formatScore(score: number, lang: string): string {
  const down = Math.floor(score * 100 + 1e-9) / 100;
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(Math.min(1, Math.max(0, down)));
}

/** A contribution to the score, always signed, with a true minus sign: "+0.15", "−0.35", "0.00". */
export function formatContribution(value: number, lang: string): string {
  const rounded = Math.round(value * 100) / 100;
  const digits = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.abs(rounded));
  if (rounded > 0) return `+${digits}`;
  if (rounded < 0) return `\u2212${digits}`;
  return digits;
}
