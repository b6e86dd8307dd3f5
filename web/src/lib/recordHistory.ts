/**
 * Changes to a register record (person, company, conveyance), as the API reports them in the
 * record's own history and in the history of every case that links it (`record_update`):
 * `{field: {old, new}}` with the record's input field names and JSON values. These helpers
 * give each field the label the record forms use (an i18n key) and turn values into readable
 * lines: lists one item a line, documents as "type number (country)", codes by their label.
 */

import type { CompanyAddress, CompanyIdentifier, FormerName } from '@/api/types';
// the labels of a company's new fields (`companies:…`) are in a namespace loaded with this module
import '@/i18n/companies';
import { addressLine, formerNameLine, identifierLine } from './companies';

export type RecordKind = 'person' | 'company' | 'conveyance';
export type RegisterName = 'persons' | 'companies' | 'conveyances';

export const RECORD_KINDS: readonly RecordKind[] = ['person', 'company', 'conveyance'];

export function isRecordKind(v: unknown): v is RecordKind {
  return typeof v === 'string' && (RECORD_KINDS as readonly string[]).includes(v);
}

/** The register (and URL segment) a record kind lives in. */
export const REGISTER_OF: Readonly<Record<RecordKind, RegisterName>> = {
  person: 'persons',
  company: 'companies',
  conveyance: 'conveyances',
};

/** The page of a register record. */
export function recordPath(kind: RecordKind, id: string): string {
  return `/registers/${REGISTER_OF[kind]}/${id}`;
}

/** One changed field of a history entry: its label (an i18n key; undefined when unknown) and the old and new values as lines. */
export interface ChangeRow {
  field: string;
  labelKey: string | undefined;
  old: string[];
  new: string[];
}

export type FieldChanges = Record<string, { old?: unknown; new?: unknown } | undefined>;

/** The `changes` of a history entry (typed loosely by the API) as a field map. */
export function changesOf(c: unknown): FieldChanges {
  return c && typeof c === 'object' && !Array.isArray(c) ? (c as FieldChanges) : {};
}

/** Field → i18n key of its label, per record kind (the labels of the record pages and forms). */
export const RECORD_FIELD_LABELS: Readonly<Record<RecordKind, Readonly<Record<string, string>>>> = {
  person: {
    family_name: 'registers.person.family_name',
    given_names: 'registers.person.given_names',
    original_script_name: 'registers.person.original_script_name',
    aliases: 'registers.person.aliases',
    date_of_birth: 'registers.person.date_of_birth',
    place_of_birth: 'registers.person.place_of_birth',
    gender: 'registers.person.gender',
    nationalities: 'registers.person.nationalities',
    addresses: 'registers.person.addresses',
    phones: 'registers.person.phones',
    emails: 'registers.person.emails',
    notes: 'registers.notes',
    documents: 'registers.edit.documents',
  },
  company: {
    name: 'registers.company.name',
    aliases: 'registers.company.aliases',
    registration_number: 'registers.company.registration_number',
    tax_id: 'registers.company.tax_id',
    eori: 'registers.company.eori',
    country: 'registers.company.country',
    activities: 'registers.company.activities',
    status: 'registers.company.status',
    addresses: 'registers.company.addresses',
    notes: 'registers.notes',
    former_names: 'companies:fields.former_names',
    legal_form: 'companies:fields.legal_form',
    identifiers: 'companies:fields.identifiers',
    incorporation_country: 'companies:fields.incorporation_country',
    incorporated_on: 'companies:fields.incorporated_on',
    status_since: 'companies:fields.status_since',
    phones: 'companies:fields.phones',
    emails: 'companies:fields.emails',
    websites: 'companies:fields.websites',
    hs_chapters: 'companies:fields.hs_chapters',
    trade_countries: 'companies:fields.trade_countries',
  },
  conveyance: {
    conveyance_type: 'registers.conveyance.conveyance_type',
    identifier_kind: 'registers.conveyance.identifier_kind',
    identifier: 'registers.conveyance.identifier',
    country: 'registers.conveyance.country',
    name: 'registers.conveyance.name',
    make: 'registers.edit.make',
    model: 'registers.edit.model',
    notes: 'registers.notes',
  },
};

/** The i18n key of a record field's label; undefined for a field the UI does not know (shown by its name). */
export function recordFieldLabel(kind: RecordKind, field: string): string | undefined {
  const labels = RECORD_FIELD_LABELS[kind];
  return Object.hasOwn(labels, field) ? labels[field] : undefined;
}

/** Fields whose values are codes of a code list (one code, or a list of codes). */
const CODE_FIELDS: Readonly<Record<RecordKind, Readonly<Record<string, string>>>> = {
  person: { nationalities: 'countries' },
  company: {
    country: 'countries',
    activities: 'company_roles',
    incorporation_country: 'countries',
    trade_countries: 'countries',
    legal_form: 'legal_forms',
  },
  conveyance: { country: 'countries', conveyance_type: 'conveyance_types' },
};

