/**
 * The edit forms of the registers: their values, from and to the API's `PersonInput` /
 * `CompanyInput` / `ConveyanceInput`, the client checks (mirroring the records' `clean` on the
 * server; values are i18n keys) and the paths at which the server's field errors are shown.
 *
 * A save sends `mergePatch(toInput(initial), toInput(values))`: only what the officer changed.
 */
import type {
  AddressKind,
  CompanyAddress,
  CompanyInput,
  CompanyRecord,
  CompanyStatus,
  ConveyanceInput,
  ConveyanceRecord,
  Gender,
  IdentifierKind,
  PersonInput,
  PersonRecord,
  TradeIdKind,
} from '@/api/types';
import { TRADE_IDS_NEEDING_COUNTRY } from '@/lib/codes';
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
import { checkPartialDate, isEmail, isEori, isoDate } from '@/lib/validation';

export type Errors = Record<string, string>;

/** Field error codes of the registers that the shared map does not know, as i18n keys. */
const REGISTER_CODES: Record<string, string> = {
  no_letters: 'registers.errors.noLetters',
  // a company's identifiers, legal form and dates
  country_required: 'companies:errors.countryRequired',
  country_mismatch: 'companies:errors.countryMismatch',
  before_start: 'companies:errors.beforeStart',
  duplicate: 'companies:errors.duplicate',
};

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

/** An address row of the company form. */
export interface AddressValues {
  /** Stable React key (never sent to the API). */
  key: string;
  kind: AddressKind | null;
  street: string;
  postcode: string;
  city: string;
  country: string | null;
}

/** A former name row of the company form (dates `YYYY-MM-DD`, or blank). */
export interface FormerNameValues {
  key: string;
  name: string;
  from: string;
  until: string;
}

/** An identifier row of the company form (VAT, LEI, IBAN, AEO…). */
export interface IdentifierValues {
  key: string;
  kind: TradeIdKind | null;
  value: string;
  country: string | null;
}

let rowSeq = 0;
const rowKey = (prefix: string) => `${prefix}${++rowSeq}`;

export function emptyAddress(kind: AddressKind | null = null): AddressValues {
  return { key: rowKey('a'), kind, street: '', postcode: '', city: '', country: null };
}
export function emptyFormerName(): FormerNameValues {
  return { key: rowKey('f'), name: '', from: '', until: '' };
}
export function emptyIdentifier(): IdentifierValues {
  return { key: rowKey('i'), kind: null, value: '', country: null };
}

/** The most rows the server takes (`max_items`). */
export const COMPANY_LIMITS = { addresses: 20, former_names: 20, identifiers: 30 } as const;

export interface CompanyFormValues {
  name: string;
  aliases: string[];
  former_names: FormerNameValues[];
  legal_form: string | null;
  registration_number: string;
  tax_id: string;
  eori: string;
  identifiers: IdentifierValues[];
  country: string | null;
  incorporation_country: string | null;
  incorporated_on: string;
  activities: string[];
  status: string | null;
  status_since: string;
  addresses: AddressValues[];
  phones: string[];
  emails: string[];
  websites: string[];
  hs_chapters: string[];
  trade_countries: string[];
  notes: string;
}

export function emptyCompanyForm(name = ''): CompanyFormValues {
  return {
    name,
    aliases: [],
    former_names: [],
    legal_form: null,
    registration_number: '',
    tax_id: '',
    eori: '',
    identifiers: [],
    country: null,
    incorporation_country: null,
    incorporated_on: '',
    activities: [],
    status: null,
    status_since: '',
    addresses: [],
    phones: [],
    emails: [],
    websites: [],
    hs_chapters: [],
    trade_countries: [],
    notes: '',
  };
}

