import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { codeBookQuery } from '@/api/queries/codelists';
import { meQuery } from '@/api/queries/me';
import type { CodeListEntry, Me, SeizureStats, StatsMeasures, StatsRow } from '@/api/types';
import i18n from '@/i18n';
import '@/i18n/statistics';
import { renderRoutes } from '@/test/render';
import { StatisticsPage } from './StatisticsPage';

// Mantine's pickers, in a jsdom that may share the machine with other work
configure({ asyncUtilTimeout: 5000 });

/**
 * jsdom has no canvas: Chart.js (imported on demand by the chart) is replaced by a fake that
 * records each chart the page makes.
 */
const charts = vi.hoisted(() => ({
  made: [] as { type: string; data: { labels: string[]; datasets: { label: string; data: number[] }[] }; options: { scales?: { x?: { stacked?: boolean } } } }[],
  destroyed: 0,
}));
vi.mock('../lib/chartjs', () => ({
  Chart: class {
    constructor(_canvas: unknown, config: (typeof charts.made)[number]) {
      charts.made.push(config);
    }
    destroy() {
      charts.destroyed += 1;
    }
  },
}));

const entry = (code: string, en: string) => ({ code, labels: { en }, attributes: {}, retired: false, sort_order: 0 }) as unknown as CodeListEntry;

const STATS = '/api/v1/stats/seizures';

const m = (cases: number, over: Partial<StatsMeasures> = {}): StatsMeasures => ({ cases, lines: cases, kg: 0, value: 0, unconverted_lines: 0, quantities: [], ...over });
const row = (keys: string[], cases: number, over: Partial<StatsRow> = {}): StatsRow => ({ keys, ...m(cases), ...over });
const stats = (over: Partial<SeizureStats>): SeizureStats => ({
  group: ['period'],
  period: 'month',
  from: '2026-01-01',
  to: '2026-03-31',
  currency: 'EUR',
  rows: [],
  more: false,
  total: m(0),
  pending: 0,
  ...over,
});

/** By month: January and March (February had no case). */
const MONTHLY = stats({ rows: [row(['2026-01'], 4), row(['2026-03'], 6)], total: m(10) });
/** Routes, compared with the previous period and the year before. */
const ROUTES = stats({
  group: ['route'],
  rows: [
    row(['CO>FR'], 12, {
      lines: 15,
      kg: 1234.5,
      value: 56789,
      quantities: [
        { unit: 'sticks', quantity: 2000 },
        { unit: 'l', quantity: 40 },
      ],
      previous: m(8),
      last_year: m(10),
    }),
    row(['>'], 3, { previous: m(0), last_year: null }),
  ],
  total: m(15, { lines: 18, kg: 1234.5, value: 56789, unconverted_lines: 2 }),
  previous: { from: '2025-10-01', to: '2025-12-31', total: m(8) },
  last_year: { from: '2025-01-01', to: '2025-03-31', total: m(12) },
  pending: 2,
  more: true,
});

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
const problem = (errors: { field: string; code: string; message: string }[]) =>
  json({ type: 'about:blank', title: 'Validation failed', status: 422, code: 'validation_failed', detail: errors[0]?.message, errors }, 422, 'application/problem+json');

interface Call {
  path: string;
  query: Record<string, string>;
}
type Handler = (call: Call) => Response | undefined;

