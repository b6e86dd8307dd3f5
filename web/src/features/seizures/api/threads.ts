import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';

/**
 * The message threads about a case that the user takes part in. The key starts with
 * `threads/list`, so the live message events refresh it with the inbox.
 */
export function useCaseThreads(caseId: string) {
  return useQuery({
    queryKey: ['threads', 'list', { case_id: caseId, scope: 'case' }],
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/threads', { params: { query: { case_id: caseId, limit: 50 } }, signal })).items,
  });
}