export function companyToForm(c: CompanyRecord): CompanyFormValues {
  return {
    name: c.name,
    aliases: [...(c.aliases ?? [])],
    former_names: (c.former_names ?? []).map((n) => ({ ...emptyFormerName(), name: n.name, from: s(n.from), until: s(n.until) })),
    legal_form: c.legal_form ?? null,
    registration_number: s(c.registration_number),
    tax_id: s(c.tax_id),
    eori: s(c.eori),
    identifiers: (c.identifiers ?? []).map((i) => ({ ...emptyIdentifier(), kind: i.kind, value: i.value, country: i.country ?? null })),
    country: c.country ?? null,
    incorporation_country: c.incorporation_country ?? null,
    incorporated_on: s(c.incorporated_on),
    activities: [...(c.activities ?? [])],
    status: c.status ?? null,
    status_since: s(c.status_since),
    addresses: (c.addresses ?? []).map((a) => ({
      ...emptyAddress(a.kind ?? null),
      street: s(a.street),
      postcode: s(a.postcode),
      city: s(a.city),
      country: a.country ?? null,
    })),
    phones: [...(c.phones ?? [])],
    emails: [...(c.emails ?? [])],
    websites: [...(c.websites ?? [])],
    hs_chapters: [...(c.hs_chapters ?? [])],
    trade_countries: [...(c.trade_countries ?? [])],
    notes: s(c.notes),
  };
}

/** An HS chapter as the server takes it: two digits ("7" → "07"). */
const hsChapter = (v: string): string => (/^\d$/.test(v.trim()) ? `0${v.trim()}` : v.trim());

/**
 * Every row is sent, blank ones too (the client check stops those first), so the server's
 * `addresses[i]`, `former_names[i]` and `identifiers[i]` errors name the row the officer sees.
 */
export function addressInput(a: AddressValues): CompanyAddress {
  return { kind: a.kind, street: text(a.street), postcode: text(a.postcode), city: text(a.city), country: a.country };
}

export function companyFormToInput(v: CompanyFormValues): CompanyInput {
  return {
    name: v.name.trim(),
    aliases: items(v.aliases),
    former_names: v.former_names.map((n) => ({ name: n.name.trim(), from: n.from || null, until: n.until || null })),
    legal_form: v.legal_form,
    registration_number: text(v.registration_number),
    tax_id: text(v.tax_id),
    eori: text(v.eori),
    identifiers: v.identifiers.map((i) => ({ kind: (i.kind ?? '') as TradeIdKind, value: i.value.trim(), country: i.country })),
    country: v.country,
    incorporation_country: v.incorporation_country,
    incorporated_on: text(v.incorporated_on),
    activities: v.activities,
    status: (v.status as CompanyStatus | null) ?? null,
    status_since: text(v.status_since),
    addresses: v.addresses.map(addressInput),
    phones: items(v.phones),
    emails: items(v.emails),
    websites: items(v.websites),
    hs_chapters: items(v.hs_chapters.map(hsChapter)),
    trade_countries: v.trade_countries,
    notes: text(v.notes),
  };
}

/**
 * The country whose legal forms the company may have: where it was incorporated, or else its
 * country (the server's rule); null while neither is chosen.
 */
export function legalFormCountry(v: Pick<CompanyFormValues, 'country' | 'incorporation_country'>): string | null {
  return v.incorporation_country ?? v.country ?? null;
}

/** The country of a `legal_forms` entry (its `country` attribute), or null. */
export function legalFormCountryOf(entry: { attributes?: unknown } | undefined): string | null {
  const country = (entry?.attributes as Record<string, unknown> | null | undefined)?.country;
  return typeof country === 'string' ? country : null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A whole date (`YYYY-MM-DD`) that exists, optionally not after `now`; null when fine or blank. */
export function checkDate(v: string, now?: Date): string | null {
  const value = v.trim();
  if (!value) return null;
  const m = ISO_DATE.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !date || date.toISOString().slice(0, 10) !== value) return 'companies:errors.date';
  if (now && value > isoDate(now)) return 'validation.future';
  return null;
}

const HS_CHAPTER = /^(0[1-9]|[1-8]\d|9[0-7])$/;
/** An HS chapter the server takes: two digits, 01 to 97, not the reserved 77. */
export const isHsChapter = (v: string): boolean => HS_CHAPTER.test(hsChapter(v)) && hsChapter(v) !== '77';

/** A value as the server compares identifiers: letters and digits, upper case. */
const idKey = (v: string) => v.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');

