import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconClockExclamation, IconHelpCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import type { ThreadDetail } from '../api/types';
import { requestState } from '../lib/request';

/** Who answered a request, by name: the answering message's sender, else the participant. */
function answererName(thread: ThreadDetail): string | null {
  const answer = thread.messages.find((m) => m.id === thread.answer_id);
  if (answer) return answer.sender_name;
  return thread.participants.find((p) => p.user_id && p.user_id === thread.answered_by)?.name ?? null;
}

const LOOK = {
  answered: { color: 'green', icon: <IconCircleCheck aria-hidden /> },
  overdue: { color: 'red', icon: <IconClockExclamation aria-hidden /> },
  open: { color: 'ncen', icon: <IconHelpCircle aria-hidden /> },
} as const;

/**
 * A request for information's banner at the head of its thread: when the answer is due, and
 * whether it came (who answered, when, and a link to the answer), is late, or is awaited.
 */
export function RequestBanner({ thread }: { thread: ThreadDetail }) {
  const { t, i18n } = useTranslation();
  if (thread.kind !== 'request') return null;
  const lang = i18n.language;
  const state = requestState(thread);
  const due = formatDateTime(thread.feedback_due, lang);
  const name = answererName(thread);
  const when = formatDateTime(thread.answered_at, lang);
  return (
    <Alert
      color={LOOK[state].color}
      variant="light"
      icon={LOOK[state].icon}
      title={t('messaging.request.title')}
      data-testid="request-banner"
      data-state={state}
    >
      <Stack gap={4}>
        {state === 'answered' && (
          <Text size="sm" data-testid="request-answered">
            {name ? t('messaging.request.answered', { name, when }) : t('messaging.request.answeredUnnamed', { when })}
            {thread.answer_id && thread.messages.some((m) => m.id === thread.answer_id) && (
              <>
                {' · '}
                <Anchor href={`#message-${thread.answer_id}`} size="sm" underline="always">
                  {t('messaging.request.seeAnswer')}
                </Anchor>
              </>
            )}
          </Text>
        )}
        {state === 'overdue' && (
          <Text size="sm" fw={600} data-testid="request-overdue">
            {t('messaging.request.overdueAlert', { when: due })}
          </Text>
        )}
        {state === 'open' && (
          <Text size="sm" data-testid="request-open">
            {t('messaging.request.awaited')}
          </Text>
        )}
        <Text size="sm" c="dimmed" data-testid="request-due">
          {t('messaging.request.due', { when: due })}
        </Text>
      </Stack>
    </Alert>
  );
}
