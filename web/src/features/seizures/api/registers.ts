import { keepPreviousData, queryOptions, useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';

const LIMIT = 8;

const personMatches = (q: string) =>
  queryOptions({
    queryKey: ['registers', 'persons', 'matches', q],
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/persons', { params: { query: { q, limit: LIMIT } }, signal })).items,
  });

const companyMatches = (q: string) =>
  queryOptions({
    queryKey: ['registers', 'companies', 'matches', q],
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/companies', { params: { query: { q, limit: LIMIT } }, signal })).items,
  });

const conveyanceMatches = (q: string) =>
  queryOptions({
    queryKey: ['registers', 'conveyances', 'matches', q],
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/conveyances', { params: { query: { q, limit: LIMIT } }, signal })).items,
  });

/**
 * Likely matches in a register while the officer types (debounce the text before calling).
 * The persons search finds a name in any spelling, or an exact document number, phone or e-mail.
 */
export function usePersonMatches(q: string) {
  return useQuery(personMatches(q));
}

/** Name or alias, or an exact registration number, tax id or EORI. */
export function useCompanyMatches(q: string) {
  return useQuery(companyMatches(q));
}

export function useConveyanceMatches(q: string) {
  return useQuery(conveyanceMatches(q));
}

/** The records any of several searches found, each once, in the order of the searches. */
function merged<T extends { id: string }>(results: UseQueryResult<T[]>[]): { data: T[]; isFetching: boolean } {
  const seen = new Set<string>();
  const data: T[] = [];
  for (const r of results)
    for (const item of r.data ?? [])
      if (!seen.has(item.id)) {
        seen.add(item.id);
        data.push(item);
      }
  return { data, isFetching: results.some((r) => r.isFetching) };
}

/**
 * Persons that match any of `qs` (a name being typed, and the numbers of the documents typed
 * with it), for a person about to be created: the register may hold them already.
 */
export function usePersonMatchesAny(qs: readonly string[]) {
  return useQueries({ queries: qs.map(personMatches), combine: merged });
}

/** Companies that match any of `qs` (a name, a registration number, an EORI). */
export function useCompanyMatchesAny(qs: readonly string[]) {
  return useQueries({ queries: qs.map(companyMatches), combine: merged });
}

export function useConveyanceMatchesAny(qs: readonly string[]) {
  return useQueries({ queries: qs.map(conveyanceMatches), combine: merged });
}
