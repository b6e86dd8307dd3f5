import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type { AuditQuery } from '@/api/types';
import { saveResponse, type ExportFormat } from '@/lib/download';

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = Pick<AuditQuery, 'actor' | 'action' | 'object_type' | 'object_id' | 'outcome' | 'from' | 'to'>;

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

/** Every action the trail records (the action picker's options); fixed for a server version. */
export function useAuditActions() {
  return useQuery({
    queryKey: ['audit', 'actions'],
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/audit/actions', { signal })).items,
    staleTime: Infinity,
  });
}

/**
 * Accounts matching `q` (username or display name), disabled ones included: the actor picker's
 * suggestions. Off when the caller cannot list users (the picker then suggests the actors seen).
 */
export function useActorSuggestions(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['audit', 'actors', q],
    enabled,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/v1/users', {
          params: { query: { q: q || undefined, include_disabled: true, limit: 20 } },
          signal,
        }),
      ).items,
  });
}

/**
 * The filtered trail as a file, with the bearer token (so not a plain link), saved under the
 * server's name. The server records the export itself; beyond its row limit it answers 422
 * `too_many_rows`, thrown as an ApiError (see `isTooManyRows`).
 */
export async function exportAudit(format: ExportFormat, filters: AuditFilters): Promise<string> {
  const result = await api.GET('/api/v1/audit/export/{format}', {
    params: { path: { format }, query: filters },
    parseAs: 'blob',
  });
  return saveResponse(result, `audit.${format}`);
}

export function useAuditExport() {
  return useMutation({
    mutationFn: ({ format, filters }: { format: ExportFormat; filters: AuditFilters }) => exportAudit(format, filters),
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
