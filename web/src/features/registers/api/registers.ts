import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';

const PAGE = 50;
export type Register = 'persons' | 'companies' | 'conveyances';

export function usePerson(id: string) {
  return useQuery({
    queryKey: ['registers', 'persons', 'detail', id],
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/persons/{id}', { params: { path: { id } }, signal })),
  });
}
export function useCompany(id: string) {
  return useQuery({
    queryKey: ['registers', 'companies', 'detail', id],
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/companies/{id}', { params: { path: { id } }, signal })),
  });
}
export function useConveyance(id: string) {
  return useQuery({
    queryKey: ['registers', 'conveyances', 'detail', id],
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/conveyances/{id}', { params: { path: { id } }, signal })),
  });
}

export function usePersonList(q: string) {
  return useInfiniteQuery({
    queryKey: ['registers', 'persons', 'list', q],
    initialPageParam: null as string | null,
    placeholderData: keepPreviousData,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await api.GET('/api/v1/persons', { params: { query: { q: q || undefined, limit: PAGE, cursor: pageParam ?? undefined } }, signal })),
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}
export function useCompanyList(q: string) {
  return useInfiniteQuery({
    queryKey: ['registers', 'companies', 'list', q],
    initialPageParam: null as string | null,
    placeholderData: keepPreviousData,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await api.GET('/api/v1/companies', { params: { query: { q: q || undefined, limit: PAGE, cursor: pageParam ?? undefined } }, signal })),
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}
export function useConveyanceList(q: string) {
  return useInfiniteQuery({
    queryKey: ['registers', 'conveyances', 'list', q],
    initialPageParam: null as string | null,
    placeholderData: keepPreviousData,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await api.GET('/api/v1/conveyances', { params: { query: { q: q || undefined, limit: PAGE, cursor: pageParam ?? undefined } }, signal })),
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}
