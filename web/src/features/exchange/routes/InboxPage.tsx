import { Anchor, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCodeBook } from '@/api/queries/codelists';
import { Data } from '@/components/Bidi';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatBytes, formatDateTime } from '@/lib/format';
import { useInbox, type InboxSummary } from '../api/exchange';
import { ExchangeHeader, InboxStatusBadge, References, ScopeBadge, WithdrawalBadge } from '../components/parts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
/** References shown in a row before "+n". */
const SHOWN_REFERENCES = 3;

/**
 * The inbox (`/exchange/inbox`, liaison officers): the review queue of packages received from
 * partners, newest first, each with its sender, its cases, the agreement it names and where its
 * review stands. A withdrawal (the sender withdraws cases it sent) is marked as such: it was
 * applied on arrival, with nothing to review.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const inbox = useInbox();
  return (
    <Stack>
      <ExchangeHeader page="inbox" />
      {inbox.isPending ? (
        <LoadingState />
      ) : inbox.isError ? (
        <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : inbox.data.length === 0 ? (
        <Paper withBorder>
          <EmptyState title={t('exchange:inbox.empty')} />
        </Paper>
      ) : (
        <InboxTable items={inbox.data} />
      )}
    </Stack>
  );
}

function InboxTable({ items }: { items: readonly InboxSummary[] }) {
  const { t, i18n } = useTranslation();
  const countries = useCodeBook('countries');
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover aria-label={t('exchange:inbox.label')} data-testid="inbox-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('exchange:inbox.columns.received')}</Table.Th>
            <Table.Th scope="col">{t('exchange:inbox.columns.partner')}</Table.Th>
            <Table.Th scope="col">{t('exchange:inbox.columns.cases')}</Table.Th>
            <Table.Th scope="col">{t('exchange:inbox.columns.scope')}</Table.Th>
            <Table.Th scope="col">{t('exchange:inbox.columns.agreement')}</Table.Th>
            <Table.Th scope="col">{t('exchange:inbox.columns.status')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'end' }}>
              {t('exchange:inbox.columns.size')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => {
            const when = formatDateTime(p.received_at, i18n.language);
            return (
              <Table.Tr key={p.id} data-package-id={p.id} data-status={p.status} data-kind={p.kind}>
                <Table.Td style={NOWRAP}>
                  <Anchor component={Link} to={`/exchange/inbox/${p.id}`} size="sm" fw={500}>
                    {when}
                    <VisuallyHidden> ({t(p.kind === 'withdrawal' ? 'exchange:inbox.withdrawalTitle' : 'exchange:inbox.title', { partner: p.partner_name })})</VisuallyHidden>
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <Data>{p.partner_name}</Data>
                  </Text>
                  <Text size="xs" c="dimmed">
                    <Data>{countries.label(p.partner_country)}</Data>
                  </Text>
                </Table.Td>
                <Table.Td data-testid="inbox-cases" style={{ minWidth: 160 }}>
                  <Text size="sm">
                    {new Intl.NumberFormat(i18n.language).format(p.cases)}
                    {p.case_references.length > 0 && (
                      <>
                        {' · '}
                        <References references={p.case_references} max={SHOWN_REFERENCES} />
                      </>
                    )}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ScopeBadge scope={p.scope} />
                </Table.Td>
                <Table.Td>
                  <Data>{p.agreement_reference}</Data>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <InboxStatusBadge status={p.status} kind={p.kind} />
                    {p.kind === 'withdrawal' && <WithdrawalBadge />}
                  </Group>
                </Table.Td>
                <Table.Td style={{ ...NOWRAP, textAlign: 'end' }}>{formatBytes(p.size, i18n.language)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
