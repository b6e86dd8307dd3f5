import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type { components } from '@/api/schema';
import { uploadBody } from '@/api/upload';
import { saveResponse } from '@/lib/download';
import { useLiveEvents } from '@/lib/liveEvents';
import { isFinal } from '../lib/status';

type Schemas = components['schemas'];
export type ImportJob = Schemas['ImportJob'];
export type ImportList = Schemas['ImportList'];
export type ImportProblem = Schemas['ImportProblem'];
export type ImportProblems = Schemas['ImportProblems'];
export type ImportProposal = Schemas['ImportProposal'];
export type ImportProposals = Schemas['ImportProposals'];
export type ImportMode = Schemas['ImportMode'];
export type ImportFormat = Schemas['ImportFormat'];
export type ImportStatus = Schemas['ImportStatus'];
export type RecordType = Schemas['RecordType'];

/** How often the latest imports are read again while one of them runs (ms). */
export const POLL_MS = 3000;

/**
 * How often an import that has not ended is read again (ms) in case its live events do not
 * come (the stream down, or an import someone else started: its events go to them).
 */
export const FALLBACK_POLL_MS = 10_000;

/** The live event the server sends the one who started an import, after each batch and at the end. */
export const PROGRESS_EVENT = 'import.progress';

export const importKeys = {
  all: ['imports'] as const,
  list: () => ['imports', 'list'] as const,
  job: (id: string) => ['imports', 'job', id] as const,
  problems: (id: string, code: string) => ['imports', 'problems', id, code] as const,
  proposals: (id: string) => ['imports', 'proposals', id] as const,
};

/** The latest imports, newest first; read again every few seconds while one of them runs. */
export function useImports() {
  return useQuery({
    queryKey: importKeys.list(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/imports', { signal })).items,
    refetchInterval: (q) => (q.state.data?.some((j) => !isFinal(j.status)) ? POLL_MS : false),
  });
}

/** Whether a live event says that import `id` moved on (or that events were missed: `reset`). */
export function concernsImport(kind: string, data: unknown, id: string): boolean {
  if (kind === 'reset') return true;
  return kind === PROGRESS_EVENT && typeof data === 'object' && data !== null && (data as { id?: unknown }).id === id;
}

/**
 * An import, read again whenever its live event (`import.progress`) says it moved on, and every
 * `FALLBACK_POLL_MS` until its status is final in case no event comes.
 */
export function useImport(id: string) {
  const qc = useQueryClient();
  useLiveEvents(({ kind, data }) => {
    if (concernsImport(kind, data, id)) void qc.invalidateQueries({ queryKey: importKeys.job(id), exact: true });
  });
  return useQuery({
    queryKey: importKeys.job(id),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/imports/{id}', { params: { path: { id } }, signal })),
    refetchInterval: (q) => (q.state.data && isFinal(q.state.data.status) ? false : FALLBACK_POLL_MS),
  });
}

/** An import's problems in line order, a page at a time (`next_after`), optionally of one code. */
export function useImportProblems(id: string, code: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: importKeys.problems(id, code),
    enabled,
    initialPageParam: undefined as number | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/imports/{id}/problems', {
          params: { path: { id }, query: { after: pageParam, code: code || undefined } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_after ?? undefined,
  });
}

/**
 * The proposals of an import of cases in line order, a page at a time (`next_after`): each party
 * the import created beside an existing record it may be.
 */
export function useImportProposals(id: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: importKeys.proposals(id),
    enabled,
    initialPageParam: undefined as number | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await api.GET('/api/v1/imports/{id}/proposals', { params: { path: { id }, query: { after: pageParam } }, signal })),
    getNextPageParam: (last) => last.next_after ?? undefined,
  });
}

export interface UploadSettings {
  file: File;
  format: ImportFormat;
  record_type: RecordType;
  source_system: string;
  mode: ImportMode;
  dry_run: boolean;
}

/** The `Content-Type` an upload of each format is sent with (the server reads `format`, not this). */
export const FORMAT_CONTENT_TYPE: Record<ImportFormat, string> = {
  ndjson: 'application/x-ndjson',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Uploads the file as it is (the body, typed as its format) with the settings in the query,
 * reporting the fraction sent: 202 with the queued job.
 */
export function uploadImport(s: UploadSettings, onProgress: (fraction: number) => void, key: string, signal?: AbortSignal) {
  const query = new URLSearchParams({
    record_type: s.record_type,
    format: s.format,
    source_system: s.source_system,
    mode: s.mode,
    dry_run: String(s.dry_run),
    filename: s.file.name,
  });
  return uploadBody<ImportJob>(`/api/v1/imports?${query.toString()}`, () => s.file, onProgress, signal, {
    'Content-Type': FORMAT_CONTENT_TYPE[s.format],
    'Idempotency-Key': key,
  });
}

export function useUploadImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ settings, onProgress, key }: { settings: UploadSettings; onProgress: (f: number) => void; key: string }) =>
      uploadImport(settings, onProgress, key),
    onSuccess: (job) => {
      qc.setQueryData(importKeys.job(job.id), job);
      void qc.invalidateQueries({ queryKey: importKeys.list() });
    },
  });
}

/** Imports a succeeded dry run's file for real (202: the new job). */
export function useCommitImport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (mode: ImportMode) =>
      unwrap(await api.POST('/api/v1/imports/{id}/commit', { params: { path: { id } }, body: { mode } })),
    onSuccess: (job) => {
      qc.setQueryData(importKeys.job(job.id), job);
      void qc.invalidateQueries({ queryKey: importKeys.list() });
    },
  });
}

/** Stops a queued or running import (409 `finished` for one that ended). */
export function useCancelImport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/imports/{id}/cancel', { params: { path: { id } } })),
    onSuccess: (job) => {
      qc.setQueryData(importKeys.job(id), job);
      void qc.invalidateQueries({ queryKey: importKeys.list() });
    },
  });
}

/** Every problem of an import as CSV, fetched with the token and saved under the server's name. */
export function useDownloadProblems(id: string) {
  return useMutation({
    mutationFn: async () => {
      const result = await api.GET('/api/v1/imports/{id}/problems.csv', { params: { path: { id } }, parseAs: 'blob' });
      return saveResponse(result, `import-${id}-problems.csv`);
    },
  });
}
