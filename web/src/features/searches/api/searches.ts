import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type { components } from '@/api/schema';
import { SAVED_SEARCHES_KEY } from '@/lib/seizureSearch';

type Schemas = components['schemas'];
export type SavedSearch = Schemas['SavedSearchDto'];
export type SavedSearchPatch = Schemas['SavedSearchPatch'];
/** A case (seizure searches) or a register record (register searches) a search found. */
export type SearchHit = Schemas['SearchHit'];
export type HitRecord = Schemas['HitRecord'];

/** How many hits the page lists (the latest; the API gives up to 200). */
export const HIT_LIMIT = 100;

export const searchKeys = {
  all: SAVED_SEARCHES_KEY,
  list: [...SAVED_SEARCHES_KEY, 'list'] as const,
  detail: (id: string) => [...SAVED_SEARCHES_KEY, 'detail', id] as const,
  hits: (id: string) => [...SAVED_SEARCHES_KEY, 'hits', id] as const,
};

/** The caller's rules, then those shared with the caller's unit (each by name). */
export function useSavedSearches() {
  return useQuery({
    queryKey: searchKeys.list,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/saved-searches', { signal })).items,
  });
}

export function useSavedSearch(id: string) {
  return useQuery({
    queryKey: searchKeys.detail(id),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/saved-searches/{id}', { params: { path: { id } }, signal })),
  });
}

/** The cases or records that matched, latest first (audited by the server: read when the page shows them). */
export function useSearchHits(id: string) {
  return useQuery({
    queryKey: searchKeys.hits(id),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/saved-searches/{id}/hits', { params: { path: { id }, query: { limit: HIT_LIMIT } }, signal })),
  });
}

function store(qc: QueryClient, s: SavedSearch) {
  qc.setQueryData(searchKeys.detail(s.id), s);
  qc.setQueryData<SavedSearch[]>(searchKeys.list, (items) => items?.map((i) => (i.id === s.id ? s : i)));
  void qc.invalidateQueries({ queryKey: searchKeys.list });
}

/** Renames, pauses or resumes, shares or unshares a rule of the caller's, at the version seen (412 when it changed). */
export function useUpdateSearch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ search, patch }: { search: SavedSearch; patch: SavedSearchPatch }) =>
      unwrap(
        await api.PATCH('/api/v1/saved-searches/{id}', {
          params: { path: { id: search.id }, header: { 'If-Match': `"${search.version}"` } },
          body: patch,
        }),
      ),
    onSuccess: (s) => store(qc, s),
    // changed meanwhile (412) or gone (404): the next try starts from what the server has
    onError: (_e, { search }) => {
      void qc.invalidateQueries({ queryKey: searchKeys.detail(search.id) });
      void qc.invalidateQueries({ queryKey: searchKeys.list });
    },
  });
}

/** Deletes a rule of the caller's and its hits. */
export function useDeleteSearch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (search: SavedSearch) => {
      unwrap(await api.DELETE('/api/v1/saved-searches/{id}', { params: { path: { id: search.id } } }));
      return search;
    },
    // the detail stays cached for a page still showing it (that page moves away; no refetch to a 404)
    onSuccess: (s) => {
      qc.setQueryData<SavedSearch[]>(searchKeys.list, (items) => items?.filter((i) => i.id !== s.id));
      void qc.invalidateQueries({ queryKey: searchKeys.list });
    },
  });
}
