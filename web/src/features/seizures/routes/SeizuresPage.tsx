import { Fragment, useCallback, useMemo, useState, type ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Checkbox,
  Group,
  Paper,
  Popover,
  SegmentedControl,
  Stack,
  Table,
  Text,
  useDirection,
} from '@mantine/core';
import { IconArrowNarrowRight, IconColumns, IconDownload, IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '@/api/types';
import { useMe } from '@/api/queries/me';
import { useCodeBook } from '@/api/queries/codelists';
import { useUnitNames } from '@/api/queries/units';
import { Bidi, Data } from '@/components/Bidi';
import { CaseStatusBadge } from '@/components/CaseStatusBadge';
import { PageHeader } from '@/components/PageHeader';
import { SaveSearchButton } from '@/components/SaveSearchButton';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { useErrorMessage } from '@/components/useErrorMessage';
import { isTooManyRows, type ExportFormat } from '@/lib/download';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { searchOfQuery } from '@/lib/seizureSearch';
import { useCaseExport, useCaseList } from '../api/seizures';
import { SeizureFilters } from '../components/SeizureFilters';
import {
  COLUMN_LABELS,
  DEFAULT_COLUMNS,
  OPTIONAL_COLUMNS,
  loadColumns,
  normaliseColumns,
  saveColumns,
  unitSymbol,
  type ColumnId,
} from '../lib/columns';
import { activeFilterCount, filtersFromParams, filtersToParams, filtersToQuery, type FilterValues } from '../lib/filters';
import { formatNumber } from '../lib/format';

const EXPORT_FORMATS: ExportFormat[] = ['csv', 'xlsx'];
const NOWRAP = { whiteSpace: 'nowrap' } as const;

export function SeizuresPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data: me } = useMe();
  const message = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => filtersFromParams(params), [params]);
  const query = useMemo(() => filtersToQuery(values), [values]);
  // the filters and text, as a saved search keeps them (not the order)
  const search = useMemo(() => searchOfQuery(query), [query]);
  const list = useCaseList(query);
  const exporter = useCaseExport();
  const [columns, setColumns] = useColumnChoice();
  const shown = new Set<ColumnId>(columns);
  const unitName = useUnitNames();
  const groups = useCodeBook('commodity_groups');
  const countries = useCodeBook('countries');
  const types = useCodeBook('commodity_types', shown.has('commodity_types'));
  const measures = useCodeBook('units_of_measure', shown.has('quantity'));
  const detection = useCodeBook('detection_methods', shown.has('detection_methods'));
  const concealment = useCodeBook('concealment_methods', shown.has('concealment_method'));
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = activeFilterCount(values) > 0;
  const first = list.data?.pages[0];
  const running = exporter.isPending ? exporter.variables?.format : undefined;

  const apply = (v: FilterValues) => {
    exporter.reset();
    setParams(filtersToParams(v), { replace: false });
  };

  const total =
    first?.total == null ? null : t(first.total_exact === false ? 'seizures.list.more' : 'seizures.list.total', { count: first.total });

  /** Each optional column's cell; text that may be Latin inside Arabic (or the reverse) is isolated. */
  const cell: Record<ColumnId, (r: CaseSummary) => ReactNode> = {
    detected_at: (r) => <Table.Td style={NOWRAP}>{formatDateTime(r.detected_at, lang)}</Table.Td>,
    status: (r) => (
      <Table.Td style={NOWRAP}>
        <CaseStatusBadge status={r.status} />
      </Table.Td>
    ),
    kind: (r) => <Table.Td>{t(`seizures.kinds.${r.kind}`)}</Table.Td>,
    commodity_groups: (r) => (
      <Table.Td>
        <Group gap={4}>
          {r.commodity_groups.map((g) => (
            <Badge key={g} size="sm" variant="outline" color="gray" tt="none">
              {groups.label(g)}
            </Badge>
          ))}
        </Group>
      </Table.Td>
    ),
    commodity_types: (r) => (
      <Table.Td data-testid="cell-commodity-types">
        <Lines empty={r.goods.length === 0}>
          {r.goods.map((g, i) => (
            <div key={i}>
              <Bidi>{g.commodity_type ? types.label(g.commodity_type) : groups.label(g.commodity_group)}</Bidi>
            </div>
          ))}
        </Lines>
      </Table.Td>
    ),
    quantity: (r) => (
      <Table.Td style={{ ...NOWRAP, textAlign: 'end' }} data-testid="cell-quantity">
        <Lines empty={r.goods.length === 0}>
          {r.goods.map((g, i) => (
            <div key={i}>
              <Bidi>{`${formatNumber(g.quantity, lang)}\u00a0${unitSymbol(measures.label(g.unit))}`}</Bidi>
            </div>
          ))}
        </Lines>
      </Table.Td>
    ),
    route: (r) => (
      <Table.Td data-testid="cell-route">
        <RouteCell route={r.route} label={countries.label} />
      </Table.Td>
    ),
    place: (r) => (
      <Table.Td>
        {r.place || r.country ? (
          <>
            {r.place && <Data>{r.place}</Data>}
            {r.place && r.country ? t('common.listSeparator') : ''}
            {r.country && <Bidi>{countries.label(r.country)}</Bidi>}
          </>
        ) : (
          '—'
        )}
      </Table.Td>
    ),
    unit: (r) => {
      const name = unitName(r.reporting_unit_id);
      return <Table.Td>{name ? <Data>{name}</Data> : '—'}</Table.Td>;
    },
    detection_methods: (r) => <Table.Td>{r.detection_methods.map((m) => detection.label(m)).join(t('common.listSeparator')) || '—'}</Table.Td>,
    concealment_method: (r) => <Table.Td>{r.concealment_method ? concealment.label(r.concealment_method) : '—'}</Table.Td>,
  };

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
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="seizures-count" mt={4}>
          {list.isSuccess && (
            <>
              {total && (
                <Text span size="sm" fw={600} c="var(--mantine-color-text)" data-testid="seizures-total">
                  {total}
                </Text>
              )}
              {total && ' · '}
              {t('common.shown', { count: rows.length })}
            </>
          )}
        </Text>
        <Group gap="xs" align="flex-start" wrap="wrap">
          <SaveSearchButton target="seizures" query={search} />
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
          <ColumnPicker value={columns} onChange={setColumns} />
          <Stack gap={2} align="flex-end">
            <Group gap="xs" role="group" aria-label={t('seizures.export.label')} data-testid="seizures-export">
              {EXPORT_FORMATS.map((format) => (
                <Button
                  key={format}
                  size="xs"
                  variant="default"
                  leftSection={<IconDownload size={14} aria-hidden />}
                  loading={running === format}
                  disabled={exporter.isPending && running !== format}
                  onClick={() => exporter.mutate({ format, query })}
                >
                  {t(`seizures.export.${format}`)}
                </Button>
              ))}
            </Group>
            <Text size="xs" c="dimmed" maw={320} ta="end">
              {t('seizures.export.audited')}
            </Text>
          </Stack>
        </Group>
      </Group>
      {exporter.isError && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          data-testid="seizures-export-error"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => exporter.reset()}
        >
          {isTooManyRows(exporter.error) ? t('seizures.export.tooMany') : t('seizures.export.failed', { message: message(exporter.error) })}
        </Alert>
      )}
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={filtered ? t('seizures.noMatch') : t('seizures.empty')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={Math.max(600, 120 * (columns.length + 1))}>
            <Table
              striped
              highlightOnHover
              data-testid="seizures-table"
              aria-label={t('seizures.title')}
              aria-busy={list.isPlaceholderData || undefined} style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" data-column="reference">
                    {t(COLUMN_LABELS.reference)}
                  </Table.Th>
                  {columns.map((c) => (
                    <Table.Th key={c} scope="col" data-column={c} style={c === 'quantity' ? { textAlign: 'end' } : undefined}>
                      {t(COLUMN_LABELS[c])}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id} data-reference={r.reference}>
                    <Table.Td style={NOWRAP}>
                      <Anchor component={Link} to={`/seizures/${r.id}`} ff="monospace">
                        <Data>{r.reference}</Data>
                      </Anchor>
                    </Table.Td>
                    {columns.map((c) => (
                      <Fragment key={c}>{cell[c](r)}</Fragment>
                    ))}
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

/** One line per goods item (so the commodity and quantity columns line up), or a dash. */
function Lines({ empty, children }: { empty: boolean; children: ReactNode }) {
  return empty ? '—' : <Stack gap={0}>{children}</Stack>;
}

/** The countries of the route, origin first, with arrows pointing the reading direction's way. */
function RouteCell({ route, label }: { route: readonly string[]; label: (code: string) => string }) {
  const { dir } = useDirection();
  if (route.length === 0) return '—';
  return (
    <Box component="ol" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 4 }}>
      {route.map((country, i) => (
        <Box component="li" key={`${i}-${country}`} style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}>
          {i > 0 && (
            <IconArrowNarrowRight
              size={14}
              aria-hidden
              style={{ transform: dir === 'rtl' ? 'scaleX(-1)' : undefined, flexShrink: 0 }}
              color="var(--mantine-color-dimmed)"
            />
          )}
          <Bidi>{label(country)}</Bidi>
        </Box>
      ))}
    </Box>
  );
}

