import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';

const LIMIT = 8;

/** Likely matches in a register while the officer types (debounce the text before calling). */
export function usePersonMatches(q: string) {
  return useQuery({
    queryKey: ['registers', 'persons', 'matches', q],
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/persons', { params: { query: { q, limit: LIMIT } }, signal })).items,
  });
}

export function useCompanyMatches(q: string) {
  return useQuery({
    queryKey: ['registers', 'companies', 'matches', q],
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/companies', { params: { query: { q, limit: LIMIT } }, signal })).items,
  });
}

export function useConveyanceMatches(q: string) {
  return useQuery({
    queryKey: ['registers', 'conveyances', 'matches', q],
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/conveyances', { params: { query: { q, limit: LIMIT } }, signal })).items,
  });
}
