import { describe, expect, it } from 'vitest';
import type { Unit } from '../types';
import { buildUnitTree, descendantIds, flattenUnitTree } from './units';

const unit = (id: string, name: string, parent_id: string | null = null): Unit => ({
  id,
  code: id.toUpperCase(),
  name,
  parent_id,
  location_type: null,
  unlocode: null,
  version: 1,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
});

describe('unit tree', () => {
  const units = [unit('hq', 'Headquarters'), unit('b', 'Bravo', 'hq'), unit('a', 'Alpha', 'hq'), unit('a1', 'Port', 'a'), unit('x', 'Orphan', 'missing')];

  it('nests by parent_id, sorts by name and treats orphans as roots', () => {
    const tree = buildUnitTree(units);
    expect(tree.map((n) => n.unit.id)).toEqual(['hq', 'x']);
    expect(tree[0]?.children.map((n) => n.unit.id)).toEqual(['a', 'b']);
    expect(flattenUnitTree(tree).map((n) => [n.unit.id, n.depth])).toEqual([
      ['hq', 0],
      ['a', 1],
      ['a1', 2],
      ['b', 1],
      ['x', 0],
    ]);
  });

  it('collects a unit and its descendants', () => {
    expect([...descendantIds(units, 'hq')].sort()).toEqual(['a', 'a1', 'b', 'hq']);
    expect([...descendantIds(units, 'b')]).toEqual(['b']);
  });

  it('survives a cycle in bad data', () => {
    const cyclic = [unit('p', 'P', 'q'), unit('q', 'Q', 'p')];
    expect(() => flattenUnitTree(buildUnitTree(cyclic))).not.toThrow();
    expect([...descendantIds(cyclic, 'p')].sort()).toEqual(['p', 'q']);
  });
});
