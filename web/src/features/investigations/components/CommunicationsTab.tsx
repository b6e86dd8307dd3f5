import { useState } from 'react';
import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconHelpCircle, IconMessagePlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/i18n/investigations';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { useInvestigationThreads } from '../api/communications';
import type { Investigation, InvestigationThread, ThreadKind } from '../api/types';
import type { InvestigationAbilities } from '../lib/abilities';
import { OverdueBadge } from './badges';
import { Section } from './parts';
import { ThreadDialog } from './ThreadDialog';

/** Never cut short in a table cell. */
const NO_TRUNCATE = { root: { flexShrink: 0, minWidth: 'max-content', overflow: 'visible' } } as const;
// outline text dark enough for 4.5:1 on white; the label says it, never the colour alone
const KIND_COLORS: Record<ThreadKind, string> = { general: 'gray.8', warning: '#a33b00', feedback: 'teal.9', seizure: 'grape.9', request: 'indigo.9' };

function ThreadKindBadge({ kind }: { kind: ThreadKind }) {
  const { t } = useTranslation('investigations');
  return (
    <Badge color={KIND_COLORS[kind] ?? 'gray.8'} variant="outline" size="sm" tt="none" styles={NO_TRUNCATE} data-testid="thread-kind" data-kind={kind}>
      {t(`communications.kinds.${kind}`, { defaultValue: kind })}
    </Badge>
  );
}

/** A request's due date and where it stands: answered (when), overdue, or open. Nothing for another thread. */
function RequestState({ thread }: { thread: InvestigationThread }) {
  const { t, i18n } = useTranslation('investigations');
  if (thread.kind !== 'request') return <Text span size="sm" c="dimmed">—</Text>;
  const lang = i18n.language;
  const answered = !!(thread.answer_id || thread.answered_at);
  const state = answered ? 'answered' : thread.overdue ? 'overdue' : 'open';
  return (
    <Stack gap={2} align="flex-start" data-testid="request-state" data-state={state}>
      {state === 'overdue' ? (
        <OverdueBadge size="xs" />
      ) : (
        <Badge color={answered ? '#1b6e31' : 'gray.8'} variant="outline" size="xs" tt="none" styles={NO_TRUNCATE}>
          {t(`communications.states.${state}`)}
        </Badge>
      )}
      {answered ? (
        <Text span size="xs" data-testid="request-answered-at">
          {t('communications.answeredOn', { when: formatDateTime(thread.answered_at, lang) })}
        </Text>
      ) : (
        <Text span size="xs" c={state === 'overdue' ? 'red.9' : 'dimmed'} fw={state === 'overdue' ? 700 : undefined} data-testid="request-due">
          {t('communications.dueOn', { when: formatDateTime(thread.feedback_due, lang) })}
        </Text>
      )}
    </Stack>
  );
}

/** The subject: a link to the thread for those who take part, else the subject and a muted note. */
function Subject({ thread }: { thread: InvestigationThread }) {
  const { t } = useTranslation('investigations');
  if (thread.member)
    return (
      <Anchor component={Link} to={`/messages/${thread.id}`} fw={thread.unread > 0 ? 700 : 500} size="sm" dir="auto" style={{ overflowWrap: 'anywhere' }} data-testid="thread-link">
        {thread.subject}
      </Anchor>
    );
  return (
    <Stack gap={0}>
      <Text size="sm" dir="auto" style={{ overflowWrap: 'anywhere' }}>
        {thread.subject}
      </Text>
      <Text size="xs" c="dimmed" data-testid="thread-not-member">
        {t('communications.notMember')}
      </Text>
    </Stack>
  );
}

/**
 * The investigation's communications: its threads and requests for information, most recent
 * message first — kind, a request's due date and answer, last message, unread count — each
 * opened in messaging by whoever takes part. Team members start a thread or a request while the
 * investigation is not closed.
 */
export function CommunicationsTab({ inv, abilities }: { inv: Investigation; abilities: InvestigationAbilities }) {
  const { t, i18n } = useTranslation('investigations');
  const threads = useInvestigationThreads(inv.id);
  const [dialog, setDialog] = useState<{ request: boolean } | null>(null);
  const title = t('communications.title');

  return (
    <Section
      title={title}
      description={t('communications.description')}
      testId="investigation-communications"
      actions={
        !abilities.closed && (
          <>
            <Button size="xs" variant="default" leftSection={<IconMessagePlus size={16} aria-hidden />} onClick={() => setDialog({ request: false })} data-testid="new-thread">
              {t('communications.newThread')}
            </Button>
            <Button size="xs" leftSection={<IconHelpCircle size={16} aria-hidden />} onClick={() => setDialog({ request: true })} data-testid="request-information">
              {t('communications.requestInfo')}
            </Button>
          </>
        )
      }
    >
      {threads.isPending ? (
        <LoadingState />
      ) : threads.isError ? (
        <ErrorState error={threads.error} onRetry={() => void threads.refetch()} />
      ) : threads.data.length === 0 ? (
        <EmptyState title={t('communications.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label={t('communications.listLabel')} data-testid="communications-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('communications.subject')}</Table.Th>
                <Table.Th scope="col">{t('communications.kind')}</Table.Th>
                <Table.Th scope="col">{t('communications.answer')}</Table.Th>
                <Table.Th scope="col">{t('communications.lastMessage')}</Table.Th>
                <Table.Th scope="col">{t('communications.unread')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {threads.data.map((th) => (
                <Table.Tr key={th.id} data-testid="communication-row" data-thread={th.id} data-kind={th.kind} data-member={th.member}>
                  <Table.Td>
                    <Subject thread={th} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ThreadKindBadge kind={th.kind} />
                      {th.urgent && (
                        <Badge color="red.9" variant="filled" size="sm" tt="none" styles={NO_TRUNCATE}>
                          {t('communications.urgent')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <RequestState thread={th} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text span size="sm">
                      {formatDateTime(th.last_message_at, i18n.language)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('communications.startedBy', { name: th.created_by_name })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {th.unread > 0 ? (
                      <Badge color="ncen" variant="filled" size="sm" data-testid="thread-unread">
                        {th.unread}
                      </Badge>
                    ) : (
                      <Text span size="sm" c="dimmed">
                        0
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {dialog && <ThreadDialog inv={inv} request={dialog.request} onClose={() => setDialog(null)} />}
    </Section>
  );
}
