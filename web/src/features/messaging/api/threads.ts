import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type { CreateThread, PostMessage, ThreadDetail, ThreadQuery } from './types';

export const PAGE_SIZE = 50;

/**
 * Query keys. Everything about threads starts with `threads` (the live events invalidate by
 * these prefixes; the seizure case page's list of its threads uses `threads/list` too).
 */
export const threadKeys = {
  all: ['threads'] as const,
  lists: ['threads', 'list'] as const,
  list: (q: ThreadQuery) => ['threads', 'list', q] as const,
  unread: ['threads', 'unread'] as const,
  details: ['threads', 'detail'] as const,
  detail: (id: string) => ['threads', 'detail', id] as const,
  warnings: (q: string) => ['threads', 'list', 'warnings', q] as const,
};

/** The inbox: the caller's threads, most recent message first (keyset "load more"). */
export function useThreadList(query: ThreadQuery) {
  return useInfiniteQuery({
    queryKey: threadKeys.list(query),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/threads', {
          params: { query: { ...query, limit: PAGE_SIZE, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? null,
    placeholderData: keepPreviousData,
  });
}

/** Unread messages across all of the caller's threads (navigation badge). */
export function useUnreadTotal(enabled = true) {
  return useQuery({
    queryKey: threadKeys.unread,
    enabled,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/threads', { params: { query: { limit: 1 } }, signal })).unread_total,
    staleTime: 30_000,
  });
}

/** Warnings the caller can see, for the feedback template's picker. */
export function useWarningOptions(q: string) {
  return useQuery({
    queryKey: threadKeys.warnings(q),
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/v1/threads', {
          params: { query: { kind: 'warning', q: q || undefined, limit: 20 } },
          signal,
        }),
      ).items,
    placeholderData: keepPreviousData,
  });
}

export function useThread(id: string, enabled = true) {
  return useQuery({
    queryKey: threadKeys.detail(id),
    enabled: enabled && !!id,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/threads/{id}', { params: { path: { id } }, signal })),
  });
}

function useStoreThread() {
  const qc = useQueryClient();
  return (t: ThreadDetail) => {
    qc.setQueryData(threadKeys.detail(t.id), t);
    void qc.invalidateQueries({ queryKey: threadKeys.lists });
    void qc.invalidateQueries({ queryKey: threadKeys.unread });
    // a feedback shows on its warning's page
    if (t.replies_to) void qc.invalidateQueries({ queryKey: threadKeys.detail(t.replies_to) });
  };
}

export function useCreateThread() {
  const store = useStoreThread();
  return useMutation({
    mutationFn: async (body: CreateThread) => unwrap(await api.POST('/api/v1/threads', { body })),
    onSuccess: store,
  });
}

export function usePostMessage(id: string) {
  const store = useStoreThread();
  return useMutation({
    mutationFn: async (body: PostMessage) =>
      unwrap(await api.POST('/api/v1/threads/{id}/messages', { params: { path: { id } }, body })),
    onSuccess: store,
  });
}

/** Marks every message of a thread read (and that thread's notifications). */
export function useMarkThreadRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await api.POST('/api/v1/threads/{id}/read', { params: { path: { id } } }));
      return id;
    },
    onSuccess: (id) => {
      qc.setQueryData<ThreadDetail>(threadKeys.detail(id), (t) => (t ? { ...t, unread: 0 } : t));
      void qc.invalidateQueries({ queryKey: threadKeys.lists });
      void qc.invalidateQueries({ queryKey: threadKeys.unread });
      void qc.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

/** Users and units matching `q` (recipient picker; shared with investigations). */
export { useRecipients } from '@/api/queries/recipients';

/** Seizure cases matching `q` (a reference or free text), for linking a thread to a case. */
export function useCaseOptions(q: string, enabled = true) {
  return useQuery({
    queryKey: ['seizures', 'list', 'picker', q],
    enabled: enabled && q.length >= 2,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/seizures', { params: { query: { q, limit: 10 } }, signal })).items,
    placeholderData: keepPreviousData,
  });
}

/** One case, to label a case given in the URL (same key as the seizure pages use). */
export function useCaseRef(id: string | null) {
  return useQuery({
    queryKey: ['seizures', 'detail', id ?? ''],
    enabled: !!id,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/seizures/{id}', { params: { path: { id: id ?? '' } }, signal })),
    staleTime: 60_000,
  });
}
