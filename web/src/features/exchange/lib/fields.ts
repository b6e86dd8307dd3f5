import type { FieldClass, FieldRule } from '../api/exchange';

/** One field of a case document as the preview lists it. */
export interface FieldRow {
  /** The concrete path (`goods[1].quantity`), or the rule's (`persons[].person.family_name`) where the case has no such item. */
  path: string;
  /** The classified field it is an instance of. */
  rule: string;
  class: FieldClass;
  /** Leaves in the scope asked for. */
  sent: boolean;
  /** The value that leaves (a sent field only; undefined when the case has none). */
  value: unknown;
}

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/**
 * The places `rule` (`goods[].quantity`: `[]` stands for a list's items) takes in `doc`: each
 * item of each list on the way, as far as the document holds it. The last key need not be
 * there (a withheld field is not); a list or object on the way that is missing gives none.
 */
export function instances(doc: Json, rule: string): string[] {
  const segments = rule.split('.');
  const out: string[] = [];
  const walk = (value: Json, i: number, prefix: string) => {
    if (!isObject(value)) return;
    const seg = segments[i]!;
    const list = seg.endsWith('[]');
    const key = list ? seg.slice(0, -2) : seg;
    const here = prefix ? `${prefix}.${key}` : key;
    const last = i === segments.length - 1;
    if (!list) {
      if (last) out.push(here);
      else walk(value[key], i + 1, here);
      return;
    }
    const items = value[key];
    if (!Array.isArray(items)) return;
    items.forEach((item, n) => {
      if (last) out.push(`${here}[${n}]`);
      else walk(item, i + 1, `${here}[${n}]`);
    });
  };
  walk(doc, 0, '');
  return out;
}

/** The value at a concrete path (`goods[1].quantity`); undefined when there is none. */
export function valueAt(doc: Json, path: string): Json {
  let value: Json = doc;
  for (const part of path.split('.')) {
    const m = /^(.*?)((?:\[\d+\])*)$/.exec(part)!;
    if (!isObject(value)) return undefined;
    value = value[m[1]!];
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) {
      if (!Array.isArray(value)) return undefined;
      value = value[Number(idx[1])];
    }
  }
  return value;
}

/**
 * Every classified field of `doc`, in the order of `fields`: one row for each place the case
 * has it (each goods item's quantity…), or one for the field itself where it has none. A
 * withheld field has no value: it is not in the document that leaves.
 */
export function documentRows(doc: Json, fields: readonly FieldRule[]): FieldRow[] {
  return fields.flatMap((f) => {
    const paths = instances(doc, f.path);
    return (paths.length ? paths : [f.path]).map((path) => ({
      path,
      rule: f.path,
      class: f.class,
      sent: f.sent,
      value: f.sent && paths.length ? valueAt(doc, path) : undefined,
    }));
  });
}

/** Nothing to show: no value, an empty text or an empty list. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** A value as the table shows it: text as is, a list of plain values joined, anything else as JSON. */
export function displayValue(value: unknown, separator: string): string {
  if (isBlank(value)) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) return value.map(String).join(separator);
  return JSON.stringify(value);
}

/** The case's reference in a document (it always leaves: it identifies the case, not a person). */
export function documentReference(doc: unknown): string | null {
  return isObject(doc) && typeof doc.reference === 'string' ? doc.reference : null;
}

/** One value of a received document, at its concrete path (`goods[1].quantity`). */
export interface Leaf {
  path: string;
  value: unknown;
}

/**
 * Every value of `doc` with its path, in the document's order: an object's keys, a list's items
 * by their place; a list of plain values is one value. Empty values (null, "", []) are left out:
 * the table shows what the document holds.
 */
export function leaves(doc: Json): Leaf[] {
  const out: Leaf[] = [];
  const walk = (value: Json, path: string) => {
    if (isBlank(value)) return;
    if (Array.isArray(value)) {
      if (value.every((v) => v === null || typeof v !== 'object')) out.push({ path, value });
      else value.forEach((item, i) => walk(item, `${path}[${i}]`));
      return;
    }
    if (isObject(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
      return;
    }
    out.push({ path, value });
  };
  walk(doc, '');
  return out;
}
