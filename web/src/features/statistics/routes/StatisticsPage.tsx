import { useMemo } from 'react';
import { Alert, Anchor, Button, Group, Loader, Paper, SegmentedControl, Stack, Text, useDirection } from '@mantine/core';
import { IconExternalLink, IconRefresh } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SeizureStats } from '@/api/types';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import '@/i18n/statistics';
import { useSeizureStats } from '../api/stats';
import { StatsChart, type ChartSpec } from '../components/StatsChart';
import { PresetLinks, StatsControls } from '../components/StatsControls';
import { StatsExport } from '../components/StatsExport';
import { StatsTable } from '../components/StatsTable';
import { StatsViewLinks } from '../components/StatsViewLinks';
import { canPie, chartModel, type ChartModel } from '../lib/chartData';
import { placeErrors } from '../lib/errors';
import { formatCount } from '../lib/numbers';
import { periodLabel } from '../lib/periods';
import { useKeyLabels, type KeyLabels } from '../lib/useKeyLabels';
import { controlFields, MEASURES, statsQuery, viewFromParams, viewToParams, type ChartKind, type Measure, type StatsView } from '../lib/view';

function Chart({ data, model, view, labels }: { data: SeizureStats; model: ChartModel; view: StatsView; labels: KeyLabels }) {
  const { t, i18n } = useTranslation();
  const { dir } = useDirection();
  const measure = t(`statistics:measures.${view.measure}`);
  const spec: ChartSpec = {
    type: model.type,
    stacked: model.stacked,
    labels: model.categories.map((k) => labels.label(model.axis, k)),
    datasets: model.series.map((s) => ({
      label: s.kind === 'value' && model.by ? labels.label(model.by, s.key) : s.kind === 'other' ? t('statistics:chart.other') : measure,
      values: s.values,
      other: s.kind === 'other',
    })),
    measure: view.measure,
    currency: data.currency,
    lang: i18n.language,
    rtl: dir === 'rtl',
  };
  const lower = (s: string) => s.toLocaleLowerCase(i18n.language);
  const groups = data.group.map((g) => lower(t(`statistics:dimensions.${g}`))).join(t('common.listSeparator'));
  return (
    <Stack gap={4}>
      <StatsChart spec={spec} label={t('statistics:chart.label', { measure: lower(measure), groups })} />
      {model.omitted > 0 && (
        <Text size="xs" c="dimmed" data-testid="stats-chart-omitted">
          {t('statistics:chart.omitted', { count: model.omitted, shown: model.categories.length })}
        </Text>
      )}
    </Stack>
  );
}

function Notes({ data, onRefresh, refreshing }: { data: SeizureStats; onRefresh: () => void; refreshing: boolean }) {
  const { t, i18n } = useTranslation();
  const day = (d: string) => periodLabel(d, i18n.language, { week: String, quarter: String });
  const range = (c: { from: string; to: string }) => t('statistics:compare.range', { from: day(c.from), to: day(c.to) });
  return (
    <>
      {data.pending > 0 && (
        <Alert color="blue" variant="light" data-testid="stats-pending">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('statistics:notes.pending', { count: data.pending })}</Text>
            <Button size="compact-xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} loading={refreshing} onClick={onRefresh}>
              {t('statistics:notes.refresh')}
            </Button>
          </Group>
        </Alert>
      )}
      {data.more && (
        <Alert color="yellow" variant="light" data-testid="stats-more">
          {t('statistics:notes.more', { count: formatCount(data.rows.length, i18n.language) })}
        </Alert>
      )}
      {data.last_year && (
        <Text size="sm" c="dimmed" data-testid="stats-compare-ranges">
          {data.previous
            ? t('statistics:compare.both', { previous: range(data.previous), lastYear: range(data.last_year) })
            : t('statistics:compare.lastYear', { lastYear: range(data.last_year) })}
        </Text>
      )}
    </>
  );
}