/** Fields whose values are API enums, with the i18n prefix of their labels. */
const ENUM_FIELDS: Readonly<Record<RecordKind, Readonly<Record<string, string>>>> = {
  person: { gender: 'seizures.genders' },
  company: { status: 'registers.companyStatus' },
  conveyance: { identifier_kind: 'registers.identifierKinds' },
};

/** Every code list that the changed fields of a record need (so only those are loaded). */
export function recordCodeLists(kind: RecordKind, fields: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const f of fields) {
    if (kind === 'person' && f === 'documents') {
      out.add('document_types');
      out.add('countries');
    }
    // a company's addresses and identifiers name their country
    if (kind === 'company' && (f === 'addresses' || f === 'identifiers')) out.add('countries');
    const list = CODE_FIELDS[kind][f];
    if (list) out.add(list);
  }
  return out;
}

export interface ChangeFormat {
  t: (key: string, options?: Record<string, unknown>) => string;
  lang: string;
  /** The label of a code in a list (the code itself when unknown). */
  label: (list: string, code: string) => string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

export const DASH = '—';

/** A JSON value the UI has no rule for: scalars as they are, structures compactly. */
function plain(v: unknown, f: ChangeFormat): string {
  if (blank(v)) return DASH;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return f.t(v ? 'common.yes' : 'common.no');
  if (typeof v === 'number') return new Intl.NumberFormat(f.lang, { maximumFractionDigits: 3 }).format(v);
  const json = JSON.stringify(v);
  return json.length > 300 ? `${json.slice(0, 297)}…` : json;
}

/** An identity document: "Passport 751234567 (Russia) · Expires 2030-01-31". */
export function documentLine(d: Obj, f: ChangeFormat): string {
  const type = d.document_type ? f.label('document_types', str(d.document_type)) : '';
  const head = [type, str(d.number)].filter(Boolean).join(' ');
  const country = d.issuing_country ? ` (${f.label('countries', str(d.issuing_country))})` : '';
  const expires = d.expires_on ? ` · ${f.t('registers.document.expires')} ${str(d.expires_on)}` : '';
  return `${head || DASH}${country}${expires}`;
}

/** A company's address: "Registered office: 1 Quay Street, 76600 Le Havre, France" (an address recorded as text stays as it is). */
export function addressChangeLine(a: Obj, f: ChangeFormat): string {
  const line = addressLine(a as Partial<CompanyAddress>, (c) => f.label('countries', c)) || DASH;
  return a.kind ? `${f.t(`companies:address.kinds.${str(a.kind)}`, { defaultValue: str(a.kind) })}${f.t('companies:labelSeparator')}${line}` : line;
}

/** The structured items of a company's lists, one line each. */
function companyItem(field: string, v: Obj, f: ChangeFormat): string | null {
  if (field === 'addresses') return addressChangeLine(v, f);
  if (field === 'identifiers') {
    const kind = (k: string) => f.t(`companies:identifier.kinds.${k}`, { defaultValue: k });
    return identifierLine(v as Partial<CompanyIdentifier>, kind, (c) => f.label('countries', c)) || DASH;
  }
  if (field === 'former_names') return formerNameLine(v as Partial<FormerName>) || DASH;
  return null;
}

/**
 * A record field's value as lines of text: lists one item a line, documents one a line,
 * codes and enums by their label, booleans in words, `—` for nothing.
 */
export function formatRecordChange(kind: RecordKind, field: string, value: unknown, f: ChangeFormat): string[] {
  if (blank(value)) return [DASH];
  const list = CODE_FIELDS[kind][field];
  const prefix = ENUM_FIELDS[kind][field];
  const one = (v: unknown): string => {
    if (blank(v)) return DASH;
    if (list && typeof v === 'string') return f.label(list, v);
    if (prefix && typeof v === 'string') return f.t(`${prefix}.${v}`, { defaultValue: v });
    if (kind === 'person' && field === 'documents' && isObj(v)) return documentLine(v, f);
    if (kind === 'company' && isObj(v)) return companyItem(field, v, f) ?? plain(v, f);
    return plain(v, f);
  };
  return Array.isArray(value) ? value.map(one) : [one(value)];
}

/** The rows of a record's change: every changed field, labelled, old and new values as lines. */
export function recordChangeRows(kind: RecordKind, changes: unknown, f: ChangeFormat): ChangeRow[] {
  return Object.entries(changesOf(changes)).map(([field, change]) => ({
    field,
    labelKey: recordFieldLabel(kind, field),
    old: formatRecordChange(kind, field, change?.old, f),
    new: formatRecordChange(kind, field, change?.new, f),
  }));
}
