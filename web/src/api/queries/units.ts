import { useCallback, useMemo } from 'react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unitName } from '@/lib/units';
import { api } from '../client';
import { unwrap } from '../errors';
import type { Unit } from '../types';

export const unitsQuery = queryOptions({
  queryKey: ['units'],
  queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/units', { signal })).items,
  staleTime: 30_000,
});

/** All units, flat (shared by the units and users features). */
export function useUnits() {
  return useQuery(unitsQuery);
}

/**
 * Names units by id in the UI language, from the units list (read once and shared). Where the
 * list has no such unit (not loaded yet, or `enabled` false), the name the server sent with the
 * record (`fallback`, e.g. a case's `reporting_unit_name`) is used, else undefined.
 */
export function useUnitNames(enabled = true): (id: string | null | undefined, fallback?: string | null) => string | undefined {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const { data } = useQuery({ ...unitsQuery, enabled });
  const byId = useMemo(() => new Map((data ?? []).map((u) => [u.id, u])), [data]);
  return useCallback(
    (id, fallback) => {
      const unit = id ? byId.get(id) : undefined;
      return unit ? unitName(unit, lang) : (fallback ?? undefined);
    },
    [byId, lang],
  );
}

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
  depth: number;
}

/** Builds the unit tree from the flat list by parent_id; orphans become roots. Sorted by name. */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const byId = new Map<string, UnitNode>();
  for (const unit of units) byId.set(unit.id, { unit, children: [], depth: 0 });
  const roots: UnitNode[] = [];
  for (const node of byId.values()) {
    const parent = node.unit.parent_id ? byId.get(node.unit.parent_id) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sortAndDepth = (nodes: UnitNode[], depth: number, seen: Set<string>) => {
    nodes.sort((a, b) => a.unit.name.localeCompare(b.unit.name));
    for (const n of nodes) {
      if (seen.has(n.unit.id)) continue;
      seen.add(n.unit.id);
      n.depth = depth;
      sortAndDepth(n.children, depth + 1, seen);
    }
  };
  sortAndDepth(roots, 0, new Set());
  return roots;
}

/** Depth-first flattening, e.g. for a select with indented labels. */
export function flattenUnitTree(nodes: readonly UnitNode[]): UnitNode[] {
  const out: UnitNode[] = [];
  const walk = (list: readonly UnitNode[]) => {
    for (const n of list) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

/** Ids of a unit and all of its descendants (a unit cannot move under these). */
export function descendantIds(units: readonly Unit[], id: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (!u.parent_id) continue;
    const list = children.get(u.parent_id) ?? [];
    list.push(u.id);
    children.set(u.parent_id, list);
  }
  const out = new Set<string>([id]);
  const stack = [id];
  while (stack.length) {
    const next = stack.pop() as string;
    for (const c of children.get(next) ?? []) {
      if (!out.has(c)) {
        out.add(c);
        stack.push(c);
      }
    }
  }
  return out;
}
