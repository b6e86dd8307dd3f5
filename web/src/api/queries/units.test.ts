import { createElement, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import i18n from '@/i18n';
import type { Unit } from '../types';
import { buildUnitTree, descendantIds, flattenUnitTree, unitsQuery, useUnitNames } from './units';

const unit = (id: string, name: string, parent_id: string | null = null): Unit => ({
  id,
  code: id.toUpperCase(),
  name,
  name_translations: {},
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

describe('useUnitNames', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('names a listed unit in the UI language, and falls back to the name the server sent', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    client.setQueryData(unitsQuery.queryKey, [{ ...unit('lh', 'Port du Havre'), name_translations: { ar: 'ميناء لوهافر' } }]);
    const wrapper = ({ children }: { children: ReactNode }) => createElement(QueryClientProvider, { client }, children);
    const { result, unmount } = renderHook(() => useUnitNames(), { wrapper });
    expect(result.current('lh', 'Port du Havre')).toBe('Port du Havre');
    expect(result.current('gone', 'Roissy')).toBe('Roissy');
    expect(result.current(null)).toBeUndefined();
    await act(() => i18n.changeLanguage('ar'));
    expect(result.current('lh', 'Port du Havre')).toBe('ميناء لوهافر');
    unmount();
  });
});
