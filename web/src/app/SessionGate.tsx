import { useEffect, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { resumeSession, stopRefreshing } from '@/api/auth';
import { session } from '@/lib/session';
import { useSession } from '@/lib/useSession';

let resumed = false;

/** Resumes the session from the refresh cookie once, and clears cached data when it ends. */
export function SessionGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { status } = useSession();

  useEffect(() => {
    if (!resumed && session.get().status === 'unknown') {
      resumed = true;
      void resumeSession();
    }
  }, []);

  useEffect(() => {
    if (status === 'anonymous' || status === 'expired') {
      stopRefreshing();
      queryClient.clear();
    }
  }, [status, queryClient]);

  return children;
}
