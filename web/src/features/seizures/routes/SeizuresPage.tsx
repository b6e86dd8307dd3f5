import { useMemo } from 'react';
import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import { useCodeBook } from '@/api/queries/codelists';
import { useUnits } from '@/api/queries/units';
import { CaseStatusBadge } from '@/components/CaseStatusBadge';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useCaseList } from '../api/seizures';
import { SeizureFilters } from '../components/SeizureFilters';
import { activeFilterCount, filtersFromParams, filtersToParams, filtersToQuery, type FilterValues } from '../lib/filters';

export function SeizuresPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => filtersFromParams(params), [params]);
  const query = useMemo(() => filtersToQuery(values), [values]);
  const list = useCaseList(query);
  const units = useUnits();
  const groups = useCodeBook('commodity_groups');
  const countries = useCodeBook('countries');
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = activeFilterCount(values) > 0;

  const apply = (v: FilterValues) => setParams(filtersToParams(v), { replace: false });

  return (
    <Stack>
      <PageHeader
        title={t('seizures.title')}
        description={t('seizures.description')}
        actions={
          can(me, 'seizures.write') && (
            <Button component={Link} to="/seizures/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('seizures.create')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <SeizureFilters key={params.toString()} value={values} onApply={apply} />
      </Paper>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {list.isSuccess ? t('common.shown', { count: rows.length }) : ''}
        </Text>
        <SegmentedControl
          aria-label={t('seizures.sort.label')}
          size="xs"
          value={values.order === 'asc' ? 'asc' : 'desc'}
          onChange={(o) => apply({ ...values, order: o === 'asc' ? 'asc' : '' })}
          data={[
            { value: 'desc', label: t('seizures.sort.newest') },
            { value: 'asc', label: t('seizures.sort.oldest') },
          ]}
        />
      </Group>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={filtered ? t('seizures.noMatch') : t('seizures.empty')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover data-testid="seizures-table" aria-label={t('seizures.title')} style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('seizures.fields.reference')}</Table.Th>
                  <Table.Th scope="col">{t('seizures.fields.detected_at')}</Table.Th>
                  <Table.Th scope="col">{t('seizures.fields.status')}</Table.Th>
                  <Table.Th scope="col">{t('seizures.fields.kind')}</Table.Th>
                  <Table.Th scope="col">{t('seizures.fields.commodities')}</Table.Th>
                  <Table.Th scope="col">{t('seizures.fields.place')}</Table.Th>
                  <Table.Th scope="col">{t('seizures.fields.unit')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id} data-reference={r.reference}>
                    <Table.Td>
                      <Anchor component={Link} to={`/seizures/${r.id}`} ff="monospace">
                        {r.reference}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.detected_at, i18n.language)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <CaseStatusBadge status={r.status} />
                    </Table.Td>
                    <Table.Td>{t(`seizures.kinds.${r.kind}`)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {r.commodity_groups.map((g) => (
                          <Badge key={g} size="sm" variant="outline" color="gray" tt="none">
                            {groups.label(g)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{[r.place, r.country ? countries.label(r.country) : null].filter(Boolean).join(', ') || '—'}</Table.Td>
                    <Table.Td>{unitName.get(r.reporting_unit_id) ?? '—'}</Table.Td>
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
