/**
 * The company database around a company record (issue 15): its profile (people, relations,
 * computed links, typologies, flags, risk), the changes to it, its network, and the import of
 * register extracts. Reading a profile or a network is audited by the server, so each is read
 * once and kept (`staleTime: Infinity`), and read again only after a change.
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type {
  CompanyFlagInput,
  CompanyNetwork,
  CompanyPersonInput,
  CompanyTimeline,
  CompanyTimelineQuery,
  ImportReport,
  RelationInput,
  TypologyInput,
} from '@/api/types';
import { mergeNeighbours } from '../lib/network';
import { recordKeys } from './registers';

export const companyKeys = {
  profile: (id: string) => ['registers', 'companies', 'profile', id] as const,
  /** every network read of a company, whatever its depth and date */
  networks: (id: string) => ['registers', 'companies', 'network', id] as const,
  network: (id: string, q: NetworkParams) => ['registers', 'companies', 'network', id, q] as const,
  timeline: (id: string) => ['registers', 'companies', 'timeline', id] as const,
};

/**
 * The company's profile, read when `enabled` (a tab that shows it is open). Its risk is also
 * what the page's risk badge shows: the badge's cache takes it, so a change seen here (a new
 * flag) shows there without another audited read of the risk.
 */
export function useCompanyProfile(id: string, enabled = true) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: companyKeys.profile(id),
    enabled,
    staleTime: Infinity,
    queryFn: async ({ signal }) => {
      const profile = unwrap(await api.GET('/api/v1/companies/{id}/profile', { params: { path: { id } }, signal }));
      qc.setQueryData(recordKeys.companyRisk(id), profile.risk);
      return profile;
    },
  });
}

/**
 * After a change to the company's people, relations, typologies or flags: its profile is read
 * again now (the risk tab shows the new score); what else may show the change — other
 * companies' profiles and risks (a relation is seen from both sides, a linked company's risk
 * counts), networks, lists with risk badges — is read again when next shown.
 */
function changed(qc: QueryClient, id: string) {
  void qc.invalidateQueries({ queryKey: companyKeys.profile(id) });
  const key = (k: readonly unknown[]) => k[0] === 'registers' && k[1] === 'companies';
  void qc.invalidateQueries({
    refetchType: 'none',
    predicate: (q) =>
      key(q.queryKey) &&
      ((q.queryKey[2] === 'profile' && q.queryKey[3] !== id) ||
        (q.queryKey[2] === 'risk' && q.queryKey[3] !== id) ||
        q.queryKey[2] === 'network' ||
        q.queryKey[2] === 'list'),
  });
}

export function useAddCompanyPerson(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: CompanyPersonInput) =>
      unwrap(await api.POST('/api/v1/companies/{id}/people', { params: { path: { id } }, body: input })),
    onSuccess: () => changed(qc, id),
  });
}

export function useRemoveCompanyPerson(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (linkId: string) =>
      unwrap(await api.DELETE('/api/v1/companies/{id}/people/{link_id}', { params: { path: { id, link_id: linkId } } })),
    onSuccess: () => changed(qc, id),
  });
}

export function useAddRelation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: RelationInput) =>
      unwrap(await api.POST('/api/v1/companies/{id}/relations', { params: { path: { id } }, body: input })),
    onSuccess: () => changed(qc, id),
  });
}

export function useRemoveRelation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (relationId: string) =>
      unwrap(
        await api.DELETE('/api/v1/companies/{id}/relations/{relation_id}', { params: { path: { id, relation_id: relationId } } }),
      ),
    onSuccess: () => changed(qc, id),
  });
}

export function useAddTypology(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: TypologyInput) =>
      unwrap(await api.POST('/api/v1/companies/{id}/typologies', { params: { path: { id } }, body: input })),
    onSuccess: () => changed(qc, id),
  });
}

export function useRemoveTypology(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (typologyId: string) =>
      unwrap(
        await api.DELETE('/api/v1/companies/{id}/typologies/{typology_id}', {
          params: { path: { id, typology_id: typologyId } },
        }),
      ),
    onSuccess: () => changed(qc, id),
  });
}

