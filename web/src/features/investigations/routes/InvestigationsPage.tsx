import { useMemo } from 'react';
import { Anchor, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/i18n/investigations';
import { useMe } from '@/api/queries/me';
import { Data } from '@/components/Bidi';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { useInvestigationList } from '../api/investigations';
import { InvestigationFilters } from '../components/InvestigationFilters';
import { InvestigationStatusBadge, OverdueBadge, PriorityBadge } from '../components/badges';
import { hasPermission } from '../lib/abilities';
import { activeFilterCount, filtersFromParams, filtersToParams, filtersToQuery, type InvestigationFilters as Filters } from '../lib/filters';
import { formatDay } from '../lib/format';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/**
 * `/investigations`: the investigations the user is on the team of, leads or supervises, most
 * recently active first, filtered by status, priority, "mine", overdue and words of the
 * reference or title (the filters are in the address); more are loaded on demand.
 */
export function InvestigationsPage() {
  const { t, i18n } = useTranslation('investigations');
  const lang = i18n.language;
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => filtersFromParams(params), [params]);
  const query = useMemo(() => filtersToQuery(values, me.data?.id), [values, me.data?.id]);
  // "mine" waits for the user's id rather than list everything first
  const list = useInvestigationList(query, !values.mine || !!me.data);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = activeFilterCount(values) > 0;
  const apply = (v: Filters) => setParams(filtersToParams(v));

  return (
    <Stack>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          hasPermission(me.data, 'investigations.open') && (
            <Button component={Link} to="/investigations/new" leftSection={<IconPlus size={16} aria-hidden />} data-testid="investigation-create">
              {t('create')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <InvestigationFilters key={params.toString()} value={values} onApply={apply} />
      </Paper>
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="investigations-count">
        {list.isSuccess ? t('shown', { count: rows.length }) : ''}
      </Text>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={filtered ? t('noMatch') : t('empty')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={1040}>
            <Table striped highlightOnHover data-testid="investigations-table" aria-label={t('list.label')} aria-busy={list.isPlaceholderData || undefined} style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('list.reference')}</Table.Th>
                  <Table.Th scope="col">{t('list.title')}</Table.Th>
                  <Table.Th scope="col">{t('list.status')}</Table.Th>
                  <Table.Th scope="col">{t('list.priority')}</Table.Th>
                  <Table.Th scope="col">{t('list.lead')}</Table.Th>
                  <Table.Th scope="col">{t('list.unit')}</Table.Th>
                  <Table.Th scope="col">{t('list.dueDate')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('list.openTasks')}
                  </Table.Th>
                  <Table.Th scope="col">{t('list.updated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((inv) => (
                  <Table.Tr key={inv.id} data-testid="investigation-row" data-reference={inv.reference} data-status={inv.status} data-overdue={inv.overdue}>
                    <Table.Td style={NOWRAP}>
                      <Anchor component={Link} to={`/investigations/${inv.id}`} ff="monospace">
                        <Data>{inv.reference}</Data>
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        <Data>{inv.title}</Data>
                      </Text>
                    </Table.Td>
                    <Table.Td style={NOWRAP}>
                      <InvestigationStatusBadge status={inv.status} />
                    </Table.Td>
                    <Table.Td style={NOWRAP}>
                      <PriorityBadge priority={inv.priority} />
                    </Table.Td>
                    <Table.Td>{inv.lead ? <Data>{inv.lead.name}</Data> : <Text span size="sm" c="dimmed">{t('noLead')}</Text>}</Table.Td>
                    <Table.Td>
                      <Data>{inv.unit.name}</Data>
                    </Table.Td>
                    <Table.Td style={NOWRAP} data-testid="investigation-due">
                      <Group gap={6} wrap="nowrap">
                        <Text span size="sm" c={inv.overdue ? 'red.9' : undefined} fw={inv.overdue ? 700 : undefined}>
                          {formatDay(inv.due_date, lang)}
                        </Text>
                        {inv.overdue && <OverdueBadge size="xs" />}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="end">{inv.open_tasks}</Table.Td>
                    <Table.Td style={NOWRAP}>
                      <Text span size="sm">
                        {formatDateTime(inv.updated_at, lang)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="center">
            {list.hasNextPage && (
              <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} data-testid="load-more">
                {t('actions.loadMore')}
              </Button>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}
