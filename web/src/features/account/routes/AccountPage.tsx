import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQuery } from '@/api/queries/me';
import { PageHeader } from '@/components/PageHeader';
import { ErrorState, LoadingState } from '@/components/states';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { ProfileCard } from '../components/ProfileCard';

export function AccountPage() {
  const { t } = useTranslation();
  // Always re-read the profile when the page opens (roles or unit may have changed).
  const me = useQuery({ ...meQuery, refetchOnMount: 'always' });
  return (
    <Stack>
      <PageHeader title={t('account.title')} />
      {me.isPending ? (
        <LoadingState />
      ) : me.isError ? (
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      ) : (
        <ProfileCard me={me.data} />
      )}
      <Title order={2} size="h4" id="change-password-title" mt="md">
        {t('account.changePassword')}
      </Title>
      <ChangePasswordForm />
    </Stack>
  );
}
