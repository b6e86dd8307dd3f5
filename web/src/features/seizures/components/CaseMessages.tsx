import { Anchor, Badge, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconSend } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Bidi } from '@/components/Bidi';
import { ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { useCaseThreads } from '../api/threads';

/** The threads about this case the user takes part in, and links to send a warning or a seizure message about it. */
export function CaseMessages({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const threads = useCaseThreads(caseId);
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Button
          component={Link}
          to={`/messages/new?template=warning&case=${caseId}`}
          variant="light"
          leftSection={<IconAlertTriangle size={16} aria-hidden />}
        >
          {t('seizures.messages.sendWarning')}
        </Button>
        <Button component={Link} to={`/messages/new?template=seizure&case=${caseId}`} variant="light" leftSection={<IconSend size={16} aria-hidden />}>
          {t('seizures.messages.sendSeizure')}
        </Button>
      </Group>
      {threads.isPending ? (
        <LoadingState />
      ) : threads.isError ? (
        <ErrorState error={threads.error} onRetry={() => void threads.refetch()} />
      ) : threads.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('seizures.messages.none')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="case-threads">
          {threads.data.map((th) => (
            <Group key={th.id} component="li" gap="sm" wrap="wrap" data-testid="case-thread">
              <Badge variant="outline" color="gray.8" tt="none">
                {t(`messaging.kinds.${th.kind}`)}
              </Badge>
              {th.urgent && (
                <Badge color="red" tt="none">
                  {t('messaging.urgent')}
                </Badge>
              )}
              <Anchor component={Link} to={`/messages/${th.id}`} fw={th.unread > 0 ? 700 : 400}>
                <Bidi>{th.subject}</Bidi>
              </Anchor>
              <Text size="xs" c="dimmed">
                {formatDateTime(th.last_message_at, i18n.language)}
              </Text>
              {th.unread > 0 && (
                <Badge color="red" variant="filled" size="sm">
                  {th.unread}
                  {' '}<VisuallyHidden>{t('messaging.unreadWord')}</VisuallyHidden>
                </Badge>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
