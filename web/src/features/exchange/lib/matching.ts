/**
 * The numbers and links of a received person's or company's possible matches, as the screening
 * page shows them (a feature does not import another: the same rules, kept here).
 */

/** A score from 0 to 1 as a percentage in the UI language, rounded down so a near-hit never reads as one ("79.9%", not "80%"). */
export function formatScore(score: number, lang: string): string {
  const down = Math.floor(score * 1000 + 1e-9) / 1000;
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(down);
}

/** A feature's part of the score, signed ("+0.10", "−0.05", "0.00"). */
export function formatContribution(value: number, lang: string): string {
  const rounded = Math.round(value * 100) / 100;
  const digits = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.abs(rounded));
  if (rounded > 0) return `+${digits}`;
  if (rounded < 0) return `\u2212${digits}`;
  return digits;
}

/** The register record page of a candidate (a person's by default). */
export function recordPath(c: { kind: string; id: string }): string {
  if (c.kind === 'company') return `/registers/companies/${c.id}`;
  if (c.kind === 'conveyance') return `/registers/conveyances/${c.id}`;
  return `/registers/persons/${c.id}`;
}
