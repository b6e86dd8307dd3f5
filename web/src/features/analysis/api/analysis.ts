import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import { filterQuery, type GraphFilters, type LinkGraph, type LinkPath } from '../lib/graph';

/** Neighbours asked for at once; "Show more" asks for the next page. */
export const PAGE = 100;

export interface ExpandRequest {
  node: string;
  filters: GraphFilters;
  offset?: number;
  /** a new start: the answer replaces the graph */
  fresh?: boolean;
}

/** A node and a page of its neighbours (each read is audited: asked for on demand, never cached). */
export async function fetchExpansion({ node, filters, offset = 0 }: ExpandRequest, signal?: AbortSignal): Promise<LinkGraph> {
  return unwrap(
    await api.GET('/api/v1/analysis/graph', {
      params: { query: { node, ...filterQuery(filters), ...(offset > 0 ? { offset } : {}), limit: PAGE } },
      signal,
    }),
  );
}

export interface PathRequest {
  source: string;
  target: string;
  maxHops: number;
  filters: GraphFilters;
}

export async function fetchPath({ source, target, maxHops, filters }: PathRequest): Promise<LinkPath> {
  return unwrap(
    await api.GET('/api/v1/analysis/path', {
      params: { query: { source, target, max_hops: maxHops, ...filterQuery(filters) } },
    }),
  );
}

export function useExpand(onDone: (g: LinkGraph, req: ExpandRequest) => void) {
  return useMutation({ mutationFn: (req: ExpandRequest) => fetchExpansion(req), onSuccess: onDone });
}

/**
 * The expanded nodes asked for again under new filters, in the order they were expanded.
 * The start must answer; another node no longer within the filters (a case outside the
 * period) is left out, and counted.
 */
export function useRefetchAll(onDone: (r: { graphs: LinkGraph[]; missing: number }) => void) {
  return useMutation({
    mutationFn: async ({ nodes, filters }: { nodes: string[]; filters: GraphFilters }) => {
      const graphs: LinkGraph[] = [];
      let missing = 0;
      for (const [i, node] of nodes.entries()) {
        try {
          graphs.push(await fetchExpansion({ node, filters }));
        } catch (e) {
          if (i === 0) throw e;
          missing += 1;
        }
      }
      return { graphs, missing };
    },
    onSuccess: onDone,
  });
}

export function usePath(onDone: (p: LinkPath, req: PathRequest) => void) {
  return useMutation({ mutationFn: fetchPath, onSuccess: onDone });
}

export type StartKind = 'person' | 'company' | 'conveyance' | 'case';

export interface Match {
  /** the node id (`person:<uuid>`…) */
  id: string;
  label: string;
}

const LIMIT = 8;

async function searchRecords(kind: StartKind, q: string, signal: AbortSignal): Promise<Match[]> {
  const query = { q, limit: LIMIT };
  switch (kind) {
    case 'person': {
      const r = unwrap(await api.GET('/api/v1/persons', { params: { query }, signal }));
      return r.items.map((p) => ({
        id: `person:${p.id}`,
        label: [[p.family_name.toUpperCase(), p.given_names].filter(Boolean).join(' '), p.date_of_birth && `(${p.date_of_birth})`].filter(Boolean).join(' '),
      }));
    }
    case 'company': {
      const r = unwrap(await api.GET('/api/v1/companies', { params: { query }, signal }));
      return r.items.map((c) => ({ id: `company:${c.id}`, label: c.country ? `${c.name} (${c.country})` : c.name }));
    }
    case 'conveyance': {
      const r = unwrap(await api.GET('/api/v1/conveyances', { params: { query }, signal }));
      return r.items.map((c) => ({ id: `conveyance:${c.id}`, label: c.name ? `${c.identifier} — ${c.name}` : c.identifier }));
    }
    case 'case': {
      const r = unwrap(await api.GET('/api/v1/seizures', { params: { query }, signal }));
      return r.items.map((c) => ({ id: `case:${c.id}`, label: [c.reference, c.place].filter(Boolean).join(' — ') }));
    }
  }
}

/**
 * Records of a register, or cases (by reference or words), matching what the analyst types
 * (debounce the text before calling): the searches the registers and the case list use.
 */
export function useRecordMatches(kind: StartKind, q: string) {
  return useQuery<Match[], Error, Match[], readonly string[]>({
    queryKey: ['analysis', 'matches', kind, q],
    enabled: q.length >= 2,
    // the last answer while the next loads, for the same kind of record only
    placeholderData: (previous, query) => (query?.queryKey[2] === kind ? previous : undefined),
    queryFn: ({ signal }) => searchRecords(kind, q, signal),
  });
}
