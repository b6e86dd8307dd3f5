import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { isApiError, unwrap } from '@/api/errors';
import { attachmentName, saveResponse } from '@/lib/download';
import type { MergePatch } from '@/lib/patch';
import { saveBlob } from '@/lib/useObjectUrl';
import type {
  FromTemplates,
  Investigation,
  InvestigationInput,
  InvestigationPatch,
  InvestigationQuery,
  JournalInput,
  LinkInput,
  Member,
  MemberInput,
  Task,
  TaskInput,
  TransitionInput,
} from './types';

export const PAGE_SIZE = 50;
export const TIMELINE_PAGE = 50;

/** The timeline's query: kinds (none: all) and order. */
export interface TimelineQuery {
  kinds: string[];
  order: 'asc' | 'desc';
}

export const investigationKeys = {
  all: ['investigations'] as const,
  lists: ['investigations', 'list'] as const,
  list: (q: InvestigationQuery) => ['investigations', 'list', q] as const,
  detail: (id: string) => ['investigations', 'detail', id] as const,
  links: (id: string) => ['investigations', 'links', id] as const,
  tasks: (id: string) => ['investigations', 'tasks', id] as const,
  journal: (id: string) => ['investigations', 'journal', id] as const,
  timelines: (id: string) => ['investigations', 'timeline', id] as const,
  timeline: (id: string, q: TimelineQuery) => ['investigations', 'timeline', id, q] as const,
};

/** `If-Match` for a change: the version the user saw. */
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

/** 403 `investigation_role`: the step or change is reserved to the lead or a supervisor. */
export function isInvestigationRole(e: unknown): boolean {
  return isApiError(e) && e.status === 403 && e.code === 'investigation_role';
}

/** The investigations the caller may see, most recently active first, a page at a time. */
export function useInvestigationList(query: InvestigationQuery, enabled = true) {
  return useInfiniteQuery({
    queryKey: investigationKeys.list(query),
    enabled,
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await api.GET('/api/v1/investigations', { params: { query: { ...query, limit: PAGE_SIZE, cursor: pageParam ?? undefined } }, signal })),
    getNextPageParam: (last) => last.next_cursor ?? null,
    placeholderData: keepPreviousData,
  });
}

export function useInvestigation(id: string, enabled = true) {
  return useQuery({
    queryKey: investigationKeys.detail(id),
    enabled: enabled && !!id,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/investigations/{id}', { params: { path: { id } }, signal })),
  });
}

function storeInvestigation(qc: QueryClient, inv: Investigation) {
  qc.setQueryData(investigationKeys.detail(inv.id), inv);
  void qc.invalidateQueries({ queryKey: investigationKeys.lists });
  void qc.invalidateQueries({ queryKey: investigationKeys.timelines(inv.id) });
}

/** Something under the investigation changed: its counts, version, timeline and place in lists did too. */
function touched(qc: QueryClient, id: string) {
  void qc.invalidateQueries({ queryKey: investigationKeys.detail(id) });
  void qc.invalidateQueries({ queryKey: investigationKeys.timelines(id) });
  void qc.invalidateQueries({ queryKey: investigationKeys.lists });
}

export function useOpenInvestigation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: InvestigationInput) => unwrap(await api.POST('/api/v1/investigations', { body })),
    onSuccess: (inv) => storeInvestigation(qc, inv),
  });
}

/** A correction: JSON merge patch of what changed, with If-Match (412 when it changed meanwhile). */
export function useUpdateInvestigation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, patch }: { version: number; patch: MergePatch<InvestigationPatch> }) =>
      unwrap(
        await api.PATCH('/api/v1/investigations/{id}', {
          params: { path: { id }, header: ifMatch(version) },
          body: patch as InvestigationPatch,
        }),
      ),
    onSuccess: (inv) => storeInvestigation(qc, inv),
  });
}

/** A move in the workflow, with its reason (closing: its outcome), sent with the version seen. */
export function useTransition(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, body }: { version: number; body: TransitionInput }) =>
      unwrap(
        await api.POST('/api/v1/investigations/{id}/transitions', {
          params: { path: { id }, header: ifMatch(version) },
          body,
        }),
      ),
    onSuccess: (inv) => storeInvestigation(qc, inv),
  });
}

// ---- team

function storeMembers(qc: QueryClient, id: string, members: Member[]) {
  qc.setQueryData<Investigation>(investigationKeys.detail(id), (old) => (old ? { ...old, members } : old));
  touched(qc, id);
}

export function useAddMember(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: MemberInput) => unwrap(await api.POST('/api/v1/investigations/{id}/members', { params: { path: { id } }, body })),
    onSuccess: (members) => storeMembers(qc, id, members),
  });
}

export function useRemoveMember(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (memberId: string) =>
      unwrap(await api.DELETE('/api/v1/investigations/{id}/members/{member_id}', { params: { path: { id, member_id: memberId } } })),
    onSuccess: (members) => storeMembers(qc, id, members),
  });
}

// ---- links

export function useLinks(id: string) {
  return useQuery({
    queryKey: investigationKeys.links(id),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/investigations/{id}/links', { params: { path: { id } }, signal })).items,
  });
}

export function useAddLink(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: LinkInput) => unwrap(await api.POST('/api/v1/investigations/{id}/links', { params: { path: { id } }, body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: investigationKeys.links(id) });
      touched(qc, id);
    },
  });
}

