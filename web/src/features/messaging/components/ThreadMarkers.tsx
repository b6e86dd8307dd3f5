import { Badge, Group, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconClockExclamation, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Data } from '@/components/Bidi';
import type { ThreadKind } from '../api/types';

// outline colours dark enough for 4.5:1 on white (Mantine's orange 9 is not)
const KIND_COLOR: Record<ThreadKind, string> = { general: 'gray.8', warning: '#a33b00', feedback: 'teal.9', seizure: 'grape.9', request: 'indigo.9' };

export function KindBadge({ kind, size = 'sm' }: { kind: ThreadKind; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={KIND_COLOR[kind]} variant="outline" size={size} tt="none" data-testid="thread-kind" data-kind={kind}>
      {t(`messaging.kinds.${kind}`)}
    </Badge>
  );
}

/** Kind, urgent, handling marker and overdue state (of a warning's feedback, a request's answer) of a thread, as badges (words, not only colour). */
export function ThreadMarkers({
  thread,
  size = 'sm',
}: {
  thread: { kind: ThreadKind; urgent: boolean; handling?: string | null; overdue?: boolean };
  size?: 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <KindBadge kind={thread.kind} size={size} />
      {thread.urgent && (
        <Badge color="red" variant="filled" size={size} tt="none" leftSection={<IconAlertTriangle size={12} aria-hidden />} data-testid="thread-urgent">
          {t('messaging.urgent')}
        </Badge>
      )}
      {thread.overdue && (
        <Badge color="red" variant="outline" size={size} tt="none" leftSection={<IconClockExclamation size={12} aria-hidden />} data-testid="thread-overdue">
          {thread.kind === 'request' ? t('messaging.request.overdue') : t('messaging.overdue')}
        </Badge>
      )}
      {thread.handling && (
        <Badge
          color="dark"
          variant="outline"
          size={size}
          tt="none"
          leftSection={<IconLock size={12} aria-hidden />}
          title={t('messaging.handling')}
          data-testid="thread-handling"
        >
          <VisuallyHidden>{t('messaging.handling')}: </VisuallyHidden>
          <Data>{thread.handling}</Data>
        </Badge>
      )}
    </Group>
  );
}
