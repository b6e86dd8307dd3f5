import { describe, expect, it } from 'vitest';
import { displayValue, documentRows, instances, leaves, valueAt } from './fields';

const DOC = {
  reference: 'FR-2026-000180',
  reopened: null,
  goods: [{ quantity: 2 }, { quantity: 3, hs_code: '120991' }],
  persons: [{ person: { documents: [{ number: 'X1' }, { number: 'X2' }] } }],
};

describe('the fields of a case document', () => {
  it('finds each place a classified field takes, item by item', () => {
    expect(instances(DOC, 'reference')).toEqual(['reference']);
    expect(instances(DOC, 'goods[].quantity')).toEqual(['goods[0].quantity', 'goods[1].quantity']);
    expect(instances(DOC, 'persons[].person.documents[].number')).toEqual([
      'persons[0].person.documents[0].number',
      'persons[0].person.documents[1].number',
    ]);
    // a missing list or object on the way: none
    expect(instances(DOC, 'companies[].company.name')).toEqual([]);
    expect(instances(DOC, 'reopened.reason')).toEqual([]);
  });

  it('reads a value at a concrete path', () => {
    expect(valueAt(DOC, 'goods[1].hs_code')).toBe('120991');
    expect(valueAt(DOC, 'persons[0].person.documents[1].number')).toBe('X2');
    expect(valueAt(DOC, 'goods[0].hs_code')).toBeUndefined();
    expect(valueAt(DOC, 'goods[5].quantity')).toBeUndefined();
  });

  it('gives withheld fields no value, and a field the case lacks one row', () => {
    const rows = documentRows(DOC, [
      { path: 'goods[].quantity', class: 'non_nominal', sent: true },
      { path: 'goods[].description', class: 'nominal', sent: false },
      { path: 'companies[].company.name', class: 'nominal', sent: true },
    ]);
    expect(rows.map((r) => [r.path, r.sent, r.value])).toEqual([
      ['goods[0].quantity', true, 2],
      ['goods[1].quantity', true, 3],
      ['goods[0].description', false, undefined],
      ['goods[1].description', false, undefined],
      ['companies[].company.name', true, undefined],
    ]);
  });

  it('shows values as text', () => {
    expect(displayValue(['dog', 'xray'], ', ')).toBe('dog, xray');
    expect(displayValue(0, ', ')).toBe('0');
    expect(displayValue(false, ', ')).toBe('false');
    expect(displayValue(null, ', ')).toBe('');
    expect(displayValue({ a: 1 }, ', ')).toBe('{"a":1}');
  });
});

describe('the values of a received document', () => {
  it('lists each value with its path, lists of plain values as one, empty values left out', () => {
    expect(
      leaves({
        reference: 'MA-2026-000042',
        narrative: null,
        detection_methods: ['dog', 'xray'],
        tags: [],
        goods: [{ quantity: 2, unit: 'kg' }, { quantity: 0, description: '' }],
        route: { origin: 'EC', transit: [] },
      }).map((l) => [l.path, l.value]),
    ).toEqual([
      ['reference', 'MA-2026-000042'],
      ['detection_methods', ['dog', 'xray']],
      ['goods[0].quantity', 2],
      ['goods[0].unit', 'kg'],
      ['goods[1].quantity', 0],
      ['route.origin', 'EC'],
    ]);
    expect(leaves(null)).toEqual([]);
  });
});
