import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SAVED_SEARCHES_KEY } from '@/lib/seizureSearch';
import { api } from '../client';
import { unwrap } from '../errors';
import type { components } from '../schema';

export type SavedSearchInput = components['schemas']['SavedSearchInput'];

/**
 * Saves a list's search as a rule of the caller's (409 past 200, 422 with field errors): the
 * seizure list's or a register's (`target`), shared by their "Save this search".
 */
export function useCreateSavedSearch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: SavedSearchInput) => unwrap(await api.POST('/api/v1/saved-searches', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: SAVED_SEARCHES_KEY }),
  });
}
