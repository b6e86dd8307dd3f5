import { useState } from 'react';
import { ActionIcon, Anchor, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useWindowEvent } from '@mantine/hooks';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useRecentNotifications } from '../api/notifications';
import { NotificationItem } from './NotificationItem';

/** The header's bell: the unread count, and a dropdown of recent notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const recent = useRecentNotifications();
  const markOne = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const unread = recent.data?.unread_total ?? 0;
  const items = recent.data?.items ?? [];
  const close = () => setOpened(false);
  // The dropdown closes on Escape from anywhere, not only from inside it: when the element that held
  // the focus goes away (a notification marked read while the list refreshes), focus falls back to
  // the page and Mantine's own handler on the dropdown never sees the key.
  useWindowEvent('keydown', (event) => {
    if (opened && event.key === 'Escape' && !event.defaultPrevented) setOpened(false);
  });
  return (
    <Indicator label={unread > 99 ? '99+' : unread} disabled={unread === 0} size={18} color="red" offset={6} data-testid="notification-count">
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} withinPortal trapFocus returnFocus shadow="md">
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="white"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
            data-testid="notification-bell"
            data-unread={unread}
          >
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p="sm" role="dialog" aria-labelledby="notification-bell-title" data-testid="notification-dropdown">
          <Group justify="space-between" mb={4}>
            <Text fw={700} id="notification-bell-title">
              {t('notifications.title')}
            </Text>
            {unread > 0 && (
              <Button variant="subtle" size="compact-xs" loading={markAll.isPending} onClick={() => markAll.mutate()}>
                {t('notifications.markAllRead')}
              </Button>
            )}
          </Group>
          <Divider />
          {recent.isPending ? (
            <LoadingState />
          ) : recent.isError ? (
            <ErrorState error={recent.error} onRetry={() => void recent.refetch()} />
          ) : items.length === 0 ? (
            <Text size="sm" c="dimmed" py="md" ta="center">
              {t('notifications.empty')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={360} type="auto">
              <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {items.map((n) => (
                  <NotificationItem
                    key={n.id}
                    n={n}
                    onOpen={() => {
                      if (!n.read_at) markOne.mutate(n.id);
                      close();
                    }}
                    onMarkRead={(id) => markOne.mutate(id)}
                    marking={markOne.isPending && markOne.variables === n.id}
                  />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
          <Divider mb="xs" />
          <Anchor component={Link} to="/notifications" size="sm" onClick={close}>
            {t('notifications.seeAll')}
          </Anchor>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