function Results({ data, view, labels, setView }: { data: SeizureStats; view: StatsView; labels: KeyLabels; setView: (v: StatsView) => void }) {
  const { t } = useTranslation();
  const model = useMemo(() => chartModel(data, view.measure, view.chart), [data, view.measure, view.chart]);
  const pie = canPie(data);
  if (data.rows.length === 0) return <EmptyState title={t('statistics:empty')} />;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label={t('statistics:controls.measure')}
          size="xs"
          value={view.measure}
          onChange={(m) => setView({ ...view, measure: m as Measure })}
          data={MEASURES.map((m) => ({ value: m, label: t(`statistics:measures.${m}`) }))}
        />
        {pie && (
          <SegmentedControl
            aria-label={t('statistics:controls.chartType')}
            size="xs"
            value={view.chart}
            onChange={(c) => setView({ ...view, chart: c as ChartKind })}
            data={[
              { value: 'bar', label: t('statistics:controls.bar') },
              { value: 'pie', label: t('statistics:controls.pie') },
            ]}
          />
        )}
      </Group>
      {model && <Chart data={data} model={model} view={view} labels={labels} />}
      <StatsTable stats={data} labels={labels} />
      <Text size="xs" c="dimmed">
        {t('statistics:notes.multiple')}
      </Text>
      {data.total.unconverted_lines > 0 && (
        <Text size="xs" c="dimmed" data-testid="stats-unconverted">
          {t('statistics:notes.unconverted', { count: data.total.unconverted_lines })}
        </Text>
      )}
    </Stack>
  );
}

/**
 * Statistics of the submitted and validated cases (`/statistics`): a chart and a table of
 * cases, goods lines, mass, value and quantities, grouped by up to two dimensions, with the
 * seizure list's main filters and a comparison with the previous period and the year before.
 * Everything the page shows is in its address; preset views are links.
 */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => viewFromParams(params), [params]);
  const query = useMemo(() => statsQuery(view), [view]);
  const stats = useSeizureStats(query);
  const data = stats.data;
  const labels = useKeyLabels(data?.group ?? view.group);
  const setView = (next: StatsView) => setParams(viewToParams(next), { replace: true });
  const { fields, unplaced, refused } = placeErrors(stats.error, controlFields(view), (e) =>
    t(`statistics:errors.${e.code}`, { defaultValue: e.message || e.code }),
  );
  const guide = `/help/${i18n.language === 'fr' ? 'fr' : 'en'}/statistics.html`;

  return (
    <Stack>
      <PageHeader title={t('statistics:title')} description={t('statistics:description')} actions={<StatsExport query={query} />} />
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="md" wrap="wrap">
          <StatsViewLinks view={view} current="table" />
          <PresetLinks view={view} />
        </Group>
        <Anchor href={guide} target="_blank" rel="noopener" size="sm">
          <Group gap={4} component="span">
            {t('statistics:help')}
            <IconExternalLink size={14} aria-hidden />
          </Group>
        </Anchor>
      </Group>
      <Paper withBorder p="md" role="search" aria-label={t('statistics:controls.label')}>
        <StatsControls view={view} onChange={setView} errors={fields} range={data ? { from: data.from, to: data.to } : null} />
      </Paper>
      <Group gap="xs" mih={20} aria-live="polite">
        {stats.isFetching && data && (
          <>
            <Loader size="xs" aria-hidden />
            <Text size="xs" c="dimmed">
              {t('statistics:updating')}
            </Text>
          </>
        )}
      </Group>
      {refused ? (
        <Alert color="red" variant="light" role="alert" data-testid="stats-refused" title={t('statistics:errors.title')}>
          {unplaced.length === 0 ? (
            t('statistics:errors.atFields')
          ) : (
            <Stack gap={2}>
              {unplaced.map((m) => (
                <Text key={m} size="sm">
                  {m}
                </Text>
              ))}
            </Stack>
          )}
        </Alert>
      ) : stats.isError ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : !data ? (
        <LoadingState />
      ) : (
        <>
          <Notes data={data} onRefresh={() => void stats.refetch()} refreshing={stats.isFetching} />
          <Results data={data} view={view} labels={labels} setView={setView} />
        </>
      )}
    </Stack>
  );
}
