import { useEffect, useRef } from 'react';
import { Anchor, Breadcrumbs, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconMessageReply } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import { Bidi } from '@/components/Bidi';
import { ErrorState, LoadingState } from '@/components/states';
import { useMarkThreadRead, useThread } from '../api/threads';
import { FeedbackList } from '../components/FeedbackList';
import { MessageList } from '../components/MessageList';
import { ReplyBox } from '../components/ReplyBox';
import { RequestBanner } from '../components/RequestBanner';
import { TemplateDetails } from '../components/TemplateDetails';
import { ThreadHeader } from '../components/ThreadHeader';
import { canAnswer } from '../lib/request';

/**
 * `/messages/:id`: the thread, its template's fields (a request for information: its due date
 * and answer) and its messages. Opening it marks it read,
 * and so does each new message arriving while it is open (live events refetch it).
 * Someone who does not take part gets the not-found state (the API answers 404).
 */
export function ThreadPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data: me } = useMe();
  const query = useThread(id);
  const { mutate: markRead } = useMarkThreadRead();
  const markedFor = useRef<string | null>(null);
  const loaded = query.isSuccess;
  const unread = query.data?.unread ?? 0;

  useEffect(() => {
    if (loaded && (markedFor.current !== id || unread > 0)) {
      markedFor.current = id;
      markRead(id);
    }
  }, [loaded, id, unread, markRead]);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const thread = query.data;

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/messages">
          {t('messaging.title')}
        </Anchor>
        <Text truncate maw={400}>
          <Bidi>{thread.subject}</Bidi>
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <ThreadHeader thread={thread} />
        {thread.kind === 'warning' && (
          <Button
            component={Link}
            to={`/messages/new?template=feedback&warning=${thread.id}`}
            leftSection={<IconMessageReply size={16} aria-hidden />}
            data-testid="send-feedback"
          >
            {t('messaging.thread.sendFeedback')}
          </Button>
        )}
      </Group>
      <RequestBanner thread={thread} />
      <TemplateDetails thread={thread} />
      {thread.kind === 'warning' && <FeedbackList feedbacks={thread.feedbacks} />}
      <MessageList thread={thread} meId={me?.id} />
      <Paper withBorder p="md">
        <ReplyBox key={thread.id} threadId={thread.id} canAnswer={canAnswer(thread, me?.id)} />
      </Paper>
    </Stack>
  );
}
