import type { ReactNode } from 'react';
import { Box, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SeizureStats, StatsMeasures } from '@/api/types';
import { Bidi } from '@/components/Bidi';
import '@/i18n/statistics';
import { formatKg } from '@/lib/format';
import { formatChange, formatCount, formatMoney } from '../lib/numbers';
import type { KeyLabels } from '../lib/useKeyLabels';

const NUM = { textAlign: 'end', whiteSpace: 'nowrap' } as const;

function Num({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Table.Td style={NUM} data-testid={testId}>
      <Bidi>{children}</Bidi>
    </Table.Td>
  );
}

/**
 * The figures of a statistics table: one row per value (or pair of values) of the groupings,
 * named in the UI language, with cases, goods lines, mass, value and the quantities without a
 * mass; with the comparison, the cases of the previous period (not when grouped by period:
 * each period is then compared with the same period a year before) and of a year before, and
 * the change; then the total, which counts every case once.
 */
export function StatsTable({ stats, labels }: { stats: SeizureStats; labels: KeyLabels }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const compare = !!stats.last_year;
  const previous = compare && !stats.group.includes('period');
  const change = (now: number, before: number | undefined) => (before === undefined ? '—' : (formatChange(now, before, lang) ?? '—'));
  const measures = (m: StatsMeasures, before: StatsMeasures | undefined | null, yearBefore: StatsMeasures | undefined | null, prefix: string) => (
    <>
      <Num testId={`${prefix}-cases`}>{formatCount(m.cases, lang)}</Num>
      <Num>{formatCount(m.lines, lang)}</Num>
      <Num>{m.kg ? formatKg(m.kg, lang) : '—'}</Num>
      <Num>{m.value ? formatMoney(m.value, stats.currency, lang) : '—'}</Num>
      <Table.Td>
        <Bidi>{labels.quantities(m.quantities)}</Bidi>
      </Table.Td>
      {previous && (
        <>
          <Num>{before ? formatCount(before.cases, lang) : '—'}</Num>
          <Num>{change(m.cases, before?.cases)}</Num>
        </>
      )}
      {compare && (
        <>
          <Num>{yearBefore ? formatCount(yearBefore.cases, lang) : '—'}</Num>
          <Num>{change(m.cases, yearBefore?.cases)}</Num>
        </>
      )}
    </>
  );
  const th = (text: string, numeric = true) => (
    <Table.Th scope="col" style={numeric ? NUM : undefined}>
      {text}
    </Table.Th>
  );
  return (
    // A plain scrolling region the keyboard can reach (a wide compared table scrolls sideways).
    <Box
      style={{ overflowX: 'auto' }}
      tabIndex={0}
      role="region"
      aria-label={t('statistics:table.label')}
      data-testid="stats-table-scroll"
    >
      <Table miw={720} striped highlightOnHover data-testid="stats-table" aria-label={t('statistics:table.label')}>
        <Table.Thead>
          <Table.Tr>
            {stats.group.map((g) => (
              <Table.Th key={g} scope="col">
                {t(`statistics:dimensions.${g}`, { defaultValue: g })}
              </Table.Th>
            ))}
            {stats.group.length === 0 && <Table.Th scope="col" />}
            {th(t('statistics:columns.cases'))}
            {th(t('statistics:columns.lines'))}
            {th(t('statistics:columns.kg'))}
            {th(t('statistics:columns.value', { currency: stats.currency }))}
            {th(t('statistics:columns.quantities'), false)}
            {previous && (
              <>
                {th(t('statistics:columns.previous'))}
                {th(t('statistics:columns.previousChange'))}
              </>
            )}
            {compare && (
              <>
                {th(t('statistics:columns.lastYear'))}
                {th(t('statistics:columns.lastYearChange'))}
              </>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stats.rows.map((r) => (
            <Table.Tr key={r.keys.join('\u0000')} data-testid="stats-row">
              {stats.group.map((g, i) => (
                <Table.Td key={g}>
                  <Bidi>{labels.label(g, r.keys[i] ?? '')}</Bidi>
                </Table.Td>
              ))}
              {measures(r, r.previous, r.last_year, 'row')}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr data-testid="stats-total" fw={700}>
            <Table.Th scope="row" colSpan={Math.max(1, stats.group.length)}>
              {t('statistics:table.total')}
            </Table.Th>
            {measures(stats.total, stats.previous?.total, stats.last_year?.total, 'total')}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Box>
  );
}
