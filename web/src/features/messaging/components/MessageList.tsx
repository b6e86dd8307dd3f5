import { Badge, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconChecks, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AttachedFiles } from '@/components/AttachedFiles';
import { Data } from '@/components/Bidi';
import { formatDateTime } from '@/lib/format';
import type { MessageDto, ThreadDetail } from '../api/types';
import { useKnownNames } from '../lib/names';
import { readReceipt } from '../lib/receipts';
import { MessageBody } from './MessageBody';

function Message({
  message,
  mine,
  answer,
  nameOf,
}: {
  message: MessageDto;
  mine: boolean;
  /** the message that answers the thread's request for information */
  answer: boolean;
  nameOf: (id: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const readers = message.read_by.filter((id) => id !== message.sender_id);
  const headingId = `message-${message.id}`;
  return (
    <Paper
      component="article"
      aria-labelledby={headingId}
      withBorder
      p="sm"
      bg={mine ? 'var(--mantine-color-ncen-0)' : undefined}
      data-testid="message"
      data-message-id={message.id}
      data-answer={answer || undefined}
    >
      <Group justify="space-between" gap="xs" mb={4} wrap="wrap">
        <Group gap="xs" wrap="wrap">
          <Text fw={600} size="sm" id={headingId} component="h3" m={0}>
            {mine ? t('messaging.thread.you') : <Data>{message.sender_name}</Data>}
          </Text>
          {answer && (
            <Badge color="green.9" variant="outline" size="sm" tt="none" leftSection={<IconCircleCheck size={12} aria-hidden />} data-testid="message-answer">
              {t('messaging.request.answerBadge')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" component="time" dateTime={message.sent_at}>
          {formatDateTime(message.sent_at, i18n.language)}
        </Text>
      </Group>
      <MessageBody body={message.body} />
      <AttachedFiles attachments={message.attachments} />
      <Group gap={4} mt={6} c="dimmed">
        {readers.length > 0 && <IconChecks size={14} aria-hidden />}
        <Text size="xs" data-testid="read-receipt">
          {readReceipt(t, i18n.language, readers, nameOf)}
        </Text>
      </Group>
    </Paper>
  );
}

/** The thread's messages, oldest first, each with its sender, time and read receipts. */
export function MessageList({ thread, meId }: { thread: ThreadDetail; meId: string | undefined }) {
  const { t } = useTranslation();
  const known = useKnownNames();
  const local = new Map<string, string>();
  for (const p of thread.participants) if (p.user_id) local.set(p.user_id, p.name);
  for (const m of thread.messages) local.set(m.sender_id, m.sender_name);
  const nameOf = (id: string) => (id === meId ? t('messaging.thread.you') : (local.get(id) ?? known.get(id)));
  return (
    <Stack gap="sm" component="section" aria-labelledby="messages-title" data-testid="messages">
      <Title order={2} size="h4" id="messages-title">
        {t('messaging.thread.messages')}
      </Title>
      <VisuallyHidden aria-live="polite">{t('messaging.thread.count', { count: thread.messages.length })}</VisuallyHidden>
      {thread.messages.map((m) => (
        <Message key={m.id} message={m} mine={m.sender_id === meId} answer={!!thread.answer_id && m.id === thread.answer_id} nameOf={nameOf} />
      ))}
    </Stack>
  );
}
