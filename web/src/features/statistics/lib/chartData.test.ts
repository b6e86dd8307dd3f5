import { describe, expect, it } from 'vitest';
import type { SeizureStats, StatsRow } from '@/api/types';
import { canPie, chartModel, MAX_BARS } from './chartData';
import { isoWeek, periodKey, periodKeys, periodLabel } from './periods';

const row = (keys: string[], cases: number, kg = 0): StatsRow => ({ keys, cases, kg, value: cases * 10, lines: cases, unconverted_lines: 0, quantities: [] });
const table = (group: string[], rows: StatsRow[], over: Partial<SeizureStats> = {}) =>
  ({ group, rows, period: 'month', from: '2026-01-01', to: '2026-04-30', ...over }) as Pick<SeizureStats, 'group' | 'rows' | 'period' | 'from' | 'to'>;

describe('periods', () => {
  it('keys days, ISO weeks, months, quarters and years as the server does', () => {
    const day = new Date(Date.UTC(2026, 2, 5));
    expect(['day', 'week', 'month', 'quarter', 'year'].map((p) => periodKey(day, p as never))).toEqual(['2026-03-05', '2026-W10', '2026-03', '2026-Q1', '2026']);
    // 1 January 2027 is a Friday: still week 53 of 2026
    expect(isoWeek(new Date(Date.UTC(2027, 0, 1)))).toEqual({ year: 2026, week: 53 });
    expect(periodKey(new Date(Date.UTC(2025, 11, 29)), 'week')).toBe('2026-W01');
  });

  it('lists every period of a range, the partial ones at both ends included', () => {
    expect(periodKeys('2026-01-15', '2026-04-02', 'month')).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(periodKeys('2025-11-30', '2026-02-01', 'quarter')).toEqual(['2025-Q4', '2026-Q1']);
    expect(periodKeys('2024-06-01', '2026-01-01', 'year')).toEqual(['2024', '2025', '2026']);
    expect(periodKeys('2026-03-04', '2026-03-16', 'week')).toEqual(['2026-W10', '2026-W11', '2026-W12']);
    expect(periodKeys('2026-02-27', '2026-03-02', 'day')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(periodKeys('2026-03-02', '2026-03-01', 'day')).toBeNull();
    expect(periodKeys('', '2026-03-01', 'day')).toBeNull();
  });

  it('names periods in the UI language', () => {
    const words = { week: (w: number, y: number) => `W${w}/${y}`, quarter: (q: number, y: number) => `Q${q}/${y}` };
    expect(periodLabel('2026-03', 'en', words)).toBe('Mar 2026');
    expect(periodLabel('2026-03', 'fr', words)).toBe('mars 2026');
    expect(periodLabel('2026-03-05', 'en', words)).toBe('Mar 5, 2026');
    expect(periodLabel('2026-W10', 'en', words)).toBe('W10/2026');
    expect(periodLabel('2026-Q1', 'en', words)).toBe('Q1/2026');
    expect(periodLabel('2026', 'en', words)).toBe('2026');
  });
});

describe('the chart of a table', () => {
  it('draws lines over every period, a period without cases at zero', () => {
    const model = chartModel(table(['period'], [row(['2026-01'], 3), row(['2026-03'], 5)]), 'cases', 'bar')!;
    expect(model).toMatchObject({ type: 'line', axis: 'period', categories: ['2026-01', '2026-02', '2026-03', '2026-04'], by: null });
    expect(model.series).toEqual([{ kind: 'all', key: '', values: [3, 0, 5, 0] }]);
  });

  it('draws one line per value of the second grouping: the eight largest, then the rest as "other"', () => {
    const groups = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    const rows = groups.flatMap((g, i) => [row(['2026-01', g], 20 - i), row(['2026-02', g], 1)]);
    const model = chartModel(table(['period', 'commodity_group'], rows, { to: '2026-02-28' }), 'cases', 'bar')!;
    expect(model.by).toBe('commodity_group');
    expect(model.series.map((s) => (s.kind === 'other' ? 'other' : s.key))).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'other']);
    expect(model.series.at(-1)!.values).toEqual([12 + 11, 2]);
    expect(model.series[0]!.values).toEqual([20, 1]);
  });

  it('draws what the measure says', () => {
    const model = chartModel(table(['detection_method'], [row(['xray'], 2, 500), row(['dog'], 9, 3)]), 'kg', 'bar')!;
    expect(model.categories).toEqual(['xray', 'dog']);
    expect(model.series[0]!.values).toEqual([500, 3]);
  });

  it('draws bars of the largest values, stacked by the second grouping', () => {
    const rows = [row(['FO', 'drugs'], 5), row(['FO', 'tobacco'], 2), row(['TO', 'drugs'], 1), row(['TO', ''], 9)];
    const model = chartModel(table(['concealment_method', 'commodity_group'], rows), 'cases', 'bar')!;
    expect(model).toMatchObject({ type: 'bar', stacked: true, axis: 'concealment_method', categories: ['TO', 'FO'], by: 'commodity_group', omitted: 0 });
    expect(model.series).toEqual([
      { kind: 'value', key: '', values: [9, 0] },
      { kind: 'value', key: 'drugs', values: [1, 5] },
      { kind: 'value', key: 'tobacco', values: [0, 2] },
    ]);
    const many = Array.from({ length: MAX_BARS + 3 }, (_, i) => row([`r${i}`], 100 - i));
    expect(chartModel(table(['route'], many), 'cases', 'bar')!).toMatchObject({ omitted: 3, categories: many.slice(0, MAX_BARS).map((r) => r.keys[0]) });
  });

  it('offers a pie for one grouping of at most eight values, only when asked', () => {
    const few = table(['detection_method'], [row(['xray'], 2), row(['dog'], 9)]);
    expect(canPie(few)).toBe(true);
    expect(chartModel(few, 'cases', 'bar')!.type).toBe('bar');
    expect(chartModel(few, 'cases', 'pie')).toMatchObject({ type: 'pie', categories: ['dog', 'xray'], series: [{ values: [9, 2] }] });
    const nine = table(['route'], Array.from({ length: 9 }, (_, i) => row([`r${i}`], 1)));
    expect(canPie(nine)).toBe(false);
    expect(chartModel(nine, 'cases', 'pie')!.type).toBe('bar');
    expect(canPie(table(['period'], [row(['2026-01'], 1)]))).toBe(false);
    expect(canPie(table(['route', 'commodity_group'], [row(['r', 'c'], 1)]))).toBe(false);
  });

  it('draws nothing without rows or groupings', () => {
    expect(chartModel(table(['route'], []), 'cases', 'bar')).toBeNull();
    expect(chartModel(table([], [row([], 1)]), 'cases', 'bar')).toBeNull();
  });
});
