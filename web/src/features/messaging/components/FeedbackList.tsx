import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import type { ThreadSummary } from '../api/types';
import { OutcomeBadge } from './TemplateDetails';

/** The feedback threads answering a warning that the caller can see. */
export function FeedbackList({ feedbacks }: { feedbacks: readonly ThreadSummary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="feedbacks-title" data-testid="feedbacks">
      <Title order={2} size="h4" mb="sm" id="feedbacks-title">
        {t('messaging.thread.feedbacks')}
      </Title>
      {feedbacks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('messaging.thread.noFeedback')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {feedbacks.map((f) => (
            <Group key={f.id} component="li" gap="sm" wrap="wrap" data-testid="feedback-item">
              {f.outcome && <OutcomeBadge outcome={f.outcome} />}
              <Anchor component={Link} to={`/messages/${f.id}`} fw={f.unread > 0 ? 700 : 400}>
                {f.subject}
              </Anchor>
              <Text size="xs" c="dimmed">
                <bdi>{f.created_by_name}</bdi> · <bdi>{formatDateTime(f.created_at, i18n.language)}</bdi>
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
