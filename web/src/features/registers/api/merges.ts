import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type { components } from '@/api/schema';

/** A merge of two register records (who, when, why, what moved; undone or not). */
export type RecordMerge = components['schemas']['MergeDto'];

export const mergeKeys = {
  forRecord: (recordId: string) => ['registers', 'merges', recordId] as const,
};

/** The merges a person or company took part in, as survivor or as merged record, newest first. */
export function useRecordMerges(recordId: string) {
  return useQuery({
    queryKey: mergeKeys.forRecord(recordId),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/register-merges', { params: { query: { record_id: recordId } }, signal })).items,
  });
}

/**
 * Undoes a merge (a reason is required; 409 when already undone or the survivor was merged
 * since). Both records, their histories and merges, the lists, the duplicates queue and the
 * cases that link them are read again.
 */
export function useUndoMerge() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, reason }: { id: string; reason: string }) =>
      unwrap(await api.POST('/api/v1/register-merges/{id}/undo', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['registers'] });
      void qc.invalidateQueries({ queryKey: ['duplicates'] });
      void qc.invalidateQueries({ queryKey: ['seizures', 'detail'] });
      void qc.invalidateQueries({ queryKey: ['seizures', 'history'] });
    },
  });
}
