import { Alert, Anchor, Button, Group, Paper, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import { useCodeBook } from '@/api/queries/codelists';
import { Data } from '@/components/Bidi';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { PACKAGE_STATUSES, isMoving, useOutbox, type OutboxPackage, type PackageStatus } from '../api/exchange';
import { DataOrDash, ExchangeHeader, PackageStatusBadge, References, ScopeBadge, WithdrawalBadge, WithdrawnBadge } from '../components/parts';
import { runsExchange } from '../lib/access';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
/** References shown in a row before "+n". */
const SHOWN_REFERENCES = 3;

function isStatus(v: string | null): v is PackageStatus {
  return PACKAGE_STATUSES.some((s) => s === v);
}

/**
 * The outbox (`/exchange/outbox`, `?status=` for one status): the packages for partners, newest
 * first — every package for a liaison officer, one's own requests for an investigator — with
 * where each stands. Read again every few seconds while a delivery is due or under way, so a
 * package is seen moving from pending to acknowledged.
 */
export function OutboxPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const liaison = runsExchange(me);
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = isStatus(raw) ? raw : null;
  const outbox = useOutbox(status);
  // the requests a liaison officer may approve, whatever the filter shows
  const countAwaiting = liaison && status !== 'awaiting_approval';
  const awaiting = useOutbox('awaiting_approval', { enabled: countAwaiting });
  const awaitingCount = countAwaiting ? (awaiting.data?.length ?? 0) : 0;
  const moving = outbox.data?.some((p) => isMoving(p.status)) ?? false;

  return (
    <Stack>
      <ExchangeHeader page="outbox" description={liaison ? undefined : t('exchange:descriptions.outboxOwn')} />
      {awaitingCount > 0 && (
        <Alert variant="light" color="orange" data-testid="awaiting-approval">
          <Group gap="sm">
            <Text size="sm">{t('exchange:outbox.awaitingCount', { count: awaitingCount })}</Text>
            <Anchor component={Link} to="/exchange/outbox?status=awaiting_approval" size="sm">
              {t('exchange:outbox.showAwaiting')}
            </Anchor>
          </Group>
        </Alert>
      )}
      <Group align="flex-end" justify="space-between">
        <Select
          label={t('exchange:outbox.status')}
          placeholder={t('exchange:outbox.allStatuses')}
          data={PACKAGE_STATUSES.map((s) => ({ value: s, label: t(`exchange:statuses.${s}`) }))}
          value={status}
          onChange={(v) => setParams(v ? { status: v } : {}, { replace: true })}
          clearable
          maw={280}
          comboboxProps={{ withinPortal: true }}
        />
        {moving && (
          <Group gap={4} data-testid="outbox-refreshing">
            <IconRefresh size={14} aria-hidden color="var(--mantine-color-dimmed)" />
            <Text size="xs" c="dimmed">
              {t('exchange:outbox.refreshing')}
            </Text>
          </Group>
        )}
      </Group>
      {outbox.isPending ? (
        <LoadingState />
      ) : outbox.isError ? (
        <ErrorState error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : outbox.data.length === 0 ? (
        <Paper withBorder>
          <EmptyState title={t(status ? 'exchange:outbox.emptyStatus' : liaison ? 'exchange:outbox.empty' : 'exchange:outbox.emptyOwn')}>
            {!status && !liaison && (
              <Button component={Link} to="/exchange/preview" variant="default" size="xs">
                {t('exchange:send.request')}
              </Button>
            )}
          </EmptyState>
        </Paper>
      ) : (
        <OutboxTable items={outbox.data} />
      )}
    </Stack>
  );
}

function OutboxTable({ items }: { items: readonly OutboxPackage[] }) {
  const { t, i18n } = useTranslation();
  const countries = useCodeBook('countries');
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped highlightOnHover aria-label={t('exchange:outbox.label')} data-testid="outbox-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('exchange:outbox.columns.partner')}</Table.Th>
            <Table.Th scope="col">{t('exchange:outbox.columns.cases')}</Table.Th>
            <Table.Th scope="col">{t('exchange:outbox.columns.scope')}</Table.Th>
            <Table.Th scope="col">{t('exchange:outbox.columns.status')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'end' }}>
              {t('exchange:outbox.columns.attempts')}
            </Table.Th>
            <Table.Th scope="col">{t('exchange:outbox.columns.delivery')}</Table.Th>
            <Table.Th scope="col">{t('exchange:outbox.columns.requestedBy')}</Table.Th>
            <Table.Th scope="col">{t('exchange:outbox.columns.approvedBy')}</Table.Th>
            <Table.Th scope="col">{t('exchange:outbox.columns.created')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => {
            const when = formatDateTime(p.created_at, i18n.language);
            return (
              <Table.Tr key={p.id} data-package-id={p.id} data-status={p.status} data-kind={p.kind}>
                <Table.Td style={{ minWidth: 180 }}>
                  <Anchor component={Link} to={`/exchange/outbox/${p.id}`} size="sm" fw={500}>
                    <Data>{p.partner_name}</Data>
                    <VisuallyHidden> ({t(p.kind === 'withdrawal' ? 'exchange:outbox.withdrawalOf' : 'exchange:outbox.packageOf', { when })})</VisuallyHidden>
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    <Data>{countries.label(p.partner_country)}</Data>
                  </Text>
                </Table.Td>
                <Table.Td data-testid="package-cases" style={{ minWidth: 140 }}>
                  <Text size="sm" component="div">
                    <References references={p.case_references} max={SHOWN_REFERENCES} />
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ScopeBadge scope={p.scope} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <PackageStatusBadge status={p.status} />
                    {p.kind === 'withdrawal' && <WithdrawalBadge />}
                    {p.withdrawn_by && <WithdrawnBadge />}
                  </Group>
                </Table.Td>
                <Table.Td style={{ textAlign: 'end' }} data-testid="package-attempts">
                  {new Intl.NumberFormat(i18n.language).format(p.attempts)}
                </Table.Td>
                <Table.Td data-testid="package-delivery" style={{ maxWidth: 280 }}>
                  <Delivery pkg={p} />
                </Table.Td>
                <Table.Td>
                  <DataOrDash value={p.requested_by_name} />
                </Table.Td>
                <Table.Td>
                  <DataOrDash value={p.approved_by_name} />
                </Table.Td>
                <Table.Td style={NOWRAP}>{when}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** When the next attempt is due (or the one under way times out), and why the last one failed or the partner refused. */
function Delivery({ pkg: p }: { pkg: OutboxPackage }) {
  const { t, i18n } = useTranslation();
  const next =
    p.next_attempt_at && (p.status === 'pending' || p.status === 'sent')
      ? t(p.status === 'pending' ? 'exchange:outbox.nextAttempt' : 'exchange:outbox.timesOut', {
          when: formatDateTime(p.next_attempt_at, i18n.language),
        })
      : null;
  if (!next && !p.last_error) return <>—</>;
  return (
    <Stack gap={0}>
      {next && (
        <Text size="xs" style={NOWRAP}>
          {next}
        </Text>
      )}
      {p.last_error && (
        <Text size="xs" c={p.status === 'rejected' || p.status === 'failed' ? 'red.9' : 'dimmed'} lineClamp={2} title={p.last_error}>
          <Data>{p.last_error}</Data>
        </Text>
      )}
    </Stack>
  );
}
