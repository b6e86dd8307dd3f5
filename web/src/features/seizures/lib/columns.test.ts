import { describe, expect, it } from 'vitest';
import {
  COLUMNS_STORAGE_KEY,
  DEFAULT_COLUMNS,
  OPTIONAL_COLUMNS,
  loadColumns,
  parseColumns,
  saveColumns,
  serialiseColumns,
  toggleColumn,
  unitSymbol,
} from './columns';

describe('seizure list columns', () => {
  it('shows date, status, commodity type, quantity, route, place and unit by default', () => {
    expect(DEFAULT_COLUMNS).toEqual(['detected_at', 'status', 'commodity_types', 'quantity', 'route', 'place', 'unit']);
    expect(DEFAULT_COLUMNS.every((c) => OPTIONAL_COLUMNS.includes(c))).toBe(true);
    // the reference is not a choice: always shown
    expect(OPTIONAL_COLUMNS).not.toContain('reference');
  });

  it('reads back what it wrote, in table order', () => {
    const chosen = parseColumns(serialiseColumns(['route', 'kind', 'detected_at']));
    expect(chosen).toEqual(['detected_at', 'kind', 'route']);
  });

  it('falls back to the defaults for nothing stored or garbage', () => {
    for (const raw of [null, undefined, '', 'not json', '{"a":1}', '42', 'null', '"status"', '["gone","also-gone"]']) {
      expect(parseColumns(raw), String(raw)).toEqual(DEFAULT_COLUMNS);
    }
  });

  it('drops unknown and repeated entries but keeps the known ones', () => {
    expect(parseColumns('["status","status",7,null,"removed_column","kind"]')).toEqual(['status', 'kind']);
  });

  it('keeps an empty choice (the reference alone)', () => {
    expect(parseColumns('[]')).toEqual([]);
  });

  it('toggles a column on and off', () => {
    const on = toggleColumn(['detected_at', 'status'], 'kind', true);
    expect(on).toEqual(['detected_at', 'status', 'kind']);
    expect(toggleColumn(on, 'status', false)).toEqual(['detected_at', 'kind']);
    expect(toggleColumn(on, 'kind', true)).toEqual(on);
  });

  it('survives a storage that is missing or throws', () => {
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadColumns(null)).toEqual(DEFAULT_COLUMNS);
    expect(loadColumns(throwing)).toEqual(DEFAULT_COLUMNS);
    expect(() => saveColumns(throwing, ['kind'])).not.toThrow();
    expect(() => saveColumns(null, ['kind'])).not.toThrow();
  });

  it('stores under its key', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    saveColumns(storage, ['route', 'status']);
    expect(store.get(COLUMNS_STORAGE_KEY)).toBe('["status","route"]');
    expect(loadColumns(storage)).toEqual(['status', 'route']);
  });
});

describe('unitSymbol', () => {
  it('takes the symbol in brackets, else the whole label', () => {
    expect(unitSymbol('Kilogram (kg)')).toBe('kg');
    expect(unitSymbol('Cubic metre (m³)')).toBe('m³');
    expect(unitSymbol('كيلوغرام (كغ)')).toBe('كغ');
    expect(unitSymbol('Pieces')).toBe('Pieces');
    expect(unitSymbol('Sticks (cigarettes)')).toBe('Sticks (cigarettes)');
    expect(unitSymbol('Heads (live animals)')).toBe('Heads (live animals)');
    expect(unitSymbol('kg')).toBe('kg');
  });
});
