/**
 * Two records of a pair side by side: one row per main field either side has, each value a
 * line (lists one item a line, codes by their label), and whether the two sides say the same —
 * compared as the matching engine would see them: names without case and spacing, numbers
 * without separators, phones by their last digits, lists as sets.
 */
import type { Company, Person } from '@/api/types';
import { addressLine, formerNameLine, identifierLine } from '@/lib/companies';
import { recordFieldLabel } from '@/lib/recordHistory';
import type { MergeKind } from '../api/types';

export type RowState = 'same' | 'different' | 'one_side';

export interface CompareItem {
  text: string;
  /** the other side holds the same value */
  shared: boolean;
}

export interface CompareRow {
  field: string;
  /** i18n key of the field's label (the record forms' labels) */
  labelKey: string;
  left: CompareItem[];
  right: CompareItem[];
  state: RowState;
}

export interface CompareLabels {
  country: (code: string) => string;
  documentType: (code: string) => string;
  gender: (gender: string) => string;
  /** A company identifier's kind (`vat`, `lei`…); the kind itself when not given. */
  identifierKind?: (kind: string) => string;
}

interface Value {
  text: string;
  key: string;
}

const plain = (v: string) => v.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
const alnum = (v: string) => v.normalize('NFKC').toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
const phoneKey = (v: string) => {
  const digits = v.replace(/\D/g, '');
  return digits.length >= 6 ? digits.slice(-9) : plain(v);
};

const present = (v: string | null | undefined): v is string => typeof v === 'string' && v.trim() !== '';
const one = (v: string | null | undefined, key: (s: string) => string = plain, text: (s: string) => string = (s) => s): Value[] =>
  present(v) ? [{ text: text(v), key: key(v) }] : [];
const many = (vs: readonly string[] | null | undefined, key: (s: string) => string = plain, text: (s: string) => string = (s) => s): Value[] =>
  (vs ?? []).filter(present).map((v) => ({ text: text(v), key: key(v) }));

type Extract<R> = (r: R, l: CompareLabels) => Value[];

const PERSON_FIELDS: [string, Extract<Person>][] = [
  ['family_name', (p) => one(p.family_name)],
  ['given_names', (p) => one(p.given_names)],
  ['original_script_name', (p) => one(p.original_script_name)],
  ['aliases', (p) => many(p.aliases)],
  ['date_of_birth', (p) => one(p.date_of_birth, (s) => s.trim())],
  ['place_of_birth', (p) => one(p.place_of_birth)],
  ['gender', (p, l) => one(p.gender, (s) => s, l.gender)],
  ['nationalities', (p, l) => many(p.nationalities, (s) => s.toUpperCase(), l.country)],
  [
    'documents',
    (p, l) =>
      (p.documents ?? [])
        .filter((d) => present(d.number))
        .map((d) => ({
          text: [l.documentType(d.document_type), d.number].filter(Boolean).join(' ') + (d.issuing_country ? ` (${l.country(d.issuing_country)})` : ''),
          key: alnum(d.number),
        })),
  ],
  ['phones', (p) => many(p.phones, phoneKey)],
  ['emails', (p) => many(p.emails, (s) => s.trim().toLowerCase())],
  ['addresses', (p) => many(p.addresses)],
];

const COMPANY_FIELDS: [string, Extract<Company>][] = [
  ['name', (c) => one(c.name)],
  ['aliases', (c) => many(c.aliases)],
  ['registration_number', (c) => one(c.registration_number, alnum)],
  ['tax_id', (c) => one(c.tax_id, alnum)],
  ['eori', (c) => one(c.eori, alnum)],
  [
    'identifiers',
    (c, l) =>
      (c.identifiers ?? [])
        .filter((i) => present(i.value))
        .map((i) => ({ text: identifierLine(i, l.identifierKind ?? ((k) => k), l.country), key: `${i.kind}:${alnum(i.value)}` })),
  ],
  ['former_names', (c) => (c.former_names ?? []).filter((n) => present(n.name)).map((n) => ({ text: formerNameLine(n), key: plain(n.name) }))],
  ['country', (c, l) => one(c.country, (s) => s.toUpperCase(), l.country)],
  [
    'addresses',
    (c, l) =>
      (c.addresses ?? [])
        .map((a) => ({ text: addressLine(a, l.country), key: plain(addressLine(a)) }))
        .filter((v) => v.text !== ''),
  ],
];

/** Fields shown even when neither side has them (the record's name). */
const ALWAYS = new Set(['family_name', 'name']);

function row(field: string, kind: MergeKind, left: Value[], right: Value[]): CompareRow {
  const leftKeys = new Set(left.map((v) => v.key));
  const rightKeys = new Set(right.map((v) => v.key));
  const sameSets = leftKeys.size === rightKeys.size && [...leftKeys].every((k) => rightKeys.has(k));
  const state: RowState = left.length === 0 || right.length === 0 ? 'one_side' : sameSets ? 'same' : 'different';
  return {
    field,
    labelKey: recordFieldLabel(kind, field) ?? field,
    left: left.map((v) => ({ text: v.text, shared: rightKeys.has(v.key) })),
    right: right.map((v) => ({ text: v.text, shared: leftKeys.has(v.key) })),
    state,
  };
}

function rows<R>(kind: MergeKind, fields: [string, Extract<R>][], left: R, right: R, labels: CompareLabels): CompareRow[] {
  return fields
    .map(([field, extract]) => row(field, kind, extract(left, labels), extract(right, labels)))
    .filter((r) => r.left.length > 0 || r.right.length > 0 || ALWAYS.has(r.field));
}

/** The rows comparing two persons. */
export function personRows(left: Person, right: Person, labels: CompareLabels): CompareRow[] {
  return rows('person', PERSON_FIELDS, left, right, labels);
}

/** The rows comparing two companies. */
export function companyRows(left: Company, right: Company, labels: CompareLabels): CompareRow[] {
  return rows('company', COMPANY_FIELDS, left, right, labels);
}

/** A person's name as the register pages show it ("OKONKWO Chinedu"). */
export function personName(p: { family_name: string; given_names?: string | null }): string {
  return [p.family_name.toUpperCase(), p.given_names].filter(Boolean).join(' ');
}

/** A record's name, whichever register it is in. */
export function recordName(r: Person | Company): string {
  return 'family_name' in r ? personName(r) : r.name;
}
