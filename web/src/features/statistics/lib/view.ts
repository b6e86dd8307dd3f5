/**
 * What the statistics page shows, and its address: every choice (groupings, period, range,
 * status, comparison, filters, the measure and the kind of chart) lives in the URL's search
 * parameters, so a view can be shared, bookmarked and reloaded. The parameters the API takes
 * keep the API's names (`group`, `period`, `from`, `to`, `status`, `compare`, the filters);
 * `measure` and `chart` are the page's own. Defaults are left out of the address.
 */
import type { CountedStatus, StatsDimension, StatsPeriod, StatsQuery } from '@/api/types';

/** Every grouping the API offers, in the order the pickers list them. */
export const DIMENSIONS = [
  'period',
  'commodity_group',
  'commodity_type',
  'unit',
  'detection_method',
  'concealment_method',
  'location_type',
  'direction',
  'origin_country',
  'transit_country',
  'destination_country',
  'route',
  'route_segment',
  'place',
  'conveyance_type',
  'offender_nationality',
  'reporting_unit',
  'kind',
] as const satisfies readonly StatsDimension[];

export const PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const satisfies readonly StatsPeriod[];
export const STATUSES = ['submitted', 'validated'] as const satisfies readonly CountedStatus[];

/** What the chart draws (the table shows every measure). */
export const MEASURES = ['cases', 'kg', 'value'] as const;
export type Measure = (typeof MEASURES)[number];

/** Bars (or lines over time), or a pie when there is one grouping of at most eight values. */
export type ChartKind = 'bar' | 'pie';

/** The filters offered as pickers, with the code list each is chosen from. */
export const PICKED_FILTERS = [
  { name: 'commodity_group', list: 'commodity_groups' },
  { name: 'detection_method', list: 'detection_methods' },
  { name: 'concealment_method', list: 'concealment_methods' },
  { name: 'location_type', list: 'location_types' },
  { name: 'direction', list: 'directions' },
  { name: 'origin_country', list: 'countries' },
  { name: 'destination_country', list: 'countries' },
  { name: 'conveyance_type', list: 'conveyance_types' },
] as const;

/**
 * Every filter the API takes. Those without a picker (a person, a company, a route, free
 * text…) still apply when an address carries them, and are named above the results.
 */
export const FILTERS = [
  'kind',
  'unit_id',
  'commodity_group',
  'commodity_type',
  'unit',
  'detection_method',
  'concealment_method',
  'location_type',
  'direction',
  'origin_country',
  'transit_country',
  'destination_country',
  'route',
  'conveyance_type',
  'offender_nationality',
  'route_country',
  'person_id',
  'company_id',
  'conveyance_id',
  'q',
] as const satisfies readonly (keyof StatsQuery)[];
export type FilterName = (typeof FILTERS)[number];

export interface StatsView {
  /**
   * The groupings, in order, as the address names them: checked by the server (an unknown
   * or repeated one is answered with an error shown at the grouping picker).
   */
  group: string[];
  period: StatsPeriod;
  /** `YYYY-MM-DD`; empty: the server's default (the last twelve months) */
  from: string;
  to: string;
  /** null: submitted and validated */
  status: CountedStatus | null;
  compare: boolean;
  measure: Measure;
  chart: ChartKind;
  filters: Partial<Record<FilterName, string>>;
}

export const DEFAULT_GROUP = ['period'];

export const DEFAULT_VIEW: StatsView = {
  group: DEFAULT_GROUP,
  period: 'month',
  from: '',
  to: '',
  status: null,
  compare: false,
  measure: 'cases',
  chart: 'bar',
  filters: {},
};

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  (values as readonly string[]).includes(value ?? '') ? (value as T) : fallback;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The view an address describes (what it does not say takes its default). */
export function viewFromParams(params: URLSearchParams): StatsView {
  const group = (params.get('group') ?? '')
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  const filters: StatsView['filters'] = {};
  for (const f of FILTERS) {
    const v = params.get(f)?.trim();
    if (v) filters[f] = v;
  }
  return {
    group: group.length > 0 ? group : DEFAULT_GROUP,
    period: oneOf(PERIODS, params.get('period'), 'month'),
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    status: (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as CountedStatus) : null,
    compare: params.get('compare') === 'true',
    measure: oneOf(MEASURES, params.get('measure'), 'cases'),
    chart: params.get('chart') === 'pie' ? 'pie' : 'bar',
    filters,
  };
}

const sameGroup = (a: readonly string[], b: readonly string[]) => a.join(',') === b.join(',');

