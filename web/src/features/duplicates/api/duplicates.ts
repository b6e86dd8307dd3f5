import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { isApiError, unwrap } from '@/api/errors';
import type { Company, Person } from '@/api/types';
import { type DuplicatePair, type Merge, type MergeKind, type PairStatus } from './types';

export const PAGE_SIZE = 50;

export const duplicateKeys = {
  all: ['duplicates'] as const,
  lists: ['duplicates', 'list'] as const,
  list: (q: DuplicateListQuery) => ['duplicates', 'list', q] as const,
  pair: (id: string) => ['duplicates', 'pair', id] as const,
  records: ['duplicates', 'record'] as const,
  record: (kind: MergeKind, id: string) => ['duplicates', 'record', kind, id] as const,
};

export interface DuplicateListQuery {
  /** both registers when not given */
  kind?: MergeKind;
  status: PairStatus;
}

/** 412 `precondition_failed`: one of the two records changed since it was read. */
export function isStaleMerge(e: unknown): boolean {
  return isApiError(e) && e.status === 412;
}

/** 409: a record is already merged (merge), the pair already reviewed (distinct), or the merge already undone. */
export function isConflict(e: unknown): boolean {
  return isApiError(e) && e.status === 409;
}

/** 422 `same_record`: both sides are one record (the one merged since resolves to the other). */
export function isSameRecord(e: unknown): boolean {
  return isApiError(e) && e.status === 422 && (e.problem?.errors ?? []).some((x) => x.code === 'same_record');
}

/** The queue, best score first, a page at a time (each page read is audited by the server). */
export function useDuplicateList(query: DuplicateListQuery) {
  return useInfiniteQuery({
    queryKey: duplicateKeys.list(query),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/duplicates', {
          params: { query: { ...query, limit: PAGE_SIZE, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? null,
    placeholderData: keepPreviousData,
  });
}

/** A pair by its id (null when there is none). */
export async function findPair(id: string, signal?: AbortSignal): Promise<DuplicatePair | null> {
  const res = await api.GET('/api/v1/duplicates/{id}', { params: { path: { id } }, signal });
  if (res.response.status === 404) return null;
  return unwrap(res);
}

/**
 * One pair: as the queue handed it over (router state), else read by its id. Kept until a
 * review changes it here (each read is audited: it is not read again on its own).
 */
export function useDuplicatePair(id: string, initial?: DuplicatePair | null) {
  return useQuery({
    queryKey: duplicateKeys.pair(id),
    queryFn: ({ signal }) => findPair(id, signal),
    initialData: initial && initial.id === id ? initial : undefined,
    staleTime: Infinity,
  });
}

/**
 * A record of a pair, read afresh (its `version` goes with a merge). A merged record's id
 * answers its survivor: the record's `id` then differs from the one asked.
 */
export function usePairRecord(kind: MergeKind, id: string) {
  return useQuery({
    queryKey: duplicateKeys.record(kind, id),
    queryFn: async ({ signal }): Promise<Person | Company> => {
      const params = { path: { id } };
      return kind === 'person'
        ? unwrap(await api.GET('/api/v1/persons/{id}', { params, signal }))
        : unwrap(await api.GET('/api/v1/companies/{id}', { params, signal }));
    },
  });
}

/** Declares an open pair two different records (a reason is required). */
export function useDistinctPair(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (reason: string) =>
      unwrap(await api.POST('/api/v1/duplicates/{id}/distinct', { params: { path: { id } }, body: { reason } })),
    onSuccess: (pair) => {
      qc.setQueryData(duplicateKeys.pair(pair.id), pair);
      void qc.invalidateQueries({ queryKey: duplicateKeys.lists });
    },
  });
}

export interface MergeRequest {
  kind: MergeKind;
  /** the record that stays, at the version the user saw (sent as `If-Match`) */
  survivor: { id: string; version: number };
  /** the record merged into it, at the version the user saw */
  merged: { id: string; version: number };
  reason: string;
  /** the pair reviewed, marked merged here once done */
  pairId?: string;
}

/**
 * What a merge changes beyond the pair: both records, their histories and merges, the
 * register lists, the cases that link them. Read again when next shown — the pair too (not
 * rewritten here: its page stays as it is until the survivor's page opens).
 */
function merged(qc: QueryClient, pairId: string | undefined) {
  if (pairId) void qc.invalidateQueries({ queryKey: duplicateKeys.pair(pairId), refetchType: 'none' });
  void qc.invalidateQueries({ queryKey: duplicateKeys.lists });
  void qc.invalidateQueries({ queryKey: duplicateKeys.records, refetchType: 'none' });
  void qc.invalidateQueries({ queryKey: ['registers'] });
  void qc.invalidateQueries({ queryKey: ['seizures', 'detail'] });
  void qc.invalidateQueries({ queryKey: ['seizures', 'history'] });
}

/** Merges `merged` into `survivor` (412 when either changed since it was read; 409 when either is merged already). */
export function useMergeRecords() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ kind, survivor, merged: other, reason }: MergeRequest): Promise<Merge> => {
      const params = { path: { id: survivor.id }, header: { 'If-Match': `"${survivor.version}"` } };
      const body = { merged_id: other.id, merged_version: other.version, reason };
      return kind === 'person'
        ? unwrap(await api.POST('/api/v1/persons/{id}/merge', { params, body }))
        : unwrap(await api.POST('/api/v1/companies/{id}/merge', { params, body }));
    },
    onSuccess: (_m, req) => merged(qc, req.pairId),
  });
}
