import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/api/errors';
import { api } from '@/api/client';
import type { NotificationPreferences } from './types';

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (unread: boolean) => ['notifications', 'list', { unread }] as const,
  recent: ['notifications', 'recent'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

/** How many recent notifications the bell shows. */
export const RECENT = 8;

export function useNotificationList(unread: boolean) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(unread),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/notifications', {
          params: { query: { unread: unread || undefined, limit: 50, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? null,
    placeholderData: keepPreviousData,
  });
}

/** The latest notifications and the unread total (the bell). */
export function useRecentNotifications() {
  return useQuery({
    queryKey: notificationKeys.recent,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/notifications', { params: { query: { limit: RECENT } }, signal })),
    staleTime: 30_000,
  });
}

export function useMarkNotificationRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllNotificationsRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/notifications/read')),
    onSuccess: () => void qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/notifications/preferences', { signal })),
  });
}

export function useSaveNotificationPreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: NotificationPreferences) =>
      unwrap(await api.PUT('/api/v1/notifications/preferences', { body })),
    onSuccess: (prefs) => qc.setQueryData(notificationKeys.preferences, prefs),
  });
}
