import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';

/** Users and units matching `q` (at least 2 characters), whom anyone may address: the recipient picker. */
export function useRecipients(q: string) {
  return useQuery({
    queryKey: ['recipients', q],
    enabled: q.length >= 2,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/recipients', { params: { query: { q, limit: 20 } }, signal })).items,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}