/** The column picker: a checkbox per optional column, kept in this browser. */
function ColumnPicker({ value, onChange }: { value: readonly ColumnId[]; onChange: (next: ColumnId[]) => void }) {
  const { t } = useTranslation();
  return (
    <Popover position="bottom-end" withinPortal shadow="md" trapFocus returnFocus>
      <Popover.Target>
        <Button size="xs" variant="default" leftSection={<IconColumns size={14} aria-hidden />} data-testid="column-picker">
          {t('seizures.columns.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid="column-picker-dropdown">
        <Checkbox.Group
          label={t('seizures.columns.label')}
          description={t('seizures.columns.help')}
          value={[...value]}
          onChange={(next) => onChange(normaliseColumns(next))}
        >
          <Stack gap={6} mt="xs">
            {OPTIONAL_COLUMNS.map((c) => (
              <Checkbox key={c} value={c} size="sm" label={t(COLUMN_LABELS[c])} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Button size="xs" variant="subtle" mt="sm" onClick={() => onChange([...DEFAULT_COLUMNS])}>
          {t('seizures.columns.reset')}
        </Button>
      </Popover.Dropdown>
    </Popover>
  );
}

function browserStorage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

/** The officer's column choice, read once from this browser and kept there on each change. */
function useColumnChoice(): [ColumnId[], (next: ColumnId[]) => void] {
  const [columns, setColumns] = useState<ColumnId[]>(() => loadColumns(browserStorage()));
  const choose = useCallback((next: ColumnId[]) => {
    setColumns(next);
    saveColumns(browserStorage(), next);
  }, []);
  return [columns, choose];
}