/**
 * The address of a view: its groupings, then the rest in a fixed order, each default left out
 * (the period too when nothing is grouped by period), so that one view has one address.
 */
export function viewToParams(view: StatsView): URLSearchParams {
  const p = new URLSearchParams();
  if (!sameGroup(view.group, DEFAULT_GROUP) && view.group.length > 0) p.set('group', view.group.join(','));
  if (view.group.includes('period') && view.period !== 'month') p.set('period', view.period);
  if (view.from) p.set('from', view.from);
  if (view.to) p.set('to', view.to);
  if (view.status) p.set('status', view.status);
  if (view.compare) p.set('compare', 'true');
  for (const f of FILTERS) {
    const v = view.filters[f];
    if (v) p.set(f, v);
  }
  if (view.measure !== 'cases') p.set('measure', view.measure);
  if (view.chart !== 'bar') p.set('chart', view.chart);
  return p;
}

/** What the API is asked for a view (the export takes the same). */
export function statsQuery(view: StatsView): StatsQuery {
  const q: StatsQuery = { group: view.group.join(',') };
  if (view.group.includes('period')) q.period = view.period;
  if (DATE.test(view.from)) q.from = view.from;
  if (DATE.test(view.to)) q.to = view.to;
  if (view.status) q.status = view.status;
  if (view.compare) q.compare = true;
  for (const f of FILTERS) {
    const v = view.filters[f];
    if (v) q[f] = v;
  }
  return q;
}

/**
 * The view with grouping `index` (0 or 1) set to `dimension` (null: no second grouping). A
 * second grouping equal to the new first one is dropped; a pie needs a single grouping.
 */
export function withGrouping(view: StatsView, index: 0 | 1, dimension: string | null): StatsView {
  const [first = 'period', second] = view.group;
  let group: string[];
  if (index === 0) group = [dimension ?? first, ...(second && second !== dimension ? [second] : [])];
  else group = [first, ...(dimension && dimension !== first ? [dimension] : [])];
  return { ...view, group, chart: group.length > 1 ? 'bar' : view.chart };
}

/** Ready-made views: their groupings and period; the range, status, comparison and filters stay. */
export const PRESETS = [
  { id: 'commodityTrends', group: ['period', 'commodity_group'], period: 'month' },
  { id: 'topRoutes', group: ['route'], period: 'month' },
  { id: 'detectionMethods', group: ['detection_method'], period: 'month' },
  { id: 'concealmentByCommodity', group: ['concealment_method', 'commodity_group'], period: 'month' },
] as const satisfies readonly { id: string; group: readonly StatsDimension[]; period: StatsPeriod }[];
export type Preset = (typeof PRESETS)[number];

export function withPreset(view: StatsView, preset: Preset): StatsView {
  return { ...view, group: [...preset.group], period: preset.period, chart: 'bar' };
}

/** Whether the view is the preset's (its groupings, and its period when grouped by period). */
export function isPreset(view: StatsView, preset: Preset): boolean {
  return sameGroup(view.group, preset.group) && (!view.group.includes('period') || view.period === preset.period);
}

/** The filters set that have no picker on the page. */
export function otherFilters(view: StatsView): FilterName[] {
  const picked = new Set<string>(PICKED_FILTERS.map((f) => f.name));
  return FILTERS.filter((f) => view.filters[f] && !picked.has(f));
}

/** The fields of the API's errors that a control of the page shows (the others are listed above the results). */
export function controlFields(view: StatsView): Set<string> {
  const fields = ['group', 'status', 'from', 'to', 'compare', ...PICKED_FILTERS.map((f) => f.name)];
  if (view.group.includes('period')) fields.push('period');
  return new Set(fields);
}

/** The fields of the API's errors that a control of the routes map shows (it has no grouping, period or comparison). */
export function mapControlFields(): Set<string> {
  return new Set(['status', 'from', 'to', ...PICKED_FILTERS.map((f) => f.name)]);
}

/**
 * What the routes map shares with the statistics page: the range, the status, the filters and
 * the measure, under the same names in the address, so that each page links to the other with
 * the same cases. The groupings, the period, the comparison and the kind of chart are the
 * statistics page's own.
 */
export function mapView(view: StatsView): StatsView {
  return { ...DEFAULT_VIEW, from: view.from, to: view.to, status: view.status, filters: view.filters, measure: view.measure === 'kg' ? 'kg' : 'cases' };
}

/** What the API is asked for one layer of the map (`route_segment` or `place`) of a view. */
export function mapQuery(view: StatsView, group: 'route_segment' | 'place'): StatsQuery {
  return statsQuery({ ...mapView(view), group: [group] });
}
