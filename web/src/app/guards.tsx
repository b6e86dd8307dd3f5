import type { ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import { ErrorState, ForbiddenState, LoadingState } from '@/components/states';
import { canAny, type Permission } from '@/lib/permissions';
import { useSession } from '@/lib/useSession';

export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100vh" role="status" aria-label={t('common.loading')}>
      <Loader />
    </Center>
  );
}

/** Sends visitors without a session to sign-in, remembering where they were. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'unknown') return <FullPageLoader />;
  if (status !== 'authenticated') {
    const next = location.pathname + location.search;
    const params = new URLSearchParams();
    if (next !== '/') params.set('next', next);
    const qs = params.toString();
    return <Navigate to={`/signin${qs ? `?${qs}` : ''}`} replace />;
  }
  return children;
}

/** Shows the forbidden state unless the user holds one of `any`. */
export function RequirePermission({ any }: { any: readonly Permission[] }) {
  const me = useMe();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!canAny(me.data, any)) return <ForbiddenState />;
  return <Outlet />;
}