export function validateCompany(v: CompanyFormValues, now: Date = new Date()): Errors {
  const e: Errors = {};
  const put = (path: string, key: string | null) => {
    if (key && !(path in e)) e[path] = key;
  };
  if (!v.name.trim()) e.name = 'validation.required';
  else if (!hasLetter(v.name)) e.name = 'registers.errors.noLetters';
  if (v.eori.trim() && !isEori(v.eori)) e.eori = 'validation.eori';
  put('incorporated_on', checkDate(v.incorporated_on, now));
  put('status_since', checkDate(v.status_since, now));
  if (!e.incorporated_on && !e.status_since && v.incorporated_on && v.status_since && v.status_since < v.incorporated_on) {
    e.status_since = 'companies:errors.beforeIncorporation';
  }

  if (v.addresses.length > COMPANY_LIMITS.addresses) e.addresses = 'validation.tooMany';
  v.addresses.forEach((a, i) => {
    if (!a.street.trim() && !a.postcode.trim() && !a.city.trim()) e[`addresses.${i}.street`] = 'companies:errors.addressPlace';
  });

  if (v.former_names.length > COMPANY_LIMITS.former_names) e.former_names = 'validation.tooMany';
  v.former_names.forEach((n, i) => {
    const p = `former_names.${i}`;
    if (!n.name.trim()) e[`${p}.name`] = 'validation.required';
    else if (!hasLetter(n.name)) e[`${p}.name`] = 'registers.errors.noLetters';
    put(`${p}.from`, checkDate(n.from));
    put(`${p}.until`, checkDate(n.until));
    if (!e[`${p}.from`] && !e[`${p}.until`] && n.from && n.until && n.until < n.from) e[`${p}.until`] = 'companies:errors.untilBeforeFrom';
  });

  if (v.identifiers.length > COMPANY_LIMITS.identifiers) e.identifiers = 'validation.tooMany';
  const seen = new Set<string>();
  v.identifiers.forEach((id, i) => {
    const p = `identifiers.${i}`;
    if (!id.kind) e[`${p}.kind`] = 'validation.required';
    if (!id.value.trim()) e[`${p}.value`] = 'validation.required';
    else if (!/[\p{L}\p{N}]/u.test(id.value)) e[`${p}.value`] = 'validation.lettersOrDigits';
    else if (id.kind === 'eori' && !isEori(id.value)) e[`${p}.value`] = 'validation.eori';
    else if (id.kind) {
      const key = `${id.kind}:${idKey(id.value)}`;
      if (seen.has(key)) e[`${p}.value`] = 'companies:errors.duplicate';
      seen.add(key);
    }
    if (id.kind && TRADE_IDS_NEEDING_COUNTRY.includes(id.kind) && !id.country) e[`${p}.country`] = 'companies:errors.countryRequired';
  });

  if (items(v.emails).some((x) => !isEmail(x))) e.emails = 'validation.email';
  if (items(v.hs_chapters).some((x) => !isHsChapter(x))) e.hs_chapters = 'companies:errors.hsChapter';
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

const COMPANY_FIELDS = [
  'name',
  'aliases',
  'former_names',
  'legal_form',
  'registration_number',
  'tax_id',
  'eori',
  'identifiers',
  'country',
  'incorporation_country',
  'incorporated_on',
  'activities',
  'status',
  'status_since',
  'addresses',
  'phones',
  'emails',
  'websites',
  'hs_chapters',
  'trade_countries',
  'notes',
] as const satisfies readonly (keyof CompanyFormValues)[];

/** The fields of each kind of row, in the order a row shows them. */
export const ADDRESS_FIELDS = ['kind', 'street', 'postcode', 'city', 'country'] as const satisfies readonly (keyof AddressValues)[];
export const FORMER_NAME_FIELDS = ['name', 'from', 'until'] as const satisfies readonly (keyof FormerNameValues)[];
export const IDENTIFIER_FIELDS = ['kind', 'value', 'country'] as const satisfies readonly (keyof IdentifierValues)[];

/** `list`, each row `list.i`, and each row's fields `list.i.field`. */
function rowPaths(list: string, count: number, fields: readonly string[]): string[] {
  return [list, ...Array.from({ length: count }, (_, i) => [`${list}.${i}`, ...fields.map((f) => `${list}.${i}.${f}`)]).flat()];
}

/**
 * Where the company form shows errors: every field, each row of the lists of addresses,
 * former names and identifiers, and each row's fields (`identifiers[0].value` → at the
 * number of the first identifier; `emails[2]` → at the e-mails).
 */
export function companyErrorPaths(v: CompanyFormValues): Set<string> {
  return new Set<string>([
    ...COMPANY_FIELDS,
    ...rowPaths('addresses', v.addresses.length, ADDRESS_FIELDS),
    ...rowPaths('former_names', v.former_names.length, FORMER_NAME_FIELDS),
    ...rowPaths('identifiers', v.identifiers.length, IDENTIFIER_FIELDS),
  ]);
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
