import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { isApiError, unwrap } from '@/api/errors';
import type { MergePatch } from '@/lib/patch';
import type { Alert, AlertInput, AlertQuery, HitDetail, HitQuery, HitStatus } from './types';

export const PAGE_SIZE = 50;
/** How many new hits the navigation badge and the home block count at most (the API's page limit). */
export const COUNT_LIMIT = 200;

export const alertKeys = {
  all: ['alerts'] as const,
  list: (q: AlertQuery) => ['alerts', 'list', q] as const,
  detail: (id: string) => ['alerts', 'detail', id] as const,
  hits: (q: HitQuery) => ['alerts', 'hits', q] as const,
  hit: (id: string) => ['alerts', 'hit', id] as const,
  newHits: ['alerts', 'hits', 'new-count'] as const,
  notices: (caseId: string | undefined, recordId: string | undefined) => ['alerts', 'notices', caseId ?? null, recordId ?? null] as const,
};

/** `If-Match` for a workflow step or a correction: the version the user saw. */
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

/** 403 `own_alert`: a supervisor may not activate or renew an alert they wrote or own. */
export function isOwnAlert(e: unknown): boolean {
  return isApiError(e) && e.status === 403 && e.code === 'own_alert';
}

/** The alerts of the caller's unit, most recently changed first, a page at a time. */
export function useAlertList(query: AlertQuery) {
  return useInfiniteQuery({
    queryKey: alertKeys.list(query),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await api.GET('/api/v1/alerts', { params: { query: { ...query, limit: PAGE_SIZE, cursor: pageParam ?? undefined } }, signal })),
    getNextPageParam: (last) => last.next_cursor ?? null,
    placeholderData: keepPreviousData,
  });
}

export function useAlert(id: string) {
  return useQuery({
    queryKey: alertKeys.detail(id),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/alerts/{id}', { params: { path: { id } }, signal })),
  });
}

function storeAlert(qc: QueryClient, a: Alert) {
  qc.setQueryData(alertKeys.detail(a.id), a);
  void qc.invalidateQueries({ queryKey: ['alerts', 'list'] });
}

export function useCreateAlert() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: AlertInput) => unwrap(await api.POST('/api/v1/alerts', { body })),
    onSuccess: (a) => storeAlert(qc, a),
  });
}

/** A draft corrected: JSON merge patch of what changed, with If-Match (412 when it changed meanwhile). */
export function useUpdateAlert(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, patch }: { version: number; patch: MergePatch<AlertInput> }) =>
      unwrap(
        await api.PATCH('/api/v1/alerts/{id}', {
          params: { path: { id }, header: ifMatch(version) },
          body: patch as AlertInput,
        }),
      ),
    onSuccess: (a) => storeAlert(qc, a),
  });
}

/**
 * The alert's workflow: `activate` (a draft, by a supervisor who neither wrote nor owns it),
 * `withdraw` (with a reason) and `renew` (until a new date, at most 12 months from today).
 */
export type AlertStep = { action: 'activate' } | { action: 'withdraw'; reason: string } | { action: 'renew'; valid_until: string };

export function useAlertStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, step }: { version: number; step: AlertStep }) => {
      const params = { path: { id }, header: ifMatch(version) };
      switch (step.action) {
        case 'activate':
          return unwrap(await api.POST('/api/v1/alerts/{id}/activate', { params }));
        case 'withdraw':
          return unwrap(await api.POST('/api/v1/alerts/{id}/withdraw', { params, body: { reason: step.reason } }));
        case 'renew':
          return unwrap(await api.POST('/api/v1/alerts/{id}/renew', { params, body: { valid_until: step.valid_until } }));
      }
    },
    onSuccess: (a) => storeAlert(qc, a),
  });
}

/** Hits of the caller's unit (one alert's with `alert_id`), newest first, a page at a time. */
export function useHitList(query: HitQuery, enabled = true) {
  return useInfiniteQuery({
    queryKey: alertKeys.hits(query),
    enabled,
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await api.GET('/api/v1/alert-hits', { params: { query: { ...query, limit: PAGE_SIZE, cursor: pageParam ?? undefined } }, signal })),
    getNextPageParam: (last) => last.next_cursor ?? null,
    placeholderData: keepPreviousData,
  });
}

/**
 * How many hits await review (up to `COUNT_LIMIT`; `more` when there are more), for the
 * navigation badge and the home page. Each list is audited by the server: this is read at most
 * once a minute, and shared by whoever shows it.
 */
export function useNewHitCount(enabled = true) {
  return useQuery({
    queryKey: alertKeys.newHits,
    enabled,
    staleTime: 60_000,
    refetchInterval: 60_000,
    refetchOnWindowFocus: false,
    queryFn: async ({ signal }) => {
      const page = unwrap(await api.GET('/api/v1/alert-hits', { params: { query: { status: 'new', limit: COUNT_LIMIT } }, signal }));
      return { count: page.items.length, more: !!page.next_cursor };
    },
  });
}

export function useHit(id: string) {
  return useQuery({
    queryKey: alertKeys.hit(id),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/alert-hits/{id}', { params: { path: { id } }, signal })),
  });
}

/** Confirms (optional reason) or dismisses (reason required) a `new` hit. */
export function useReviewHit(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ to, reason }: { to: Exclude<HitStatus, 'new'>; reason: string }): Promise<HitDetail> => {
      const text = reason.trim();
      const params = { path: { id } };
      return to === 'confirmed'
        ? unwrap(await api.POST('/api/v1/alert-hits/{id}/confirm', { params, body: { reason: text || null } }))
        : unwrap(await api.POST('/api/v1/alert-hits/{id}/dismiss', { params, body: { reason: text } }));
    },
    onSuccess: (h) => {
      qc.setQueryData(alertKeys.hit(h.id), h);
      void qc.invalidateQueries({ queryKey: ['alerts', 'hits'] });
      void qc.invalidateQueries({ queryKey: alertKeys.detail(h.alert.id) });
      void qc.invalidateQueries({ queryKey: ['alerts', 'list'] });
    },
  });
}

/**
 * What the caller may know of the alerts a case's records (`caseId`) or one register record
 * (`recordId`) hit: requested action, handling instructions, whom to contact.
 */
export function useAlertNotices(caseId?: string, recordId?: string) {
  return useQuery({
    queryKey: alertKeys.notices(caseId, recordId),
    enabled: !!caseId || !!recordId,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/v1/alert-notices', {
          params: { query: caseId ? { case_id: caseId } : { record_id: recordId } },
          signal,
        }),
      ).items,
  });
}
