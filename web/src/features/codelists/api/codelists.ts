import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type { CodeListEntryChanges, NewCodeListEntry } from '@/api/types';

export const codeListKeys = {
  all: ['codelists'] as const,
  list: ['codelists', 'list'] as const,
  detail: (name: string, includeRetired: boolean) => ['codelists', 'detail', name, { includeRetired }] as const,
};

export function useCodeLists() {
  return useQuery({
    queryKey: codeListKeys.list,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/codelists', { signal })).items,
  });
}

export function useCodeList(name: string, includeRetired: boolean, enabled = true) {
  return useQuery({
    queryKey: codeListKeys.detail(name, includeRetired),
    enabled,
    // keep the table (and its controls) on screen while the other variant loads;
    // callers check `data.name` so another list's entries are never shown as this one's
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/v1/codelists/{name}', {
          params: { path: { name }, query: { include_retired: includeRetired || undefined } },
          signal,
        }),
      ),
  });
}

export function useCreateEntry(name: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewCodeListEntry) =>
      unwrap(await api.POST('/api/v1/codelists/{name}/entries', { params: { path: { name } }, body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: codeListKeys.all }),
  });
}

export function useUpdateEntry(name: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ code, changes }: { code: string; changes: CodeListEntryChanges }) =>
      unwrap(
        await api.PATCH('/api/v1/codelists/{name}/entries/{code}', { params: { path: { name, code } }, body: changes }),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: codeListKeys.all }),
  });
}