export function useRemoveLink(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (linkId: string) => {
      unwrap(await api.DELETE('/api/v1/investigations/{id}/links/{link_id}', { params: { path: { id, link_id: linkId } } }));
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: investigationKeys.links(id) });
      touched(qc, id);
    },
  });
}

// ---- tasks

export function useTasks(id: string) {
  return useQuery({
    queryKey: investigationKeys.tasks(id),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/investigations/{id}/tasks', { params: { path: { id } }, signal })).items,
  });
}

export function useAddTask(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: TaskInput) => unwrap(await api.POST('/api/v1/investigations/{id}/tasks', { params: { path: { id } }, body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: investigationKeys.tasks(id) });
      touched(qc, id);
    },
  });
}

/** The tasks an offence type usually needs, titled in `lang`; answers those added (a template already used is skipped). */
export function useAddTemplateTasks(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: FromTemplates) =>
      unwrap(await api.POST('/api/v1/investigations/{id}/tasks/from-templates', { params: { path: { id } }, body })).items,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: investigationKeys.tasks(id) });
      touched(qc, id);
    },
  });
}

/** A task corrected (merge patch) with the task's version as If-Match. */
export function useUpdateTask(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ task, patch }: { task: Task; patch: MergePatch<TaskInput> }) =>
      unwrap(
        await api.PATCH('/api/v1/investigations/{id}/tasks/{task_id}', {
          params: { path: { id, task_id: task.id }, header: ifMatch(task.version) },
          body: patch as TaskInput,
        }),
      ),
    onSuccess: (saved) => {
      qc.setQueryData<Task[]>(investigationKeys.tasks(id), (old) => old?.map((x) => (x.id === saved.id ? saved : x)));
      void qc.invalidateQueries({ queryKey: investigationKeys.tasks(id) });
      touched(qc, id);
    },
  });
}

// ---- journal

export function useJournal(id: string) {
  return useInfiniteQuery({
    queryKey: investigationKeys.journal(id),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/investigations/{id}/journal', {
          params: { path: { id }, query: { limit: PAGE_SIZE, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useAddJournalEntry(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: JournalInput) => unwrap(await api.POST('/api/v1/investigations/{id}/journal', { params: { path: { id } }, body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: investigationKeys.journal(id) });
      touched(qc, id);
    },
  });
}

// ---- timeline

export function useTimeline(id: string, q: TimelineQuery) {
  return useInfiniteQuery({
    queryKey: investigationKeys.timeline(id, q),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/investigations/{id}/timeline', {
          params: {
            path: { id },
            query: {
              kinds: q.kinds.length ? q.kinds.join(',') : undefined,
              order: q.order,
              limit: TIMELINE_PAGE,
              cursor: pageParam ?? undefined,
            },
          },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? null,
    placeholderData: keepPreviousData,
  });
}

// ---- case report

/** The languages the server writes the case report in. */
export type ReportLang = 'en' | 'fr';

/** The report's language for a UI language: French for French, English otherwise (Arabic included). */
export function reportLang(uiLang: string | undefined): ReportLang {
  return uiLang?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** How long the print view's blob URL outlives the tab's opening (it has loaded by then). */
const PRINT_URL_LIFETIME = 60_000;

/**
 * The case report as a PDF, saved under the server's name (`<REF>-report.pdf`); fetched with the
 * bearer token, so not a plain link. The server records the printing; 404 for anyone not
 * entitled (an ApiError).
 */
export async function downloadReport(id: string, lang: ReportLang): Promise<string> {
  const result = await api.GET('/api/v1/investigations/{id}/report', {
    params: { path: { id }, query: { format: 'pdf', lang } },
    parseAs: 'blob',
  });
  return saveResponse(result, 'investigation-report.pdf');
}

/**
 * The report's print-friendly page (self-contained HTML: images inline, no scripts) opened in a
 * new tab from a blob URL. When the browser blocks the tab, the page is saved as a file instead
 * (named `fallback`: the server names none). Answers which happened.
 */
export async function openPrintView(id: string, lang: ReportLang, fallback = 'investigation-report.html'): Promise<'opened' | 'saved'> {
  const result = await api.GET('/api/v1/investigations/{id}/report', {
    params: { path: { id }, query: { format: 'html', lang } },
    parseAs: 'blob',
  });
  // the page's bytes as HTML (a view of them, not a copy: the photos make it large)
  const body = unwrap(result) as Blob;
  const page = body.slice(0, body.size, 'text/html;charset=utf-8');
  const url = URL.createObjectURL(page);
  // not 'noopener' in the features: with it, window.open answers null even when the tab opens,
  // and a blocked tab could not be told apart; the opener is cut off right after instead
  const tab = window.open(url, '_blank');
  if (tab) {
    tab.opener = null;
    setTimeout(() => URL.revokeObjectURL(url), PRINT_URL_LIFETIME);
    return 'opened';
  }
  URL.revokeObjectURL(url);
  saveBlob(page, attachmentName(result.response.headers.get('Content-Disposition')) ?? fallback);
  return 'saved';
}

export function useReportDownload() {
  return useMutation({
    mutationFn: ({ id, lang }: { id: string; lang: ReportLang }) => downloadReport(id, lang),
  });
}

export function usePrintView() {
  return useMutation({
    mutationFn: ({ id, lang, fallback }: { id: string; lang: ReportLang; fallback?: string }) => openPrintView(id, lang, fallback),
  });
}
