import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type { AuditQuery } from '@/api/types';

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = Pick<AuditQuery, 'actor' | 'action' | 'object_type' | 'object_id' | 'from' | 'to'>;

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', 'list', filters],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/audit', {
          params: { query: { ...filters, limit: AUDIT_PAGE_SIZE, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? null,
    placeholderData: keepPreviousData,
  });
}

/** Chain verification walks the whole log: only on demand. */
export function useAuditVerification() {
  return useQuery({
    queryKey: ['audit', 'verify'],
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/audit/verify', { signal })),
    enabled: false,
    gcTime: 0,
  });
}