/** The page at `path` over a fake API (`handler` answers first; the statistics by month otherwise); every call recorded. */
function setup(path: string, handler: Handler = () => undefined) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url);
      const call = { path: url.pathname, query: Object.fromEntries(url.searchParams) };
      calls.push(call);
      const answer = handler(call);
      if (answer) return answer;
      if (call.path === STATS) return json(MONTHLY);
      if (call.path === `${STATS}/export/csv`) {
        return new Response('route,cases\nCO>FR,12\ntotal,15\n', {
          status: 200,
          headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="seizure-statistics-20260301.csv"' },
        });
      }
      if (call.path === `${STATS}/export/xlsx`) {
        return new Response(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), {
          status: 200,
          headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        });
      }
      return json({ items: [], entries: [] });
    }),
  );
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  qc.setQueryData(meQuery.queryKey, { id: 'u1', username: 'analyst', roles: ['analyst'], permissions: ['seizures.read'] } as unknown as Me);
  qc.setQueryData(codeBookQuery('countries').queryKey, [entry('CO', 'Colombia'), entry('FR', 'France')]);
  qc.setQueryData(codeBookQuery('commodity_groups').queryKey, [entry('drugs', 'Drugs'), entry('tobacco', 'Tobacco and cigarettes')]);
  qc.setQueryData(codeBookQuery('units_of_measure').queryKey, [entry('sticks', 'Sticks (cigarettes)'), entry('l', 'Litre (l)')]);
  qc.setQueryData(codeBookQuery('detection_methods').queryKey, [entry('xray', 'X-ray'), entry('dog', 'Detector dog')]);
  const utils = renderRoutes([{ path: '/statistics', element: <StatisticsPage /> }], path, qc);
  return {
    ...utils,
    calls,
    /** the query strings of the calls to `p` */
    to: (p: string) => calls.filter((c) => c.path === p).map((c) => c.query),
    search: () => new URLSearchParams(utils.router.state.location.search),
  };
}

