import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type { components } from '@/api/schema';
import { SAVED_SEARCHES_KEY } from '@/lib/seizureSearch';

export type SavedSearchInput = components['schemas']['SavedSearchInput'];

/** Saves the list's search as a rule of the caller's (409 past 200, 422 with field errors). */
export function useCreateSavedSearch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: SavedSearchInput) => unwrap(await api.POST('/api/v1/saved-searches', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: SAVED_SEARCHES_KEY }),
  });
}
