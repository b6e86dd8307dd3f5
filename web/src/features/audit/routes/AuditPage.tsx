import { Fragment, useMemo, useState } from 'react';
import { Badge, Button, Code, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatDateTime, localInputToIso } from '@/lib/format';
import { useAuditLog, type AuditFilters as Filters } from '../api/audit';
import { AuditFilters } from '../components/AuditFilters';
import { EMPTY_FILTERS, type AuditFilterValues } from '../components/filterValues';
import { VerifyPanel } from '../components/VerifyPanel';

const KEYS = Object.keys(EMPTY_FILTERS) as (keyof AuditFilterValues)[];

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState<number | null>(null);
  const values: AuditFilterValues = useMemo(
    () => Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ''])) as unknown as AuditFilterValues,
    [params],
  );
  const filters: Filters = useMemo(
    () => ({
      actor: values.actor.trim() || undefined,
      action: values.action.trim() || undefined,
      object_type: values.object_type.trim() || undefined,
      object_id: values.object_id.trim() || undefined,
      from: localInputToIso(values.from),
      to: localInputToIso(values.to),
    }),
    [values],
  );
  const log = useAuditLog(filters);
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = KEYS.some((k) => values[k]);

  const apply = (v: AuditFilterValues) => {
    const next = new URLSearchParams();
    for (const k of KEYS) if (v[k].trim()) next.set(k, v[k].trim());
    setParams(next, { replace: true });
  };

  return (
    <Stack>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <VerifyPanel />
      <Paper withBorder p="md">
        <AuditFilters key={params.toString()} value={values} onApply={apply} />
      </Paper>
      {log.isPending ? (
        <LoadingState />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={filtered ? t('audit.noMatch') : t('audit.empty')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={860}>
            <Table striped aria-label={t('audit.title')} data-testid="audit-table" style={{ opacity: log.isPlaceholderData ? 0.6 : 1 }}>
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
                  <Fragment key={r.id}>
                    <Table.Tr data-action={r.action}>
                      <Table.Td>{r.id}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.occurred_at, i18n.language)}</Table.Td>
                      <Table.Td>{r.actor_username ?? <Text c="dimmed" span>{t('audit.system')}</Text>}</Table.Td>
                      <Table.Td ff="monospace">{r.action}</Table.Td>
                      <Table.Td>
                        {r.object_type ? (
                          <Text size="sm" span>
                            {r.object_type}
                            {r.object_id && (
                              <Text span c="dimmed" ff="monospace" size="xs">
                                {' '}
                                {r.object_id}
                              </Text>
                            )}
                          </Text>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="dot" color={r.outcome === 'success' || r.outcome === 'ok' ? 'green' : 'red'} tt="none">
                          {t(`audit.outcomes.${r.outcome}`, { defaultValue: r.outcome })}
                        </Badge>
                      </Table.Td>
                      <Table.Td ff="monospace">{r.ip ?? '—'}</Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          aria-expanded={open === r.id}
                          aria-controls={`audit-details-${r.id}`}
                          onClick={() => setOpen(open === r.id ? null : r.id)}
                        >
                          {open === r.id ? t('audit.hide') : t('audit.show')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                    {open === r.id && (
                      <Table.Tr id={`audit-details-${r.id}`}>
                        <Table.Td colSpan={8}>
                          <Stack gap={4}>
                            {r.request_id && (
                              <Text size="xs" c="dimmed">
                                {t('states.requestId', { id: r.request_id })}
                              </Text>
                            )}
                            <Code block>{JSON.stringify(r.details, null, 2)}</Code>
                          </Stack>
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
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
