import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import { investigationKeys } from './investigations';
import type { InvestigationSummary, ThreadInput, WorkQuery } from './types';

/**
 * An investigation's threads are kept under `threads/list` (as the seizure case page's are):
 * the live message events refresh every thread list, this one with them.
 */
export const communicationKeys = {
  threads: (id: string) => ['threads', 'list', { investigation_id: id, scope: 'investigation' }] as const,
  work: (q: WorkQuery) => ['investigations', 'work', q] as const,
  mine: (meId: string) => ['investigations', 'list', 'mine', meId] as const,
};

/** The investigation's threads and requests for information, most recent message first, each saying whether the caller takes part. */
export function useInvestigationThreads(id: string) {
  return useQuery({
    queryKey: communicationKeys.threads(id),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/investigations/{id}/threads', { params: { path: { id } }, signal })).items,
  });
}

/** A thread (or, with `request_due`, a request for information) of the investigation; the team takes part. */
export function useStartThread(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: ThreadInput) => unwrap(await api.POST('/api/v1/investigations/{id}/threads', { params: { path: { id } }, body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: communicationKeys.threads(id) });
      void qc.invalidateQueries({ queryKey: ['threads', 'unread'] });
      void qc.invalidateQueries({ queryKey: investigationKeys.timelines(id) });
    },
  });
}

/** Open tasks across investigations, soonest due first: the caller's (`mine`) or their unit's (`unit`, supervisors). */
export function useWork(query: WorkQuery, enabled = true) {
  return useQuery({
    queryKey: communicationKeys.work(query),
    enabled,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/investigation-tasks', { params: { query }, signal })),
  });
}

/** How many investigations of each kind ("I lead", "I am on the team of") the home page reads. */
const MINE_LIMIT = 50;

/**
 * The open investigations the caller leads or is on the team of (in person), most recently
 * active first: the list read twice (`lead_id`, `member_id`), merged, the closed ones left out.
 */
export function useMyInvestigations(meId: string, enabled = true) {
  return useQuery({
    queryKey: communicationKeys.mine(meId),
    enabled: enabled && !!meId,
    queryFn: async ({ signal }): Promise<InvestigationSummary[]> => {
      const read = async (query: { lead_id: string } | { member_id: string }) =>
        unwrap(await api.GET('/api/v1/investigations', { params: { query: { ...query, limit: MINE_LIMIT } }, signal })).items;
      const [led, member] = await Promise.all([read({ lead_id: meId }), read({ member_id: meId })]);
      const byId = new Map<string, InvestigationSummary>();
      for (const inv of [...led, ...member]) if (inv.status !== 'closed' && !byId.has(inv.id)) byId.set(inv.id, inv);
      return [...byId.values()].sort((a, b) => Date.parse(b.updated_at) - Date.parse(a.updated_at));
    },
  });
}
