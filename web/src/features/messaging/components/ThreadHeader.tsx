import { Anchor, Group, List, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconBuilding, IconUser } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUnitNames } from '@/api/queries/units';
import { Data } from '@/components/Bidi';
import { formatDateTime } from '@/lib/format';
import type { ThreadDetail } from '../api/types';
import { ThreadMarkers } from './ThreadMarkers';

/** Subject, kind and markers, who started it and when, the case, and who takes part. */
export function ThreadHeader({ thread }: { thread: ThreadDetail }) {
  const { t, i18n } = useTranslation();
  const unitName = useUnitNames();
  return (
    <Stack gap="xs">
      <Title order={1} size="h2" data-testid="thread-subject" dir="auto">
        {thread.subject}
      </Title>
      <ThreadMarkers thread={thread} size="md" />
      <Text size="sm" c="dimmed">
        {t('messaging.thread.started', { name: thread.created_by_name, when: formatDateTime(thread.created_at, i18n.language) })}
        {thread.case_id && (
          <>
            {' · '}
            <Anchor component={Link} to={`/seizures/${thread.case_id}`} size="sm" data-testid="thread-case-link" underline="always">
              {t('messaging.openCase')}
            </Anchor>
          </>
        )}
      </Text>
      <Group gap="xs" align="baseline" wrap="wrap">
        <Text size="sm" fw={600} id="participants-label">
          {t('messaging.thread.participants')}
        </Text>
        <List
          aria-labelledby="participants-label"
          data-testid="participants"
          listStyleType="none"
          style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--mantine-spacing-sm)' }}
        >
          {thread.participants.map((p) => (
            <List.Item key={p.user_id ?? p.unit_id ?? p.name} data-participant={p.unit_id ? 'unit' : 'user'}>
              <Group gap={4} wrap="nowrap" component="span">
                {p.unit_id ? <IconBuilding size={14} aria-hidden /> : <IconUser size={14} aria-hidden />}
                <VisuallyHidden>{p.unit_id ? t('messaging.compose.unit') : t('messaging.compose.user')}: </VisuallyHidden>
                <Text span size="sm">
                  <Data>{p.unit_id ? (unitName(p.unit_id, p.name) ?? p.name) : p.name}</Data>
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      </Group>
    </Stack>
  );
}
