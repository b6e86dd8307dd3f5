import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import { unitsQuery } from '@/api/queries/units';
import type { NewUnit, UnitChanges } from '@/api/types';

export function useCreateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewUnit) => unwrap(await api.POST('/api/v1/units', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: unitsQuery.queryKey }),
  });
}

/** PATCH with If-Match (optimistic concurrency). */
export function useUpdateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, changes }: { id: string; version: number; changes: UnitChanges }) =>
      unwrap(
        await api.PATCH('/api/v1/units/{id}', {
          params: { path: { id }, header: { 'If-Match': `"${version}"` } },
          body: changes,
        }),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: unitsQuery.queryKey });
      void qc.invalidateQueries({ queryKey: ['me'] });
    },
  });
}
