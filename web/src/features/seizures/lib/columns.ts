/**
 * The seizure list's columns: which exist, which show by default, and the officer's choice as
 * kept in this browser (localStorage). The reference is always shown (it is the link to the
 * case), so it is not part of the choice.
 */

/** The optional columns, in the order the table shows them. */
export const OPTIONAL_COLUMNS = [
  'detected_at',
  'status',
  'kind',
  'commodity_groups',
  'commodity_types',
  'quantity',
  'route',
  'place',
  'unit',
  'detection_methods',
  'concealment_method',
] as const;
export type ColumnId = (typeof OPTIONAL_COLUMNS)[number];

export const DEFAULT_COLUMNS: readonly ColumnId[] = ['detected_at', 'status', 'commodity_types', 'quantity', 'route', 'place', 'unit'];

/** The i18n key of each column's header (and of its checkbox in the picker). */
export const COLUMN_LABELS: Record<ColumnId | 'reference', string> = {
  reference: 'seizures.fields.reference',
  detected_at: 'seizures.fields.detected_at',
  status: 'seizures.fields.status',
  kind: 'seizures.fields.kind',
  commodity_groups: 'seizures.columns.commodity_groups',
  commodity_types: 'seizures.columns.commodity_types',
  quantity: 'seizures.fields.quantity',
  route: 'seizures.route.title',
  place: 'seizures.fields.place',
  unit: 'seizures.fields.unit',
  detection_methods: 'seizures.fields.detection_methods',
  concealment_method: 'seizures.fields.concealment_method',
};

export const COLUMNS_STORAGE_KEY = 'ncen.seizures.columns';

export function isColumnId(x: unknown): x is ColumnId {
  return typeof x === 'string' && (OPTIONAL_COLUMNS as readonly string[]).includes(x);
}

/** Known columns of `ids`, once each, in table order. */
export function normaliseColumns(ids: readonly unknown[]): ColumnId[] {
  const chosen = new Set(ids.filter(isColumnId));
  return OPTIONAL_COLUMNS.filter((c) => chosen.has(c));
}

/**
 * The stored choice, or the defaults when there is none or it cannot be read (not JSON, not a
 * list, or only columns this version does not know). An empty list is a choice: the
 * reference alone.
 */
export function parseColumns(raw: string | null | undefined): ColumnId[] {
  if (!raw) return [...DEFAULT_COLUMNS];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [...DEFAULT_COLUMNS];
  }
  if (!Array.isArray(value)) return [...DEFAULT_COLUMNS];
  const known = normaliseColumns(value);
  return known.length === 0 && value.length > 0 ? [...DEFAULT_COLUMNS] : known;
}

export function serialiseColumns(ids: readonly ColumnId[]): string {
  return JSON.stringify(normaliseColumns(ids));
}

/** `ids` with `id` shown or hidden, in table order. */
export function toggleColumn(ids: readonly ColumnId[], id: ColumnId, shown: boolean): ColumnId[] {
  return normaliseColumns(shown ? [...ids, id] : ids.filter((c) => c !== id));
}

/** The choice kept in `storage` (defaults when storage is unavailable or refuses). */
export function loadColumns(storage: Pick<Storage, 'getItem'> | null): ColumnId[] {
  try {
    return parseColumns(storage?.getItem(COLUMNS_STORAGE_KEY));
  } catch {
    return [...DEFAULT_COLUMNS];
  }
}

/** Keeps the choice in `storage`; a full or blocked storage only loses it at the next reload. */
export function saveColumns(storage: Pick<Storage, 'setItem'> | null, ids: readonly ColumnId[]): void {
  try {
    storage?.setItem(COLUMNS_STORAGE_KEY, serialiseColumns(ids));
  } catch {
    /* storage unavailable or full */
  }
}

/**
 * A unit's short form from its code-list label: the symbol in brackets when there is one
 * ("Kilogram (kg)" → "kg", "كيلوغرام (كغ)" → "كغ"), else the label ("Pieces", and
 * "Sticks (cigarettes)", whose brackets explain rather than abbreviate).
 */
export function unitSymbol(label: string): string {
  const m = /\(([^()\s]{1,4})\)\s*$/u.exec(label);
  return m?.[1] ?? label;
}
