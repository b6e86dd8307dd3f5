import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Center, Group, Loader, Text } from '@mantine/core';
import type { Chart, ChartConfiguration, ChartType, TooltipItem } from 'chart.js';
import { useTranslation } from 'react-i18next';
import '@/i18n/statistics';
import { formatKg } from '@/lib/format';
import { formatCount, formatMoney } from '../lib/numbers';
import type { Measure } from '../lib/view';

/** What to draw, in words already: plain data, compared by value (a new spec redraws). */
export interface ChartSpec {
  type: 'line' | 'bar' | 'pie';
  stacked: boolean;
  /** the axis's categories (or the slices) */
  labels: string[];
  datasets: { label: string; values: number[]; other: boolean }[];
  measure: Measure;
  currency: string;
  lang: string;
  rtl: boolean;
}

/**
 * Okabe–Ito colours (told apart with the common colour-vision deficiencies), the yellow
 * darkened to read on white; "other" is grey.
 */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#B8A100', '#000000'];
const OTHER = '#9E9E9E';

function formatter(spec: ChartSpec): (n: number) => string {
  if (spec.measure === 'kg') return (n) => formatKg(n, spec.lang);
  if (spec.measure === 'value') return (n) => formatMoney(n, spec.currency, spec.lang);
  return (n) => formatCount(n, spec.lang);
}

function configOf(spec: ChartSpec): ChartConfiguration<ChartType, number[], string> {
  const format = formatter(spec);
  const compact = new Intl.NumberFormat(spec.lang, { notation: 'compact', maximumFractionDigits: 1 });
  const colour = (i: number, other: boolean) => (other ? OTHER : PALETTE[i % PALETTE.length]!);
  const pie = spec.type === 'pie';
  const datasets = pie
    ? [
        {
          label: spec.datasets[0]?.label ?? '',
          data: spec.datasets[0]?.values ?? [],
          backgroundColor: spec.labels.map((_, i) => colour(i, false)),
          borderColor: '#ffffff',
        },
      ]
    : spec.datasets.map((d, i) => ({
        label: d.label,
        data: d.values,
        borderColor: colour(i, d.other),
        backgroundColor: colour(i, d.other),
        borderWidth: spec.type === 'line' ? 2 : 0,
        pointRadius: spec.type === 'line' ? 2 : undefined,
        tension: 0.2,
      }));
  return {
    type: spec.type,
    data: { labels: spec.labels, datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: spec.lang,
      interaction: pie ? undefined : { mode: 'index', intersect: false },
      plugins: {
        legend: { display: pie || spec.datasets.length > 1, position: 'bottom', rtl: spec.rtl, textDirection: spec.rtl ? 'rtl' : 'ltr' },
        tooltip: {
          rtl: spec.rtl,
          textDirection: spec.rtl ? 'rtl' : 'ltr',
          callbacks: {
            label: (item: TooltipItem<ChartType>) => `${pie ? item.label : item.dataset.label}: ${format(Number(item.raw))}`,
          },
        },
      },
      scales: pie
        ? undefined
        : {
            x: { stacked: spec.stacked, ticks: { autoSkip: true, maxRotation: 50 } },
            y: { stacked: spec.stacked, beginAtZero: true, ticks: { callback: (v: string | number) => compact.format(Number(v)) } },
          },
    },
  } as ChartConfiguration<ChartType, number[], string>;
}

/** The library as the page uses it (its module, loaded on demand). */
interface ChartLib {
  Chart: typeof Chart;
}

/**
 * The chart above the table, drawn with Chart.js loaded when first drawn (a script of its own,
 * never in the sign-in route's). The table below holds the same figures for screen readers
 * and for anyone the chart cannot serve; if the library cannot be loaded, the table stays.
 */
export function StatsChart({ spec, label }: { spec: ChartSpec; label: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [lib, setLib] = useState<ChartLib | null>(null);
  const [failed, setFailed] = useState(false);
  const key = JSON.stringify(spec);

  useEffect(() => {
    let cancelled = false;
    import('../lib/chartjs')
      .then((m) => {
        if (!cancelled) setLib(m);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (!lib || !canvas.current) return;
    const chart = new lib.Chart(canvas.current, configOf(JSON.parse(key) as ChartSpec));
    return () => chart.destroy();
  }, [lib, key]);

  const status = failed ? 'failed' : lib ? 'ready' : 'loading';
  return (
    <Box pos="relative" data-testid="stats-chart-box">
      {failed && (
        <Alert color="gray" variant="light" data-testid="stats-chart-failed">
          {t('statistics:chart.failed')}
        </Alert>
      )}
      <Box h={360} style={{ display: failed ? 'none' : undefined }}>
        <canvas ref={canvas} role="img" aria-label={label} data-testid="stats-chart" data-status={status} data-type={spec.type} />
      </Box>
      {status === 'loading' && (
        <Center pos="absolute" inset={0}>
          <Group gap="xs">
            <Loader size="sm" aria-hidden />
            <Text size="sm" c="dimmed">
              {t('statistics:chart.drawing')}
            </Text>
          </Group>
        </Center>
      )}
    </Box>
  );
}
