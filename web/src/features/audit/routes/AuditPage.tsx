import { useMemo, useState } from 'react';
import { Alert, Button, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { useAuditLog } from '../api/audit';
import { AuditFilters } from '../components/AuditFilters';
import { AuditRow } from '../components/AuditRow';
import { ExportButtons } from '../components/ExportButtons';
import { FILTER_KEYS, filtersFromValues, paramsFromValues, valuesFromParams, type AuditFilterValues } from '../components/filterValues';
import type { SeenActor } from '../components/Pickers';
import { VerifyPanel } from '../components/VerifyPanel';
import { BULK_READ } from '../lib/actions';

type View = 'all' | 'alerts';

export function AuditPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState<number | null>(null);
  const values = useMemo(() => valuesFromParams(params), [params]);
  const filters = useMemo(() => filtersFromValues(values), [values]);
  const log = useAuditLog(filters);
  const rows = useMemo(() => log.data?.pages.flatMap((p) => p.items) ?? [], [log.data]);
  const filtered = FILTER_KEYS.some((k) => values[k]);
  const view: View = values.action === BULK_READ ? 'alerts' : 'all';

  const seen: SeenActor[] = useMemo(() => {
    const byName = new Map<string, SeenActor>();
    for (const r of rows) {
      if (r.actor_username && !byName.has(r.actor_username)) byName.set(r.actor_username, { username: r.actor_username, name: r.actor_name ?? null });
    }
    return [...byName.values()];
  }, [rows]);

  const apply = (v: AuditFilterValues) => {
    setOpen(null);
    setParams(paramsFromValues(v), { replace: false });
  };
  const showView = (next: View) => {
    // read-volume alerts concern a reader, not an object
    if (next === 'alerts') apply({ ...values, action: BULK_READ, object_type: '', object_id: '' });
    else apply({ ...values, action: '' });
  };

  return (
    <Stack>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <VerifyPanel />
      <Paper withBorder p="md">
        <AuditFilters key={params.toString()} value={values} onApply={apply} seen={seen} />
      </Paper>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <SegmentedControl
          aria-label={t('audit.views.label')}
          value={view}
          onChange={(v) => showView(v as View)}
          data={[
            { value: 'all', label: t('audit.views.all') },
            {
              value: 'alerts',
              label: (
                <Group gap={6} wrap="nowrap" justify="center">
                  <IconAlertTriangle size={16} color="var(--mantine-color-orange-7)" aria-hidden />
                  <span>{t('audit.views.alerts')}</span>
                </Group>
              ),
            },
          ]}
          data-testid="audit-view"
        />
        <ExportButtons filters={filters} />
      </Group>
      {view === 'alerts' && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('audit.views.alerts')} data-testid="bulk-read-help">
          {t('audit.bulkRead.help')}
        </Alert>
      )}
      {log.isPending ? (
        <LoadingState />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={view === 'alerts' ? t('audit.bulkRead.none') : filtered ? t('audit.noMatch') : t('audit.empty')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={960}>
            <Table striped aria-label={t('audit.title')} data-testid="audit-table" aria-busy={log.isPlaceholderData || undefined} style={{ opacity: log.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('audit.fields.seq')}</Table.Th>
                  <Table.Th scope="col">{t('audit.fields.when')}</Table.Th>
                  <Table.Th scope="col">{t('audit.fields.actor')}</Table.Th>
                  <Table.Th scope="col">{t('audit.fields.action')}</Table.Th>
                  <Table.Th scope="col">{t('audit.fields.object')}</Table.Th>
                  <Table.Th scope="col">{t('audit.fields.outcome')}</Table.Th>
                  <Table.Th scope="col">{t('audit.fields.ip')}</Table.Th>
                  <Table.Th scope="col">{t('audit.fields.details')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <AuditRow
                    key={r.id}
                    event={r}
                    me={me}
                    open={open === r.id}
                    onToggle={() => setOpen(open === r.id ? null : r.id)}
                    onFilterActor={(actor) => apply({ ...values, actor })}
                    onFilterObject={(object_type, object_id) => apply({ ...values, object_type, object_id, action: values.action === BULK_READ ? '' : values.action })}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('common.shown', { count: rows.length })}
            </Text>
            {log.hasNextPage && (
              <Button variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
                {t('common.loadMore')}
              </Button>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}
