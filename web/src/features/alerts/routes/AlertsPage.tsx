import { useMemo } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconListCheck, IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import { Data } from '@/components/Bidi';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { can } from '@/lib/permissions';
import { useAlertList } from '../api/alerts';
import { AlertFilters } from '../components/AlertFilters';
import { AlertStatusBadge, RiskBadge } from '../components/badges';
import { activeFilterCount, filtersFromParams, filtersToParams, filtersToQuery, type AlertFilters as Filters } from '../lib/filters';
import { formatDay } from '../lib/format';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/**
 * `/alerts`: the alerts of the user's unit, most recently changed first, filtered by status,
 * subject kind, "mine" and words of the reference or subject (the filters are in the address);
 * more are loaded on demand.
 */
export function AlertsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => filtersFromParams(params), [params]);
  const query = useMemo(() => filtersToQuery(values), [values]);
  const list = useAlertList(query);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = activeFilterCount(values) > 0;
  const apply = (v: Filters) => setParams(filtersToParams(v));

  return (
    <Stack>
      <PageHeader
        title={t('alerts.title')}
        description={t('alerts.description')}
        actions={
          <>
            <Button component={Link} to="/alerts/hits" variant="default" leftSection={<IconListCheck size={16} aria-hidden />}>
              {t('alerts.hitQueue')}
            </Button>
            {can(me, 'alerts.write') && (
              <Button component={Link} to="/alerts/new" leftSection={<IconPlus size={16} aria-hidden />} data-testid="alert-create">
                {t('alerts.create')}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p="md">
        <AlertFilters key={params.toString()} value={values} onApply={apply} />
      </Paper>
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="alerts-count">
        {list.isSuccess ? t('alerts.shown', { count: rows.length }) : ''}
      </Text>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={filtered ? t('alerts.noMatch') : t('alerts.empty')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={960}>
            <Table
              striped
              highlightOnHover
              data-testid="alerts-table"
              aria-label={t('alerts.list.label')}
              aria-busy={list.isPlaceholderData || undefined} style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('alerts.list.reference')}</Table.Th>
                  <Table.Th scope="col">{t('alerts.list.status')}</Table.Th>
                  <Table.Th scope="col">{t('alerts.list.subject')}</Table.Th>
                  <Table.Th scope="col">{t('alerts.list.risk')}</Table.Th>
                  <Table.Th scope="col">{t('alerts.list.action')}</Table.Th>
                  <Table.Th scope="col">{t('alerts.list.owner')}</Table.Th>
                  <Table.Th scope="col">{t('alerts.list.validUntil')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('alerts.list.newHits')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((a) => (
                  <Table.Tr key={a.id} data-testid="alert-row" data-reference={a.reference} data-status={a.status}>
                    <Table.Td style={NOWRAP}>
                      <Anchor component={Link} to={`/alerts/${a.id}`} ff="monospace">
                        <Data>{a.reference}</Data>
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={NOWRAP}>
                      <AlertStatusBadge status={a.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        <Data>{a.subject_label}</Data>
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`alerts.subjectKinds.${a.subject_kind}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td style={NOWRAP}>
                      <RiskBadge level={a.risk_level} />
                    </Table.Td>
                    <Table.Td>{t(`alerts.requestedActions.${a.requested_action}`)}</Table.Td>
                    <Table.Td>
                      <Data>{a.owner.name}</Data>
                    </Table.Td>
                    <Table.Td style={NOWRAP}>{formatDay(a.valid_until, lang)}</Table.Td>
                    <Table.Td ta="end" data-testid="alert-new-hits">
                      {a.new_hits > 0 ? (
                        <Badge color="red.9" variant="filled">
                          {a.new_hits}
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
          <Group justify="center">
            {list.hasNextPage && (
              <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t('common.loadMore')}
              </Button>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}
