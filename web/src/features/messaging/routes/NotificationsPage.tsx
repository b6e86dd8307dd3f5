import { Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, FormError, LoadingState } from '@/components/states';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotificationList } from '../api/notifications';
import { NotificationItem } from '../components/NotificationItem';
import { NotificationPreferences } from '../components/NotificationPreferences';

/** `/notifications`: every notification (unread only on demand), and the live-alert preferences. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === 'true';
  const list = useNotificationList(unreadOnly);
  const markOne = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unreadTotal = list.data?.pages[0]?.unread_total ?? 0;

  return (
    <Stack>
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.description')}
        actions={
          <Button
            variant="default"
            leftSection={<IconChecks size={16} aria-hidden />}
            disabled={unreadTotal === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Paper withBorder p="md" component="section" aria-labelledby="notifications-list-title" style={{ gridColumn: 'span 2' }}>
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4" id="notifications-list-title">
              {t('notifications.listTitle')}
            </Title>
            <Checkbox
              label={t('notifications.unreadOnly')}
              checked={unreadOnly}
              onChange={(e) => setParams(e.currentTarget.checked ? { unread: 'true' } : {})}
            />
          </Group>
          <Text size="sm" c="dimmed" aria-live="polite" mb="xs" data-testid="notifications-unread-total">
            {list.isSuccess ? t('notifications.unreadTotal', { count: unreadTotal }) : ''}
          </Text>
          <FormError error={markOne.error ?? markAll.error} />
          {list.isPending ? (
            <LoadingState />
          ) : list.isError ? (
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : items.length === 0 ? (
            <EmptyState title={unreadOnly ? t('notifications.noUnread') : t('notifications.empty')} />
          ) : (
            <>
              <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="notifications-list">
                {items.map((n) => (
                  <NotificationItem
                    key={n.id}
                    n={n}
                    onOpen={() => {
                      if (!n.read_at) markOne.mutate(n.id);
                    }}
                    onMarkRead={(id) => markOne.mutate(id)}
                    marking={markOne.isPending && markOne.variables === n.id}
                  />
                ))}
              </Stack>
              <Group justify="center" mt="sm">
                {list.hasNextPage && (
                  <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                    {t('common.loadMore')}
                  </Button>
                )}
              </Group>
            </>
          )}
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="notification-prefs-title">
          <Title order={2} size="h4" mb="sm" id="notification-prefs-title">
            {t('notifications.preferences.title')}
          </Title>
          <NotificationPreferences />
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
