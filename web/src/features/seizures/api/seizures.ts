import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type { Case, CaseInput, CaseQuery } from '@/api/types';
import { saveResponse, type ExportFormat } from '@/lib/download';

export const PAGE_SIZE = 50;

export const caseKeys = {
  all: ['seizures'] as const,
  list: (q: CaseQuery) => ['seizures', 'list', q] as const,
  detail: (id: string) => ['seizures', 'detail', id] as const,
  history: (id: string) => ['seizures', 'history', id] as const,
};

export function useCaseList(query: CaseQuery) {
  return useInfiniteQuery({
    queryKey: caseKeys.list(query),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/seizures', {
          params: { query: { ...query, limit: PAGE_SIZE, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? null,
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/seizures/{id}', { params: { path: { id } }, signal })),
  });
}

export function useCaseHistory(id: string, enabled = true) {
  return useQuery({
    queryKey: caseKeys.history(id),
    enabled,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/seizures/{id}/history', { params: { path: { id } }, signal })).items,
  });
}

function useStoreCase() {
  const qc = useQueryClient();
  return (c: Case) => {
    qc.setQueryData(caseKeys.detail(c.id), c);
    void qc.invalidateQueries({ queryKey: ['seizures', 'list'] });
    void qc.invalidateQueries({ queryKey: caseKeys.history(c.id) });
    // register pages list the cases their records appear in
    void qc.invalidateQueries({ queryKey: ['registers'] });
  };
}

export function useCreateCase() {
  const store = useStoreCase();
  return useMutation({
    mutationFn: async (body: CaseInput) => unwrap(await api.POST('/api/v1/seizures', { body })),
    onSuccess: store,
  });
}

/** JSON merge patch with If-Match (412 when someone else changed the case meanwhile). */
export function useUpdateCase(id: string) {
  const store = useStoreCase();
  return useMutation({
    mutationFn: async ({ version, changes }: { version: number; changes: CaseInput }) =>
      unwrap(
        await api.PATCH('/api/v1/seizures/{id}', {
          params: { path: { id }, header: { 'If-Match': `"${version}"` } },
          body: changes,
        }),
      ),
    onSuccess: store,
  });
}

/**
 * The workflow's steps: `submit` (draft → submitted) and `validate` (submitted → validated) take
 * an optional comment; `return` (submitted → draft, "send back for correction") and `reopen`
 * (validated → draft) a required reason. Each is kept in the case's history.
 */
export type Transition = 'submit' | 'validate' | 'return' | 'reopen';

export function useTransition(id: string) {
  const store = useStoreCase();
  return useMutation({
    mutationFn: async ({ action, version, text }: { action: Transition; version: number; text?: string }) => {
      const header = { 'If-Match': `"${version}"` };
      const path = { id };
      const comment = text?.trim() ? { comment: text.trim() } : {};
      const reason = { reason: text?.trim() ?? '' };
      switch (action) {
        case 'submit':
          return unwrap(await api.POST('/api/v1/seizures/{id}/submit', { params: { path, header }, body: comment }));
        case 'validate':
          return unwrap(await api.POST('/api/v1/seizures/{id}/validate', { params: { path, header }, body: comment }));
        case 'return':
          return unwrap(await api.POST('/api/v1/seizures/{id}/return', { params: { path, header }, body: reason }));
        case 'reopen':
          return unwrap(await api.POST('/api/v1/seizures/{id}/reopen', { params: { path, header }, body: reason }));
      }
    },
    onSuccess: store,
  });
}

/** One page of cases without paging further (home page blocks): `limit` of them. */
export function useCasePage(query: CaseQuery, limit: number, enabled = true) {
  return useQuery({
    queryKey: [...caseKeys.list(query), 'page', limit] as const,
    enabled,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/seizures', { params: { query: { ...query, limit } }, signal })),
  });
}

/**
 * Every case the list's filters select, as a CSV or XLSX file saved under the server's name
 * (fetched with the bearer token, so not a plain link). Paging and order do not apply. The
 * server records the export; beyond its row limit it answers 422 `too_many_rows` (an ApiError).
 */
export async function exportCases(format: ExportFormat, query: CaseQuery): Promise<string> {
  const { limit: _limit, cursor: _cursor, order: _order, ...filters } = query;
  const result = await api.GET('/api/v1/seizures/export/{format}', {
    params: { path: { format }, query: filters },
    parseAs: 'blob',
  });
  return saveResponse(result, `seizures.${format}`);
}

export function useCaseExport() {
  return useMutation({
    mutationFn: ({ format, query }: { format: ExportFormat; query: CaseQuery }) => exportCases(format, query),
  });
}
