import { Alert, Anchor, Badge, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCodeBook } from '@/api/queries/codelists';
import { Data } from '@/components/Bidi';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { useReceivedCases, type ReceivedCaseSummary } from '../api/exchange';
import { DataOrDash, ExchangeHeader, ProvenanceBadge, ScopeBadge, WithdrawnBadge } from '../components/parts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/**
 * The received cases (`/exchange/received`, liaison officers): the cases imported from the
 * packages partners sent, newest import first, each marked with where it comes from (and as
 * withdrawn when its sender withdrew it: kept for the record, not to be used). They stay the
 * partner's: nothing of them is merged into this node's cases or registers.
 */
export function ReceivedCasesPage() {
  const { t } = useTranslation();
  const received = useReceivedCases();
  return (
    <Stack>
      <ExchangeHeader page="received" />
      <Alert variant="light" color="ncen" p="xs">
        <Text size="sm">{t('exchange:received.noMerge')}</Text>
      </Alert>
      {received.isPending ? (
        <LoadingState />
      ) : received.isError ? (
        <ErrorState error={received.error} onRetry={() => void received.refetch()} />
      ) : received.data.length === 0 ? (
        <Paper withBorder>
          <EmptyState title={t('exchange:received.empty')} />
        </Paper>
      ) : (
        <ReceivedTable items={received.data} />
      )}
    </Stack>
  );
}

function ReceivedTable({ items }: { items: readonly ReceivedCaseSummary[] }) {
  const { t, i18n } = useTranslation();
  const countries = useCodeBook('countries');
  const groups = useCodeBook('commodity_groups');
  const sep = t('common.listSeparator');
  const when = (iso: string | null | undefined) => (iso ? formatDateTime(iso, i18n.language) : '—');
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped highlightOnHover aria-label={t('exchange:received.label')} data-testid="received-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('exchange:received.columns.reference')}</Table.Th>
            <Table.Th scope="col">{t('exchange:received.columns.partner')}</Table.Th>
            <Table.Th scope="col">{t('exchange:received.columns.version')}</Table.Th>
            <Table.Th scope="col">{t('exchange:received.columns.scope')}</Table.Th>
            <Table.Th scope="col">{t('exchange:received.columns.detected')}</Table.Th>
            <Table.Th scope="col">{t('exchange:received.columns.groups')}</Table.Th>
            <Table.Th scope="col">{t('exchange:received.columns.imported')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => {
            const p = c.provenance;
            return (
              <Table.Tr key={c.id} data-received-id={c.id} data-withdrawn={c.withdrawal ? 'true' : undefined}>
                <Table.Td style={NOWRAP}>
                  <Stack gap={4} align="flex-start">
                    <Anchor component={Link} to={`/exchange/received/${c.id}`} size="sm" fw={500}>
                      <Data>{p.original_reference}</Data>
                      <VisuallyHidden> ({t('exchange:inbox.receivedFrom', { partner: p.partner_name })})</VisuallyHidden>
                    </Anchor>
                    {c.withdrawal && <WithdrawnBadge by="sender" />}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <ProvenanceBadge country={countries.label(p.partner_country)} />
                    <Text size="xs" c="dimmed">
                      <Data>{p.partner_name}</Data>
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="outline" color="gray.8" tt="none" data-testid="received-version">
                    {t('common.version', { version: c.version })}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <ScopeBadge scope={c.scope} />
                </Table.Td>
                <Table.Td style={NOWRAP}>{when(c.detected_at)}</Table.Td>
                <Table.Td data-testid="received-groups">
                  {c.commodity_groups.length ? c.commodity_groups.map((g) => groups.label(g)).join(sep) : '—'}
                </Table.Td>
                <Table.Td data-testid="received-imported">
                  <Text size="sm">
                    <DataOrDash value={c.imported_by_name} />
                  </Text>
                  <Text size="xs" c="dimmed" style={NOWRAP}>
                    {when(c.imported_at)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