export function useAddFlag(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: CompanyFlagInput) =>
      unwrap(await api.POST('/api/v1/companies/{id}/flags', { params: { path: { id } }, body: input })),
    onSuccess: () => changed(qc, id),
  });
}

export function useRemoveFlag(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (flagId: string) =>
      unwrap(await api.DELETE('/api/v1/companies/{id}/flags/{flag_id}', { params: { path: { id, flag_id: flagId } } })),
    onSuccess: () => changed(qc, id),
  });
}

/** The network asked: hops from the company (1–3) and, optionally, the date its people and relations must cover. */
export interface NetworkParams {
  depth: 1 | 2 | 3;
  /** `YYYY-MM-DD`, or null for every period */
  at: string | null;
}

export function useCompanyNetwork(id: string, params: NetworkParams) {
  return useQuery({
    queryKey: companyKeys.network(id, params),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/v1/companies/{id}/network', {
          params: { path: { id }, query: { depth: params.depth, at: params.at ?? undefined } },
          signal,
        }),
      ),
  });
}

/** Neighbours asked per "load more". */
export const NEIGHBOURS_PAGE = 50;

/**
 * The next neighbours of a truncated node (from the `shown` ones), merged into the network
 * read with `params`: the graph and the list show them at once, and keep them while the page
 * stays open.
 */
export function useLoadNeighbours(id: string, params: NetworkParams) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ node, offset }: { node: string; offset: number }) =>
      unwrap(
        await api.GET('/api/v1/companies/{id}/network/neighbours', {
          params: { path: { id }, query: { node, offset, limit: NEIGHBOURS_PAGE, at: params.at ?? undefined } },
        }),
      ),
    onSuccess: (page, { node, offset }) =>
      qc.setQueryData<CompanyNetwork>(companyKeys.network(id, params), (net) =>
        net ? mergeNeighbours(net, page, node, offset, NEIGHBOURS_PAGE) : net,
      ),
  });
}

/** Timeline events asked per page ("Load older"). */
export const TIMELINE_PAGE = 50;

/**
 * The company's timeline, newest first, a page at a time (`fetchNextPage`: older events), read
 * when `enabled` (its tab, or the typology dialog's investigations). Audited like the profile:
 * read once and kept.
 */
export function useCompanyTimeline(id: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: companyKeys.timeline(id),
    enabled,
    staleTime: Infinity,
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<CompanyTimeline> => {
      const query: CompanyTimelineQuery = { limit: TIMELINE_PAGE, cursor: pageParam ?? undefined };
      return unwrap(await api.GET('/api/v1/companies/{id}/timeline', { params: { path: { id }, query }, signal }));
    },
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

/**
 * A register extract (a CSV file) checked (`dryRun`: matched, nothing written) or imported.
 * The body is the file's text, sent as `text/csv`.
 */
export function useCompanyImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: Blob; dryRun: boolean }): Promise<ImportReport> =>
      unwrap(
        await api.POST('/api/v1/companies/import', {
          params: { query: { dry_run: dryRun } },
          body: await file.text(),
          bodySerializer: (body: string) => body,
          headers: { 'Content-Type': 'text/csv' },
        }),
      ),
    onSuccess: (report) => {
      if (!report.dry_run) void qc.invalidateQueries({ queryKey: ['registers', 'companies', 'list'] });
    },
  });
}

const MATCHES = 8;

/**
 * Persons matching `q` (a name in any spelling, a document number, a phone, an e-mail), for
 * the picker of a person to link (debounced by the picker; at least 2 characters).
 */
export function usePersonChoices(q: string) {
  return useQuery({
    queryKey: ['registers', 'persons', 'matches', q],
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/persons', { params: { query: { q, limit: MATCHES } }, signal })).items,
  });
}

/** Companies matching `q` (a name or alias, or a registration number, tax id or EORI). */
export function useCompanyChoices(q: string) {
  return useQuery({
    queryKey: ['registers', 'companies', 'matches', q],
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/companies', { params: { query: { q, limit: MATCHES } }, signal })).items,
  });
}