const rows = (table: HTMLElement) => within(table).getAllByTestId('stats-row');
const cells = (tr: HTMLElement) => within(tr).getAllByRole('cell').map((c) => c.textContent);
/** Picks `option` in the Select labelled `label`. */
async function pick(label: string, option: string) {
  await userEvent.click(screen.getByRole('combobox', { name: label }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

beforeEach(() => {
  charts.made.length = 0;
  charts.destroyed = 0;
});
afterEach(() => vi.unstubAllGlobals());

describe('the statistics page', { timeout: 60_000 }, () => {
  it('counts the last twelve months by month by default, as a line chart over every month', async () => {
    const { to } = setup('/statistics');
    const table = await screen.findByTestId('stats-table');
    expect(to(STATS)).toEqual([{ group: 'period', period: 'month' }]);
    expect(rows(table).map(cells)).toEqual([
      ['Jan 2026', '4', '4', '—', '—', '—'],
      ['Mar 2026', '6', '6', '—', '—', '—'],
    ]);
    expect(within(table).getByTestId('stats-total')).toHaveTextContent(/^Total10/);
    await waitFor(() => expect(screen.getByTestId('stats-chart')).toHaveAttribute('data-status', 'ready'));
    const chart = charts.made.at(-1)!;
    expect(chart.type).toBe('line');
    expect(chart.data.labels).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026']);
    expect(chart.data.datasets).toMatchObject([{ label: 'Cases', data: [4, 0, 6] }]);
    expect(screen.getByRole('img', { name: 'Chart: cases by period. The table below gives the same figures.' })).toBeInTheDocument();
    // the range the server counted, while the address leaves it to the default
    expect(screen.getByLabelText('Detected from')).toHaveValue('2026-01-01');
    expect(screen.getByLabelText('Detected from')).toHaveAccessibleDescription('Default: the last twelve months');
  });

  it('reads every choice from the address, asks the API for it, and writes a change back', async () => {
    const { to, search } = setup(
      '/statistics?group=period,commodity_group&period=quarter&from=2025-01-01&to=2025-12-31&status=validated&compare=true&commodity_group=drugs&origin_country=CO&measure=kg',
      (c) =>
        c.path === STATS
          ? json(stats({ group: c.query.group!.split(',') as SeizureStats['group'], period: (c.query.period ?? 'month') as SeizureStats['period'], rows: [row(['2025-Q1', 'drugs'], 2, { kg: 30 })], total: m(2, { kg: 30 }) }))
          : undefined,
    );
    await screen.findByTestId('stats-table');
    expect(to(STATS)).toEqual([
      { group: 'period,commodity_group', period: 'quarter', from: '2025-01-01', to: '2025-12-31', status: 'validated', compare: 'true', commodity_group: 'drugs', origin_country: 'CO' },
    ]);
    expect(screen.getByRole('combobox', { name: 'Group by' })).toHaveValue('Period');
    expect(screen.getByRole('combobox', { name: 'Then by' })).toHaveValue('Commodity group');
    expect(screen.getByRole('combobox', { name: 'Period' })).toHaveValue('Quarter');
    expect(screen.getByRole('combobox', { name: 'Cases counted' })).toHaveValue('Validated only');
    expect(screen.getByLabelText('Detected from')).toHaveValue('2025-01-01');
    expect(screen.getByLabelText('Detected until')).toHaveValue('2025-12-31');
    expect(screen.getByRole('switch', { name: /^Compare/ })).toBeChecked();
    const filters = screen.getByTestId('stats-filters');
    expect(within(filters).getByRole('combobox', { name: 'Commodity group' })).toHaveValue('Drugs');
    expect(within(filters).getByRole('combobox', { name: 'Country of origin' })).toHaveValue('Colombia');
    expect(screen.getByRole('radio', { name: 'Mass (kg)' })).toBeChecked();

    // a change is applied at once, to the address and to the question
    await pick('Period', 'Week');
    await waitFor(() => expect(search().get('period')).toBe('week'));
    await waitFor(() => expect(to(STATS).at(-1)).toMatchObject({ group: 'period,commodity_group', period: 'week' }));
    expect(search().toString()).toBe(
      'group=period%2Ccommodity_group&period=week&from=2025-01-01&to=2025-12-31&status=validated&compare=true&commodity_group=drugs&origin_country=CO&measure=kg',
    );
    await userEvent.click(screen.getByRole('switch', { name: /^Compare/ }));
    await waitFor(() => expect(search().has('compare')).toBe(false));
    await userEvent.click(screen.getByRole('radio', { name: 'Value' }));
    await waitFor(() => expect(search().get('measure')).toBe('value'));
    // no longer grouped by period: the period leaves the address and the question
    await pick('Group by', 'Detection method');
    await waitFor(() => expect(search().get('group')).toBe('detection_method,commodity_group'));
    expect(search().has('period')).toBe(false);
    await waitFor(() => expect(to(STATS).at(-1)).toEqual({ group: 'detection_method,commodity_group', from: '2025-01-01', to: '2025-12-31', status: 'validated', commodity_group: 'drugs', origin_country: 'CO' }));
    expect(screen.queryByRole('combobox', { name: 'Period' })).not.toBeInTheDocument();
  });

  it('offers the preset views as links, and opens one', async () => {
    const { to, search } = setup('/statistics?status=validated', (c) =>
      c.path === STATS && c.query.group === 'route' ? json(ROUTES) : undefined,
    );
    await screen.findByTestId('stats-table');
    const presets = screen.getByRole('group', { name: 'Ready-made views' });
    const link = (name: string) => within(presets).getByRole('link', { name });
    expect(link('Commodity trends')).toHaveAttribute('href', '/statistics?group=period%2Ccommodity_group&status=validated');
    expect(link('Top routes')).toHaveAttribute('href', '/statistics?group=route&status=validated');
    expect(link('Detection methods that work')).toHaveAttribute('href', '/statistics?group=detection_method&status=validated');
    expect(link('Concealment by commodity')).toHaveAttribute('href', '/statistics?group=concealment_method%2Ccommodity_group&status=validated');
    expect(link('Top routes')).not.toHaveAttribute('aria-current');

    await userEvent.click(link('Top routes'));
    await waitFor(() => expect(search().toString()).toBe('group=route&status=validated'));
    await waitFor(() => expect(to(STATS).at(-1)).toEqual({ group: 'route', status: 'validated' }));
    expect(link('Top routes')).toHaveAttribute('aria-current', 'true');
    await waitFor(() => expect(screen.getAllByTestId('stats-row')).toHaveLength(2));
    expect(screen.getByRole('combobox', { name: 'Group by' })).toHaveValue('Route');
  });

  it('shows the table with its total, the comparison, and what is not counted yet', async () => {
    const { to } = setup('/statistics?group=route&compare=true', (c) => (c.path === STATS ? json(ROUTES) : undefined));
    const table = await screen.findByTestId('stats-table');
    const heads = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(heads).toEqual([
      'Route',
      'Cases',
      'Goods lines',
      'Mass',
      'Value (EUR)',
      'Quantities without a mass',
      'Previous period',
      'Change on the previous period',
      'A year before',
      'Change on a year before',
    ]);
    const [route, unknown] = rows(table);
    expect(cells(route!)).toEqual(['Colombia → France', '12', '15', '1,234.5 kg', '€56,789', '2,000\u00a0sticks; 40\u00a0l', '8', '+50%', '10', '+20%']);
    // a route not recorded; a comparison with nothing before has no change
    expect(cells(unknown!)).toEqual(['Not recorded', '3', '3', '—', '—', '—', '0', '—', '—', '—']);
    const total = within(table).getByTestId('stats-total');
    expect(within(total).getByRole('rowheader')).toHaveTextContent('Total');
    expect(within(total).getAllByRole('cell').map((c) => c.textContent)).toEqual(['15', '18', '1,234.5 kg', '€56,789', '—', '8', '+88%', '12', '+25%']);

    expect(screen.getByTestId('stats-compare-ranges')).toHaveTextContent(
      'Cases compared with the previous period (Oct 1, 2025 – Dec 31, 2025) and with a year before (Jan 1, 2025 – Mar 31, 2025).',
    );
    expect(screen.getByTestId('stats-pending')).toHaveTextContent('2 recent cases are still being counted.');
    expect(screen.getByTestId('stats-more')).toHaveTextContent('More rows than the 2 shown: the smallest are left out.');
    expect(screen.getByTestId('stats-unconverted')).toHaveTextContent('2 goods lines have a value in a currency without an exchange rate');

    // a refresh reads the table again (each read is audited: never on its own)
    expect(to(STATS)).toHaveLength(1);
    await userEvent.click(within(screen.getByTestId('stats-pending')).getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(to(STATS)).toHaveLength(2));
  });

  it('compares each period with the same period a year before, with no previous-period column', async () => {
    setup('/statistics?compare=true', (c) =>
      c.path === STATS
        ? json({ ...MONTHLY, rows: [row(['2026-01'], 4, { last_year: m(2) }), row(['2026-03'], 6, { last_year: m(6) })], last_year: { from: '2025-01-01', to: '2025-03-31', total: m(8) }, previous: { from: '2025-10-01', to: '2025-12-31', total: m(5) } })
        : undefined,
    );
    const table = await screen.findByTestId('stats-table');
    expect(within(table).queryByRole('columnheader', { name: 'Previous period' })).not.toBeInTheDocument();
    expect(rows(table).map(cells)).toEqual([
      ['Jan 2026', '4', '4', '—', '—', '—', '2', '+100%'],
      ['Mar 2026', '6', '6', '—', '—', '—', '6', '0%'],
    ]);
  });

  it('stacks bars by the second grouping, and draws a pie of one grouping when asked', async () => {
    const { search } = setup('/statistics?group=detection_method,commodity_group', (c) => {
      if (c.path !== STATS) return undefined;
      if (c.query.group === 'detection_method')
        return json(stats({ group: ['detection_method'], rows: [row(['xray'], 5), row(['dog'], 3)], total: m(8) }));
      return json(stats({ group: ['detection_method', 'commodity_group'], rows: [row(['xray', 'drugs'], 5), row(['dog', 'tobacco'], 3)], total: m(8) }));
    });
    await screen.findByTestId('stats-table');
    await waitFor(() => expect(charts.made.at(-1)?.type).toBe('bar'));
    const bars = charts.made.at(-1)!;
    expect(bars.data.labels).toEqual(['X-ray', 'Detector dog']);
    expect(bars.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Drugs', [5, 0]],
      ['Tobacco and cigarettes', [0, 3]],
    ]);
    expect(bars.options.scales?.x?.stacked).toBe(true);
    // a pie needs one grouping
    expect(screen.queryByRole('radio', { name: 'Pie' })).not.toBeInTheDocument();
    await pick('Then by', 'Nothing else');
    await waitFor(() => expect(search().get('group')).toBe('detection_method'));
    await userEvent.click(await screen.findByRole('radio', { name: 'Pie' }));
    await waitFor(() => expect(search().get('chart')).toBe('pie'));
    await waitFor(() => expect(charts.made.at(-1)?.type).toBe('pie'));
    expect(charts.made.at(-1)!.data.labels).toEqual(['X-ray', 'Detector dog']);
    expect(charts.destroyed).toBeGreaterThan(0);
  });

  it('shows the server’s refusal at the control it names, and counts again once corrected', async () => {
    const { to } = setup('/statistics?period=day&from=2024-01-01&to=2025-12-31', (c) =>
      c.path === STATS && c.query.period === 'day'
        ? problem([{ field: 'period', code: 'range_too_long', message: 'a table by day covers at most 366 days: choose weeks or months' }])
        : undefined,
    );
    const period = screen.getByRole('combobox', { name: 'Period' });
    await waitFor(() => expect(period).toHaveAttribute('aria-invalid', 'true'));
    expect(period).toHaveAccessibleDescription('A table by day covers a year at most: choose weeks or months, or a shorter range.');
    expect(screen.getByTestId('stats-refused')).toHaveTextContent('Correct the choices marked above.');
    expect(screen.queryByTestId('stats-table')).not.toBeInTheDocument();

    await pick('Period', 'Month');
    await screen.findByTestId('stats-table');
    expect(to(STATS).at(-1)).toEqual({ group: 'period', period: 'month', from: '2024-01-01', to: '2025-12-31' });
    expect(screen.getByRole('combobox', { name: 'Period' })).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('stats-refused')).not.toBeInTheDocument();
  });

  it('puts each error at its control: the dates, the grouping, and lists those without one', async () => {
    setup('/statistics?group=commodity_type,unit&from=2026-02-01&to=2026-01-01&q=heroin', (c) =>
      c.path === STATS
        ? problem([
            { field: 'to', code: 'before_start', message: '`to` is before `from`' },
            { field: 'group', code: 'goods_dimensions', message: 'two dimensions of the goods cannot be combined' },
            { field: 'q', code: 'too_many_cases', message: 'too many cases' },
            { field: 'q', code: 'something_new', message: 'a rule this page does not know' },
          ])
        : undefined,
    );
    const to = screen.getByLabelText('Detected until');
    await waitFor(() => expect(to).toHaveAttribute('aria-invalid', 'true'));
    expect(to).toHaveAccessibleDescription('Must not be before the “from” date.');
    expect(screen.getByRole('combobox', { name: 'Group by' })).toHaveAccessibleDescription(
      'Commodity type and unit of measure cannot be combined: group by one of them.',
    );
    const refused = screen.getByTestId('stats-refused');
    expect(refused).toHaveTextContent('These filters name too many cases: narrow them.');
    expect(refused).toHaveTextContent('a rule this page does not know');
    expect(screen.getByTestId('stats-other-filters')).toHaveTextContent('Also filtered by: free text (from the address).');
  });

  it('groups by route segment and place of seizure, and links to the routes map with the same cases', async () => {
    const { to } = setup('/statistics?group=route_segment&status=validated&commodity_group=drugs', (c) =>
      c.path === STATS
        ? json(
            c.query.group === 'place'
              ? stats({ group: ['place'], rows: [row(['43.30,5.37'], 2), row(['-0.95,-80.73'], 1), row([''], 1)], total: m(4) })
              : stats({ group: ['route_segment'], rows: [row(['CO>FR'], 3), row([''], 1)], total: m(4) }),
          )
        : undefined,
    );
    let table = await screen.findByTestId('stats-table');
    expect(to(STATS)).toEqual([{ group: 'route_segment', status: 'validated', commodity_group: 'drugs' }]);
    expect(within(table).getByRole('columnheader', { name: 'Route segment' })).toBeInTheDocument();
    expect(rows(table).map((r) => cells(r)[0])).toEqual(['Colombia → France', 'Not recorded']);
    const views = screen.getByRole('group', { name: 'Views of the statistics' });
    expect(within(views).getByRole('link', { name: 'Routes map' })).toHaveAttribute('href', '/statistics/map?status=validated&commodity_group=drugs');
    expect(within(views).getByRole('link', { name: 'Table and chart' })).toHaveAttribute('aria-current', 'page');

    await pick('Group by', 'Place of seizure');
    await waitFor(() => expect(to(STATS).at(-1)).toMatchObject({ group: 'place' }));
    table = await screen.findByTestId('stats-table');
    await waitFor(() => expect(rows(table).map((r) => cells(r)[0])).toEqual(['43.30° N 5.37° E', '0.95° S 80.73° W', 'Not recorded']));
  });

  it('says in French how many recent cases are still being counted', () => {
    const fr = i18n.getFixedT('fr', 'statistics');
    expect(fr('notes.pending', { count: 1 })).toBe('1 affaire récente est en cours de comptage.');
    expect(fr('notes.pending', { count: 3 })).toBe('3 affaires récentes sont en cours de comptage.');
  });
});

describe('exporting statistics', { timeout: 60_000 }, () => {
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  beforeAll(() => {
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: vi.fn(() => 'blob:export') });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: vi.fn() });
  });
  afterAll(() => {
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: original.create });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: original.revoke });
  });
  afterEach(() => vi.restoreAllMocks());

  it('exports the table on screen with the same question, as CSV or XLSX', async () => {
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const { to } = setup('/statistics?group=route&compare=true&status=validated&destination_country=FR&measure=value', (c) =>
      c.path === STATS ? json(ROUTES) : undefined,
    );
    await screen.findByTestId('stats-table');
    const exports = screen.getByRole('group', { name: 'Export this table' });
    expect(screen.getByText(/The export is recorded in the audit trail/)).toBeInTheDocument();
    await userEvent.click(within(exports).getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saved).toEqual(['seizure-statistics-20260301.csv']));
    const question = { group: 'route', status: 'validated', compare: 'true', destination_country: 'FR' };
    expect(to(`${STATS}/export/csv`)).toEqual([question]);
    expect(to(STATS)).toEqual([question]);

    await userEvent.click(within(exports).getByRole('button', { name: 'Export XLSX' }));
    await waitFor(() => expect(to(`${STATS}/export/xlsx`)).toEqual([question]));
    // no file name from the server: the page names it
    await waitFor(() => expect(saved).toEqual(['seizure-statistics-20260301.csv', 'seizure-statistics.xlsx']));
  });

  it('says when an export fails', async () => {
    setup('/statistics', (c) => (c.path === `${STATS}/export/xlsx` ? json({ type: 'about:blank', title: 'Oops', status: 500, code: 'internal' }, 500, 'application/problem+json') : undefined));
    await screen.findByTestId('stats-table');
    await userEvent.click(screen.getByRole('button', { name: 'Export XLSX' }));
    expect(await screen.findByTestId('stats-export-error')).toHaveTextContent(/^The export failed: /);
  });
});
