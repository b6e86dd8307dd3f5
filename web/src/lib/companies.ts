/**
 * A company's structured values as one line of text, wherever they are shown (the record page,
 * its history, the duplicates' comparison): addresses as the server prints them, identifiers
 * with their kind and country, former names with their dates.
 */
import type { CompanyAddress, CompanyIdentifier, FormerName } from '@/api/types';

type Label = (code: string) => string;
const same: Label = (c) => c;
const filled = (v: string | null | undefined): v is string => typeof v === 'string' && v.trim() !== '';

/** "street, postcode city, country" (the country by its label), as `CompanyAddress::line` on the server. */
export function addressLine(a: Partial<CompanyAddress>, country: Label = same): string {
  const place = [a.postcode, a.city].filter(filled).join(' ');
  return [a.street, place, filled(a.country) ? country(a.country) : null].filter(filled).join(', ');
}

/** "VAT number FR40303265045 (France)": the kind by its label, the country when there is one. */
export function identifierLine(i: Partial<CompanyIdentifier>, kind: Label, country: Label = same): string {
  const head = [i.kind ? kind(i.kind) : null, i.value].filter(filled).join(' ');
  return filled(i.country) ? `${head} (${country(i.country)})` : head;
}

/** The dates a former name was used: "2001-02-03 – 2010-06-30", "2001-02-03 –", "– 2010-06-30", or "" for none. */
export function formerNameDates(n: Partial<FormerName>): string {
  if (!filled(n.from) && !filled(n.until)) return '';
  return [n.from ?? '', n.until ?? ''].join(' – ').trim();
}

/** "Acme Ltd (2001-02-03 – 2010-06-30)". */
export function formerNameLine(n: Partial<FormerName>): string {
  const dates = formerNameDates(n);
  return dates ? `${n.name ?? ''} (${dates})` : (n.name ?? '');
}
