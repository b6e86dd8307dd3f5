/**
 * The edit forms of the registers: their values, from and to the API's `PersonInput` /
 * `CompanyInput` / `ConveyanceInput`, the client checks (mirroring the records' `clean` on the
 * server; values are i18n keys) and the paths at which the server's field errors are shown.
 *
 * A save sends `mergePatch(toInput(initial), toInput(values))`: only what the officer changed.
 */
import type {
  CompanyInput,
  CompanyRecord,
  CompanyStatus,
  ConveyanceInput,
  ConveyanceRecord,
  Gender,
  IdentifierKind,
  PersonInput,
  PersonRecord,
} from '@/api/types';
import { fieldErrorMessage } from '@/lib/forms';
import {
  documentErrorPaths,
  documentInput,
  documentNumbers,
  emptyDocument,
  hasLetter,
  validateDocuments,
  type DocumentValues,
} from '@/lib/persons';
import { checkPartialDate, isEmail, isEori } from '@/lib/validation';

export type Errors = Record<string, string>;

/** Field error codes of the registers that the shared map does not know, as i18n keys. */
const REGISTER_CODES: Record<string, string> = { no_letters: 'registers.errors.noLetters' };

/** A server field error in the UI language: the registers' own codes first, then the shared ones. */
export function registerFieldErrorMessage(t: (key: string) => string, e: { code?: string; message: string }): string {
  const key = e.code ? REGISTER_CODES[e.code] : undefined;
  return key ? t(key) : fieldErrorMessage(t, e);
}

const s = (v: string | null | undefined) => v ?? '';
const text = (v: string): string | null => (v.trim() ? v.trim() : null);
/** Trimmed, blank items dropped, duplicates kept once (as the server stores lists). */
const items = (v: readonly string[]): string[] => [...new Set(v.map((x) => x.trim()).filter(Boolean))];
/** One item a line (addresses may contain commas). */
const lines = (v: string): string[] => items(v.split('\n'));

// ---- persons

/** A year of birth as the persons search takes it, or null (not four digits, or not from 1900 to this year). */
export function birthYear(v: string, now: Date = new Date()): number | null {
  if (!/^\d{4}$/.test(v.trim())) return null;
  const y = Number(v);
  return y >= 1900 && y <= now.getFullYear() ? y : null;
}

/** `FAMILY Given`, as the register shows a person. */
export function personName(p: { family_name: string; given_names?: string | null }): string {
  return [p.family_name.toUpperCase(), p.given_names].filter(Boolean).join(' ');
}

export interface PersonFormValues {
  family_name: string;
  given_names: string;
  original_script_name: string;
  aliases: string[];
  date_of_birth: string;
  place_of_birth: string;
  gender: string | null;
  nationalities: string[];
  addresses: string;
  phones: string[];
  emails: string[];
  notes: string;
  documents: DocumentValues[];
}

/** A person about to be registered, optionally named already (see `splitName` in `@/lib/persons`). */
export function emptyPersonForm(name: { family_name?: string; given_names?: string } = {}): PersonFormValues {
  return {
    family_name: name.family_name ?? '',
    given_names: name.given_names ?? '',
    original_script_name: '',
    aliases: [],
    date_of_birth: '',
    place_of_birth: '',
    gender: null,
    nationalities: [],
    addresses: '',
    phones: [],
    emails: [],
    notes: '',
    documents: [],
  };
}

export function personToForm(p: PersonRecord): PersonFormValues {
  return {
    family_name: p.family_name,
    given_names: s(p.given_names),
    original_script_name: s(p.original_script_name),
    aliases: [...(p.aliases ?? [])],
    date_of_birth: s(p.date_of_birth),
    place_of_birth: s(p.place_of_birth),
    gender: p.gender ?? null,
    nationalities: [...(p.nationalities ?? [])],
    addresses: (p.addresses ?? []).join('\n'),
    phones: [...(p.phones ?? [])],
    emails: [...(p.emails ?? [])],
    notes: s(p.notes),
    documents: (p.documents ?? []).map((d) => ({
      ...emptyDocument(),
      document_type: d.document_type,
      number: d.number,
      issuing_country: d.issuing_country ?? null,
      expires_on: s(d.expires_on),
    })),
  };
}

export function personFormToInput(v: PersonFormValues): PersonInput {
  return {
    family_name: v.family_name.trim(),
    given_names: text(v.given_names),
    original_script_name: text(v.original_script_name),
    aliases: items(v.aliases),
    date_of_birth: text(v.date_of_birth),
    place_of_birth: text(v.place_of_birth),
    gender: (v.gender as Gender | null) ?? null,
    nationalities: v.nationalities,
    addresses: lines(v.addresses),
    phones: items(v.phones),
    emails: items(v.emails),
    notes: text(v.notes),
    documents: v.documents.map(documentInput),
  };
}

export function validatePerson(v: PersonFormValues, now: Date = new Date()): Errors {
  const e: Errors = {};
  if (!v.family_name.trim()) e.family_name = 'validation.required';
  else if (!hasLetter(v.family_name)) e.family_name = 'registers.errors.noLetters';
  if (v.date_of_birth.trim()) {
    const dob = checkPartialDate(v.date_of_birth, now);
    if (dob) e.date_of_birth = dob;
  }
  if (items(v.emails).some((x) => !isEmail(x))) e.emails = 'validation.email';
  return { ...e, ...validateDocuments(v.documents) };
}

