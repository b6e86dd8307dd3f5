/**
 * The screening form: its values (a person and a company, both kept while the officer switches
 * between them), the request each gives, the client checks (values are i18n keys), where the
 * server's field errors can be shown, and how scores and contributions are written.
 */
import type { Gender } from '@/api/types';
import { fieldErrorMessage } from '@/lib/forms';
import { checkPartialDate } from '@/lib/validation';
import type { ScreeningCompany, ScreeningPerson, ScreeningRequest } from '../api/screening';

export type Subject = 'person' | 'company';
export const SUBJECTS: readonly Subject[] = ['person', 'company'];

/** A full name in one field (any order, any script), or family and given names apart. */
export type NameEntry = 'full' | 'parts';

/** A document number row. */
export interface DocumentQueryValues {
  /** Stable React key (never sent). */
  key: string;
  number: string;
  country: string | null;
}

export interface PersonQueryValues {
  nameEntry: NameEntry;
  name: string;
  family_name: string;
  given_names: string;
  date_of_birth: string;
  gender: string | null;
  nationalities: string[];
  documents: DocumentQueryValues[];
  phones: string[];
  emails: string[];
}

export interface CompanyQueryValues {
  name: string;
  country: string | null;
  registration_number: string;
  tax_id: string;
  eori: string;
}

export interface ScreeningFormValues {
  person: PersonQueryValues;
  company: CompanyQueryValues;
}

/** The most document numbers a query may carry (the server's limit). */
export const MAX_DOCUMENTS = 20;

let seq = 0;
export function emptyDocumentQuery(): DocumentQueryValues {
  seq += 1;
  return { key: `s${seq}`, number: '', country: null };
}

export function emptyScreeningForm(): ScreeningFormValues {
  return {
    person: {
      nameEntry: 'full',
      name: '',
      family_name: '',
      given_names: '',
      date_of_birth: '',
      gender: null,
      nationalities: [],
      documents: [],
      phones: [],
      emails: [],
    },
    company: { name: '', country: null, registration_number: '', tax_id: '', eori: '' },
  };
}

const text = (v: string): string | null => (v.trim() ? v.trim() : null);
/** Trimmed, blank items dropped, each once. */
const items = (v: readonly string[]): string[] => [...new Set(v.map((x) => x.trim()).filter(Boolean))];

/**
 * The person as the API takes it: only the name fields of the chosen entry are sent. Every
 * document row is sent (a blank one is stopped by the client check first), so the server's
 * `person.documents[i]` errors name the row the officer sees.
 */
export function personRequest(v: PersonQueryValues): ScreeningPerson {
  const full = v.nameEntry === 'full';
  return {
    name: full ? text(v.name) : null,
    family_name: full ? null : text(v.family_name),
    given_names: full ? null : text(v.given_names),
    date_of_birth: text(v.date_of_birth),
    gender: (v.gender as Gender | null) ?? null,
    nationalities: v.nationalities,
    documents: v.documents.map((d) => ({ number: d.number.trim(), country: d.country })),
    phones: items(v.phones),
    emails: items(v.emails),
  };
}

export function companyRequest(v: CompanyQueryValues): ScreeningCompany {
  return {
    name: text(v.name),
    country: v.country,
    registration_number: text(v.registration_number),
    tax_id: text(v.tax_id),
    eori: text(v.eori),
  };
}

export function screeningRequest(subject: Subject, v: ScreeningFormValues): ScreeningRequest {
  return subject === 'person' ? { person: personRequest(v.person) } : { company: companyRequest(v.company) };
}

/**
 * What the client checks before asking (form path → i18n key): a date of birth as the server
 * reads it, no blank document row. Whether there is anything to match is the server's to say.
 */
export function validateScreening(subject: Subject, v: ScreeningFormValues, now: Date = new Date()): Record<string, string> {
  const e: Record<string, string> = {};
  if (subject !== 'person') return e;
  const p = v.person;
  if (p.date_of_birth.trim()) {
    const dob = checkPartialDate(p.date_of_birth, now);
    if (dob) e['person.date_of_birth'] = dob;
  }
  if (p.documents.length > MAX_DOCUMENTS) e['person.documents'] = 'validation.tooMany';
  p.documents.forEach((d, i) => {
    if (!d.number.trim()) e[`person.documents.${i}.number`] = 'validation.required';
  });
  return e;
}

const PERSON_FIELDS = ['name', 'family_name', 'given_names', 'date_of_birth', 'gender', 'nationalities', 'documents', 'phones', 'emails'];
const COMPANY_FIELDS = ['name', 'country', 'registration_number', 'tax_id', 'eori'];

/**
 * The form paths that show an error: each field, each document row and its fields, and the
 * person or company as a whole (`nothing_to_match`).
 */
export function screeningErrorPaths(v: ScreeningFormValues): Set<string> {
  return new Set([
    'person',
    ...PERSON_FIELDS.map((f) => `person.${f}`),
    ...v.person.documents.flatMap((_, i) => [`person.documents.${i}`, `person.documents.${i}.number`, `person.documents.${i}.country`]),
    'company',
    ...COMPANY_FIELDS.map((f) => `company.${f}`),
  ]);
}

/**
 * A server field error in the UI language: nothing to match (for a person or a company), a
 * date of birth that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, then the shared codes, else the
 * server's message.
 */
export function screeningFieldErrorMessage(t: (key: string) => string, e: { field: string; code?: string; message: string }): string {
  if (e.code === 'nothing_to_match') return t(e.field.startsWith('company') ? 'screening.errors.nothingToMatch.company' : 'screening.errors.nothingToMatch.person');
  if (e.field === 'person.date_of_birth' && (e.code === 'format' || e.code === 'date')) return t('validation.partialDate');
  return fieldErrorMessage(t, e);
}

/**
 * A score as a percentage in the UI language, rounded down (at one decimal), so a score just
 * under a threshold never reads as the threshold itself.
 */
export function formatScore(score: number, lang: string): string {
  const down = Math.floor(score * 1000 + 1e-9) / 1000;
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(down);
}

/** A threshold as a percentage in the UI language ("80%", "80 %", "٨٠٪"). */
export function formatThreshold(value: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** A contribution to the score, always signed, with a true minus sign: "+0.15", "−0.35", "0.00". */
export function formatContribution(value: number, lang: string): string {
  const rounded = Math.round(value * 100) / 100;
  const digits = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.abs(rounded));
  if (rounded > 0) return `+${digits}`;
  if (rounded < 0) return `\u2212${digits}`;
  return digits;
}

/** The features the interface names (others are shown by their code). */
export const FEATURES = [
  'name_tokens',
  'name_joined',
  'name_consonants',
  'name_absent',
  'date_of_birth',
  'gender',
  'nationality',
  'document',
  'phone',
  'email',
  'address',
  'country',
  'registration_number',
  'tax_id',
  'eori',
  // a conveyance identifier a list's line shares with a register record
  'container',
  'air_waybill',
  'bill_of_lading',
  'flight_number',
  'plate',
] as const;
