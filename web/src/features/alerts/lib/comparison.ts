/**
 * A hit side by side: the alert's subject and the record found, one row per field either side
 * has (the server names them: `family_name`, `date_of_birth`, `documents`, `identifier`…), and
 * whether both sides say the same. The score and each piece of evidence, written in the UI
 * language.
 */
import type { Fact } from '../api/types';

export interface ComparisonRow {
  /** The server's field name (translated under `alerts.facts.<field>`, else shown as is). */
  field: string;
  subject: string | null;
  record: string | null;
  /** Both sides hold the same value (for an identifier: the record carries it). */
  same: boolean;
}

/**
 * A bare identifier's fact is named by its kind (`container`, `phone`…); the record found
 * holds it under another name: a person's `documents`, `phones` or `emails`, a conveyance's
 * `identifier`.
 */
const IDENTIFIER_ROWS: Record<string, string> = { document: 'documents', phone: 'phones', email: 'emails' };
const IDENTIFIER_KINDS = new Set([
  'document',
  'phone',
  'email',
  'plate',
  'vin',
  'container',
  'imo',
  'mmsi',
  'air_waybill',
  'flight_number',
  'aircraft_registration',
  'bill_of_lading',
  'tracking_number',
]);

/** Compared as written but for case, spacing and Unicode composition. */
function plain(v: string): string {
  return v.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

const alnum = (v: string) => v.normalize('NFKC').toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
const lastDigits = (v: string) => v.replace(/\D/g, '').slice(-9);

/** Whether the record's value (a list, for a person's documents, phones, e-mails) holds the identifier. */
function holdsIdentifier(kind: string, identifier: string, recordValue: string): boolean {
  const items = recordValue.split(/\s*[,|]\s*/).filter(Boolean);
  if (kind === 'phone') {
    const want = lastDigits(identifier);
    return want.length >= 6 && items.some((i) => lastDigits(i) === want);
  }
  if (kind === 'email') return items.some((i) => plain(i) === plain(identifier));
  const want = alnum(identifier);
  return want.length > 0 && items.some((i) => alnum(i).includes(want));
}

/** The field an identifier subject is compared on, when the record has it. */
function identifierRow(subject: readonly Fact[], record: readonly Fact[]): { kind: string; row: string } | null {
  const only = subject.length === 1 ? subject[0] : undefined;
  if (!only || !IDENTIFIER_KINDS.has(only.field) || record.some((f) => f.field === only.field)) return null;
  const row = IDENTIFIER_ROWS[only.field] ?? 'identifier';
  if (!record.some((f) => f.field === row)) return null;
  // a conveyance of another kind carries another identifier: nothing to line up
  const kind = record.find((f) => f.field === 'identifier_kind')?.value;
  if (row === 'identifier' && kind && kind !== only.field) return null;
  return { kind: only.field, row };
}

/**
 * The rows of the comparison: every field of the subject in its order, then the record's
 * other fields in theirs (for a bare identifier, the record's order, the identifier on the row
 * that holds it). A field given twice on one side shows its values joined.
 */
export function comparisonRows(subject: readonly Fact[], record: readonly Fact[]): ComparisonRow[] {
  const ident = identifierRow(subject, record);
  const order: string[] = [];
  const left = new Map<string, string[]>();
  const right = new Map<string, string[]>();
  const add = (side: Map<string, string[]>, field: string, value: string) => {
    if (!order.includes(field)) order.push(field);
    side.set(field, [...(side.get(field) ?? []), value]);
  };
  const addSubject = () => subject.forEach((f) => add(left, ident ? ident.row : f.field, f.value));
  const addRecord = () => record.forEach((f) => add(right, f.field, f.value));
  // a bare identifier lines up with one of the record's fields: the record's order then
  if (ident) {
    addRecord();
    addSubject();
  } else {
    addSubject();
    addRecord();
  }
  return order.map((field) => {
    const s = left.get(field)?.join(', ') ?? null;
    const r = right.get(field)?.join(', ') ?? null;
    let same = false;
    if (s !== null && r !== null) same = ident && field === ident.row ? holdsIdentifier(ident.kind, s, r) : plain(s) === plain(r);
    return { field, subject: s, record: r, same };
  });
}

/** The score as a whole percentage, rounded down ("87%", "87 %", "٨٧٪"): 0.879 is 87%, never 88%. */
export function formatScore(score: number, lang: string): string {
  const down = Math.floor(score * 100 + 1e-9) / 100;
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(Math.max(0, down));
}

/** A contribution to the score, always signed, with a true minus sign: "+0.15", "−0.35", "0.00". */
export function formatContribution(value: number, lang: string): string {
  const rounded = Math.round(value * 100) / 100;
  const digits = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.abs(rounded));
  if (rounded > 0) return `+${digits}`;
  if (rounded < 0) return `\u2212${digits}`;
  return digits;
}
