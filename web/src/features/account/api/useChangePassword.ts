import { useMutation } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type { ChangePasswordRequest } from '@/api/types';

export function useChangePassword() {
  return useMutation({
    mutationFn: async (body: ChangePasswordRequest) => {
      unwrap(await api.POST('/api/v1/me/password', { body }));
    },
  });
}
