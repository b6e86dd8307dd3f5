import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import { PageHeader } from '@/components/PageHeader';
import { ErrorState, LoadingState } from '@/components/states';
import { ProfileCard } from '../components/ProfileCard';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  return (
    <Stack>
      <PageHeader title={t('home.welcome', { name: me.data.display_name })} description={t('home.intro')} />
      <ProfileCard me={me.data} />
      <Text size="sm" c="dimmed">
        {t('home.more')}
      </Text>
    </Stack>
  );
}
