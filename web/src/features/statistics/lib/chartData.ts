/**
 * What the chart draws from a statistics table: lines over time when a grouping is the
 * period (one line per value of the other grouping: the eight largest, and the rest together
 * as "other"), bars otherwise (stacked by the second grouping the same way), or a pie for a
 * single grouping of at most eight values when asked.
 */
import type { SeizureStats, StatsRow } from '@/api/types';
import { periodKeys } from './periods';
import type { ChartKind, Measure } from './view';

/** Lines or stacks told apart by colour: the largest, then "other". */
export const MAX_SERIES = 8;
/** Bars along the axis: the largest (the table has every row). */
export const MAX_BARS = 20;
/** Slices of a pie. */
export const MAX_SLICES = 8;

export interface Series {
  /** `value`: one value of the `by` grouping (`key`); `other`: the rest together; `all`: no `by` grouping */
  kind: 'value' | 'other' | 'all';
  key: string;
  /** one per category */
  values: number[];
}

export interface ChartModel {
  type: 'line' | 'bar' | 'pie';
  stacked: boolean;
  /** the grouping along the axis (or of the slices), and its keys in order */
  axis: string;
  categories: string[];
  /** the grouping told apart by colour; null for a single series */
  by: string | null;
  series: Series[];
  /** values of the axis grouping left out of the chart (the largest are drawn) */
  omitted: number;
}

type Table = Pick<SeizureStats, 'group' | 'rows' | 'period' | 'from' | 'to'>;

const measureOf = (row: StatsRow, measure: Measure) => row[measure];

/** Keys ordered by their sum, largest first (then by key, so that equal sums keep one order). */
function bySize(sums: Map<string, number>): string[] {
  return [...sums.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
}

/** The largest series as they are, the others added up into one. */
function topSeries(rows: Map<string, number[]>, width: number): Series[] {
  const sums = new Map([...rows].map(([k, v]) => [k, v.reduce((s, x) => s + x, 0)]));
  const order = bySize(sums);
  if (order.length <= MAX_SERIES) return order.map((key) => ({ kind: 'value', key, values: rows.get(key)! }));
  const kept = order.slice(0, MAX_SERIES);
  const other = new Array<number>(width).fill(0);
  for (const key of order.slice(MAX_SERIES)) rows.get(key)!.forEach((v, i) => (other[i]! += v));
  return [...kept.map((key): Series => ({ kind: 'value', key, values: rows.get(key)! })), { kind: 'other', key: '', values: other }];
}

/** The distinct values of the first grouping, when it is not the period. */
function firstKeys(table: Table): Set<string> {
  return new Set(table.rows.map((r) => r.keys[0] ?? ''));
}

/** A pie can be offered: one grouping, not the period, of one to eight values. */
export function canPie(table: Table): boolean {
  if (table.group.length !== 1 || table.group[0] === 'period') return false;
  const n = firstKeys(table).size;
  return n > 0 && n <= MAX_SLICES;
}

export function chartModel(table: Table, measure: Measure, chart: ChartKind): ChartModel | null {
  if (table.group.length === 0 || table.rows.length === 0) return null;
  const time = table.group.indexOf('period');
  if (time >= 0) {
    const other = table.group.length > 1 ? 1 - time : -1;
    const seen = [...new Set(table.rows.map((r) => r.keys[time] ?? ''))].sort();
    const all = periodKeys(table.from, table.to, table.period);
    // every period of the range (none skipped), and any the rows name outside it
    const categories = all ? [...new Set([...all, ...seen])].sort() : seen;
    const index = new Map(categories.map((k, i) => [k, i]));
    const rows = new Map<string, number[]>();
    for (const r of table.rows) {
      const key = other >= 0 ? (r.keys[other] ?? '') : '';
      const values = rows.get(key) ?? new Array<number>(categories.length).fill(0);
      values[index.get(r.keys[time] ?? '')!]! += measureOf(r, measure);
      rows.set(key, values);
    }
    const series: Series[] = other >= 0 ? topSeries(rows, categories.length) : [{ kind: 'all', key: '', values: rows.get('')! }];
    return { type: 'line', stacked: false, axis: 'period', categories, by: other >= 0 ? table.group[other]! : null, series, omitted: 0 };
  }

  const sums = new Map<string, number>();
  for (const r of table.rows) sums.set(r.keys[0] ?? '', (sums.get(r.keys[0] ?? '') ?? 0) + measureOf(r, measure));
  const order = bySize(sums);
  if (chart === 'pie' && canPie(table)) {
    return { type: 'pie', stacked: false, axis: table.group[0]!, categories: order, by: null, series: [{ kind: 'all', key: '', values: order.map((k) => sums.get(k)!) }], omitted: 0 };
  }
  const categories = order.slice(0, MAX_BARS);
  const omitted = order.length - categories.length;
  if (table.group.length === 1) {
    return { type: 'bar', stacked: false, axis: table.group[0]!, categories, by: null, series: [{ kind: 'all', key: '', values: categories.map((k) => sums.get(k)!) }], omitted };
  }
  const index = new Map(categories.map((k, i) => [k, i]));
  const rows = new Map<string, number[]>();
  for (const r of table.rows) {
    const i = index.get(r.keys[0] ?? '');
    if (i === undefined) continue;
    const key = r.keys[1] ?? '';
    const values = rows.get(key) ?? new Array<number>(categories.length).fill(0);
    values[i]! += measureOf(r, measure);
    rows.set(key, values);
  }
  return { type: 'bar', stacked: true, axis: table.group[0]!, categories, by: table.group[1]!, series: topSeries(rows, categories.length), omitted };
}
