import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type { NewUser, Role, User, UserChanges } from '@/api/types';

export const PAGE_SIZE = 50;

export const userKeys = {
  all: ['users'] as const,
  list: (q: string, includeDisabled: boolean, role: Role | null) => ['users', 'list', { q, includeDisabled, role }] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

export function useUserList(q: string, includeDisabled: boolean, role: Role | null = null) {
  return useInfiniteQuery({
    queryKey: userKeys.list(q, includeDisabled, role),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/users', {
          params: {
            query: {
              q: q || undefined,
              limit: PAGE_SIZE,
              cursor: pageParam ?? undefined,
              include_disabled: includeDisabled || undefined,
              role: role ?? undefined,
            },
          },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? null,
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: userKeys.detail(id),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/users/{id}', { params: { path: { id } }, signal })),
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewUser) => unwrap(await api.POST('/api/v1/users', { body })),
    onSuccess: (user) => {
      qc.setQueryData(userKeys.detail(user.id), user);
      void qc.invalidateQueries({ queryKey: ['users', 'list'] });
    },
  });
}

/** PATCH with optimistic concurrency: sends If-Match with the version the form was loaded from. */
export function useUpdateUser(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, changes }: { version: number; changes: UserChanges }) =>
      unwrap(
        await api.PATCH('/api/v1/users/{id}', {
          params: { path: { id }, header: { 'If-Match': `"${version}"` } },
          body: changes,
        }),
      ),
    onSuccess: (user: User) => {
      qc.setQueryData(userKeys.detail(id), user);
      void qc.invalidateQueries({ queryKey: ['users', 'list'] });
      void qc.invalidateQueries({ queryKey: ['me'] });
    },
  });
}

export function useResetPassword(id: string) {
  return useMutation({
    mutationFn: async (newPassword: string) => {
      unwrap(await api.POST('/api/v1/users/{id}/password', { params: { path: { id } }, body: { new_password: newPassword } }));
    },
  });
}
