import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { isApiError, unwrap } from '@/api/errors';
import type { CaseStatus } from '@/api/types';

/** A case as the preview's list shows it. */
export interface PickedCase {
  id: string;
  reference: string;
  status: CaseStatus;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isCaseId(token: string): boolean {
  return UUID.test(token);
}

/** Case references or ids pasted or typed, one by one (separated by spaces, commas, semicolons or lines). */
export function caseTokens(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean))];
}

/** One case, to name a case given by id (the address of the page); the same key as the seizure pages use. */
export function useCaseRef(id: string | null) {
  return useQuery({
    queryKey: ['seizures', 'detail', id ?? ''],
    enabled: !!id,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/seizures/{id}', { params: { path: { id: id ?? '' } }, signal })),
  });
}

/** Validated cases found by reference or text, for the picker (from two characters typed). */
export function useValidatedCases(q: string) {
  return useQuery({
    queryKey: ['seizures', 'list', 'exchange-picker', q],
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/seizures', { params: { query: { q, status: 'validated', limit: 10 } }, signal })).items,
  });
}

/**
 * The case a token names: an id is read, a reference is searched for and must match exactly
 * (letter case aside). Null when there is no such case (or it is not visible to the caller).
 */
export async function resolveCase(token: string): Promise<PickedCase | null> {
  if (isCaseId(token)) {
    try {
      const c = unwrap(await api.GET('/api/v1/seizures/{id}', { params: { path: { id: token } } }));
      return { id: c.id, reference: c.reference, status: c.status };
    } catch (e) {
      if (isApiError(e) && (e.status === 404 || e.status === 403)) return null;
      throw e;
    }
  }
  const items = unwrap(await api.GET('/api/v1/seizures', { params: { query: { q: token, limit: 10 } } })).items;
  const found = items.find((c) => c.reference.toUpperCase() === token.toUpperCase());
  return found ? { id: found.id, reference: found.reference, status: found.status } : null;
}
