import { ActionIcon, Anchor, Box, Group, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { safeNext } from '@/lib/useSession';
import '@/i18n/searches/nav';
import type { NotificationDto } from '../api/types';

/** One notification: its kind, title (a link to what it is about), time, and "mark as read". */
export function NotificationItem({
  n,
  onOpen,
  onMarkRead,
  marking,
}: {
  n: NotificationDto;
  onOpen?: () => void;
  onMarkRead: (id: string) => void;
  marking?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const unread = !n.read_at;
  return (
    <Group
      component="li"
      justify="space-between"
      wrap="nowrap"
      gap="xs"
      align="flex-start"
      py={6}
      data-testid="notification"
      data-unread={unread ? 'true' : 'false'}
      data-kind={n.kind}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
        <Box
          mt={6}
          w={8}
          h={8}
          style={{ borderRadius: '50%', flex: 'none', background: unread ? 'var(--mantine-color-red-6)' : 'transparent' }}
          aria-hidden
        />
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="xs" c="dimmed">
            {t([`notifications.kinds.${n.kind}`, `seizures.notificationKinds.${n.kind}`, `alerts.notificationKinds.${n.kind}`, `searches:notificationKinds.${n.kind}`])}
            {unread && <VisuallyHidden> ({t('notifications.unread')})</VisuallyHidden>}
          </Text>
          <Anchor component={Link} to={safeNext(n.link)} size="sm" fw={unread ? 700 : 400} onClick={onOpen} dir="auto" style={{ overflowWrap: 'anywhere' }}>
            {n.title}
          </Anchor>
          <Text size="xs" c="dimmed">
            {n.count > 1 ? `${t('notifications.newMessages', { count: n.count })} · ` : ''}
            <time dateTime={n.created_at}>{formatDateTime(n.created_at, i18n.language)}</time>
          </Text>
        </Stack>
      </Group>
      {unread && (
        <Tooltip label={t('notifications.markRead')}>
          <ActionIcon
            variant="subtle"
            size="sm"
            loading={marking}
            aria-label={t('notifications.markReadNamed', { title: n.title })}
            onClick={() => onMarkRead(n.id)}
          >
            <IconCheck size={14} aria-hidden />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
