import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { isApiError, unwrap } from '@/api/errors';
import type { AuditQuery } from '@/api/types';
import { saveBlob } from '@/lib/useObjectUrl';

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

export type ExportFormat = 'csv' | 'xlsx';

/** The file name of a `Content-Disposition: attachment; filename=…` header, if any. */
export function attachmentName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through to the plain parameter */
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  const name = plain?.[2] ?? plain?.[1]?.trim();
  return name || null;
}

/**
 * The filtered trail as a file, with the bearer token (so not a plain link), saved under the
 * server's name. The server records the export itself; beyond its row limit it answers 422
 * `too_many_rows`, thrown as an ApiError.
 */
export async function exportAudit(format: ExportFormat, filters: AuditFilters): Promise<string> {
  const result = await api.GET('/api/v1/audit/export/{format}', {
    params: { path: { format }, query: filters },
    parseAs: 'blob',
  });
  const blob = unwrap(result) as unknown as Blob;
  const name = attachmentName(result.response.headers.get('Content-Disposition')) ?? `audit.${format}`;
  saveBlob(blob, name);
  return name;
}

/** The server refused an export as too large (`too_many_rows`, at the top or on a field). */
export function isTooManyRows(e: unknown): boolean {
  return isApiError(e) && (e.code === 'too_many_rows' || (e.problem?.errors ?? []).some((f) => f.code === 'too_many_rows'));
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