const PERSON_FIELDS = [
  'family_name',
  'given_names',
  'original_script_name',
  'aliases',
  'date_of_birth',
  'place_of_birth',
  'gender',
  'nationalities',
  'addresses',
  'phones',
  'emails',
  'notes',
  'documents',
] as const satisfies readonly (keyof PersonFormValues)[];

export function personErrorPaths(v: PersonFormValues): Set<string> {
  return new Set<string>([...PERSON_FIELDS, ...documentErrorPaths(v.documents)]);
}

/**
 * What to ask `POST /persons/duplicates` about the person being entered, or null while there
 * is nothing worth asking: a document number, or a family name with a full date of birth
 * (a year alone, or a name alone, would match too many). Only the fields the check reads are
 * sent, so the answer can be cached by them.
 */
export function personDuplicateProbe(v: PersonFormValues): PersonInput | null {
  const numbers = documentNumbers(v.documents);
  const family = v.family_name.trim();
  const dob = v.date_of_birth.trim();
  const fullDob = /^\d{4}-\d{2}-\d{2}$/.test(dob) && checkPartialDate(dob, new Date()) === null;
  const byName = hasLetter(family) && fullDob;
  if (numbers.length === 0 && !byName) return null;
  return {
    family_name: byName ? family : '',
    given_names: byName ? text(v.given_names) : null,
    date_of_birth: byName ? dob : null,
    documents: numbers.map((number) => ({ document_type: '', number })),
  };
}

// ---- companies

export function emptyCompanyForm(name = ''): CompanyFormValues {
  return {
    name,
    aliases: [],
    registration_number: '',
    tax_id: '',
    eori: '',
    country: null,
    activities: [],
    status: null,
    addresses: '',
    notes: '',
  };
}

export interface CompanyFormValues {
  name: string;
  aliases: string[];
  registration_number: string;
  tax_id: string;
  eori: string;
  country: string | null;
  activities: string[];
  status: string | null;
  addresses: string;
  notes: string;
}

export function companyToForm(c: CompanyRecord): CompanyFormValues {
  return {
    name: c.name,
    aliases: [...(c.aliases ?? [])],
    registration_number: s(c.registration_number),
    tax_id: s(c.tax_id),
    eori: s(c.eori),
    country: c.country ?? null,
    activities: [...(c.activities ?? [])],
    status: c.status ?? null,
    addresses: (c.addresses ?? []).join('\n'),
    notes: s(c.notes),
  };
}

export function companyFormToInput(v: CompanyFormValues): CompanyInput {
  return {
    name: v.name.trim(),
    aliases: items(v.aliases),
    registration_number: text(v.registration_number),
    tax_id: text(v.tax_id),
    eori: text(v.eori),
    country: v.country,
    activities: v.activities,
    status: (v.status as CompanyStatus | null) ?? null,
    addresses: lines(v.addresses),
    notes: text(v.notes),
  };
}

export function validateCompany(v: CompanyFormValues): Errors {
  const e: Errors = {};
  if (!v.name.trim()) e.name = 'validation.required';
  else if (!hasLetter(v.name)) e.name = 'registers.errors.noLetters';
  if (v.eori.trim() && !isEori(v.eori)) e.eori = 'validation.eori';
  return e;
}

/**
 * What to ask `POST /companies/duplicates` about the company being entered (its name, when it
 * has a letter, and its identifiers), or null while none is filled.
 */
export function companyDuplicateProbe(v: CompanyFormValues): CompanyInput | null {
  const name = v.name.trim();
  const probe: CompanyInput = {
    name: hasLetter(name) && name.length >= 2 ? name : '',
    registration_number: text(v.registration_number),
    tax_id: text(v.tax_id),
    eori: text(v.eori),
  };
  return probe.name || probe.registration_number || probe.tax_id || probe.eori ? probe : null;
}

export function companyErrorPaths(): Set<string> {
  return new Set<string>(['name', 'aliases', 'registration_number', 'tax_id', 'eori', 'country', 'activities', 'status', 'addresses', 'notes']);
}

// ---- conveyances

export interface ConveyanceFormValues {
  conveyance_type: string | null;
  identifier_kind: string | null;
  identifier: string;
  country: string | null;
  name: string;
  make: string;
  model: string;
  notes: string;
}

export function conveyanceToForm(c: ConveyanceRecord): ConveyanceFormValues {
  return {
    conveyance_type: c.conveyance_type,
    identifier_kind: c.identifier_kind,
    identifier: c.identifier,
    country: c.country ?? null,
    name: s(c.name),
    make: s(c.make),
    model: s(c.model),
    notes: s(c.notes),
  };
}

export function conveyanceFormToInput(v: ConveyanceFormValues): ConveyanceInput {
  return {
    conveyance_type: v.conveyance_type ?? '',
    identifier_kind: (v.identifier_kind ?? '') as IdentifierKind,
    identifier: v.identifier.trim(),
    country: v.country,
    name: text(v.name),
    make: text(v.make),
    model: text(v.model),
    notes: text(v.notes),
  };
}

export function validateConveyance(v: ConveyanceFormValues): Errors {
  const e: Errors = {};
  if (!v.conveyance_type) e.conveyance_type = 'validation.required';
  if (!v.identifier_kind) e.identifier_kind = 'validation.required';
  if (!v.identifier.trim()) e.identifier = 'validation.required';
  return e;
}

export function conveyanceErrorPaths(): Set<string> {
  return new Set<string>(['conveyance_type', 'identifier_kind', 'identifier', 'country', 'name', 'make', 'model', 'notes']);
}
