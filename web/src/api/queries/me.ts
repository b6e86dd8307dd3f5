import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../client';
import { unwrap } from '../errors';

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/me', { signal })),
  staleTime: 60_000,
});

/** The signed-in user (only call below the authenticated boundary). */
export function useMe() {
  return useQuery(meQuery);
}
