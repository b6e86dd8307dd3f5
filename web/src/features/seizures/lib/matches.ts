/**
 * Likely matches in the registers of a record being entered in the case form, as offered to
 * the officer ("Possible matches", suggestions).
 */
import type { CompanyRecord, PersonRecord } from '@/api/types';
import { personLabel } from './caseForm';

/** A record the register already holds; `detail` says why it matches when its label does not. */
export interface PossibleMatch {
  id: string;
  label: string;
  detail?: string;
}

/** A document number as the register compares them: letters and digits only, in capitals. */
const normalized = (n: string) => n.replace(/[^\p{L}\p{N}]/gu, '').toLocaleUpperCase();

/**
 * The persons found under the name being typed or carrying one of the typed document numbers
 * (`queries`); one found by a number says which.
 */
export function personMatches(persons: readonly PersonRecord[], queries: readonly string[], t: (key: string, o?: Record<string, unknown>) => string): PossibleMatch[] {
  const typed = new Set(queries.map(normalized).filter(Boolean));
  return persons.map((p) => {
    const doc = (p.documents ?? []).find((d) => typed.has(normalized(d.number)));
    return { id: p.id, label: personLabel(p), ...(doc ? { detail: t('seizures.links.carriesDocument', { number: doc.number }) } : {}) };
  });
}

/** Company names to suggest for a conveyance's name (airline, shipping line, carrier): each name once. */
export function companyNames(companies: readonly CompanyRecord[]): string[] {
  return [...new Set(companies.map((c) => c.name.trim()).filter(Boolean))];
}
