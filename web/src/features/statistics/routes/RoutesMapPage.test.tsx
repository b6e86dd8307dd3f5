import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import world from 'world-atlas/countries-110m.json?raw';
import { codeBookQuery } from '@/api/queries/codelists';
import { meQuery } from '@/api/queries/me';
import type { CodeListEntry, Me, SeizureStats, StatsMeasures, StatsRow } from '@/api/types';
import '@/i18n/statistics';
import { renderRoutes } from '@/test/render';
import { RoutesMapPage } from './RoutesMapPage';

// Mantine's pickers, in a jsdom that may share the machine with other work
configure({ asyncUtilTimeout: 5000 });

const entry = (code: string, en: string, numeric: string) =>
  ({ code, labels: { en }, attributes: { alpha3: 'XXX', numeric }, retired: false, sort_order: 0 }) as unknown as CodeListEntry;
const COUNTRIES = [entry('EC', 'Ecuador', '218'), entry('ES', 'Spain', '724'), entry('FR', 'France', '250'), entry('CO', 'Colombia', '170'), entry('GP', 'Guadeloupe', '312')];

const STATS = '/api/v1/stats/seizures';
const m = (cases: number, over: Partial<StatsMeasures> = {}): StatsMeasures => ({ cases, lines: cases, kg: 0, value: 0, unconverted_lines: 0, quantities: [], ...over });
const row = (key: string, cases: number, kg = 0): StatsRow => ({ keys: [key], ...m(cases, { kg }) });
const stats = (group: string, rows: StatsRow[], total: number, over: Partial<SeizureStats> = {}): SeizureStats => ({
  group: [group as SeizureStats['group'][number]],
  period: 'month',
  from: '2025-04-01',
  to: '2026-03-31',
  currency: 'EUR',
  rows,
  more: false,
  total: m(total),
  pending: 0,
  ...over,
});

/** Cocaine from Ecuador through Spain to France, a Colombian route to Guadeloupe (no shape of its own on the map), cases without a route. */
const SEGMENTS = stats('route_segment', [row('EC>ES', 5, 12.5), row('ES>FR', 3, 40), row('CO>GP', 1, 1), row('', 2)], 10);
const PLACES = stats('place', [row('43.30,5.37', 4, 30), row('36.13,-5.35', 2, 20), row('', 4)], 10);

const json = (body: unknown, status = 200, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

interface Call {
  path: string;
  query: Record<string, string>;
}
type Handler = (call: Call) => Response | undefined;

/** The map page at `path` over a fake API and a fake atlas file (`handler` answers first); every call recorded. */
function setup(path: string, handler: Handler = () => undefined) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request | string) => {
      const url = new URL(typeof req === 'string' ? req : req.url, 'http://localhost');
      const call = { path: url.pathname, query: Object.fromEntries(url.searchParams) };
      calls.push(call);
      const answer = handler(call);
      if (answer) return answer;
      if (call.path.endsWith('.json')) return new Response(world, { status: 200, headers: { 'Content-Type': 'application/json' } });
      if (call.path === STATS) return json(call.query.group === 'place' ? PLACES : SEGMENTS);
      return json({ items: [], entries: [] });
    }),
  );
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  qc.setQueryData(meQuery.queryKey, { id: 'u1', username: 'analyst', roles: ['analyst'], permissions: ['seizures.read'] } as unknown as Me);
  qc.setQueryData(codeBookQuery('countries').queryKey, COUNTRIES);
  qc.setQueryData(codeBookQuery('commodity_groups').queryKey, [entry('drugs', 'Drugs', '0')]);
  const utils = renderRoutes([{ path: '/statistics/map', element: <RoutesMapPage /> }], path, qc);
  return {
    ...utils,
    calls,
    to: (p: string) => calls.filter((c) => c.path === p).map((c) => c.query),
    search: () => new URLSearchParams(utils.router.state.location.search),
  };
}

const names = (testId: string) => within(screen.getByTestId(`${testId}-table`)).getAllByTestId(`${testId}-row`).map((r) => [...r.querySelectorAll('td, th')].map((c) => c.textContent));
const segments = () => screen.getAllByTestId('map-segment').map((s) => s.getAttribute('data-segment'));

afterEach(() => vi.unstubAllGlobals());

describe('the routes map', { timeout: 60_000 }, () => {
  it('draws each route segment between two countries, and the places of seizure, with the tables beside', async () => {
    const { to } = setup('/statistics/map');
    expect(await screen.findByRole('heading', { level: 1, name: 'Routes map' })).toBeInTheDocument();
    await screen.findByTestId('routes-map');
    // two layers, asked for with the same range and filters
    expect(to(STATS)).toEqual(expect.arrayContaining([{ group: 'route_segment' }, { group: 'place' }]));
    expect(to(STATS)).toHaveLength(2);

    // lines: Ecuador → Spain and Spain → France; Guadeloupe has no shape of its own
    expect(segments()).toEqual(['EC>ES', 'ES>FR']);
    const ecuador = screen.getByRole('img', { name: 'Ecuador → Spain. Cases: 5. Mass: 12.5 kg' });
    const widths = screen.getAllByTestId('map-segment').map((g) => Number(g.querySelectorAll('path')[1]!.getAttribute('stroke-width')));
    expect(widths[0]).toBeGreaterThan(widths[1]!);
    expect(ecuador.querySelector('polygon')).not.toBeNull();
    // the countries on the routes are named on the map
    expect(screen.getAllByTestId('map-country-label').map((l) => l.textContent).sort()).toEqual(['Ecuador', 'France', 'Spain']);
    // circles at the places, the larger for more cases
    const circles = screen.getAllByTestId('map-place');
    expect(circles.map((c) => c.getAttribute('data-place'))).toEqual(['43.30,5.37', '36.13,-5.35']);
    expect(Number(circles[0]!.getAttribute('r'))).toBeGreaterThan(Number(circles[1]!.getAttribute('r')));
    expect(screen.getByRole('img', { name: '43.30° N 5.37° E. Cases: 4. Mass: 30 kg' })).toBeInTheDocument();
    // the map opens on the routes, not the whole world
    const [, , w] = screen.getByTestId('routes-map-svg').getAttribute('data-box')!.split(' ').map(Number);
    expect(w).toBeLessThan(960);

    // the tables list every segment and place, the undrawn one included
    expect(names('map-segments')).toEqual([
      ['1', 'Ecuador → Spain', '5', '12.5 kg'],
      ['2', 'Spain → France', '3', '40 kg'],
      ['3', 'Colombia → Guadeloupe', '1', '1 kg'],
    ]);
    expect(names('map-places')).toEqual([
      ['1', '43.30° N 5.37° E', '4', '30 kg'],
      ['2', '36.13° N 5.35° W', '2', '20 kg'],
    ]);
    const notes = screen.getByTestId('map-notes');
    expect(notes).toHaveTextContent('Cases without a route across two countries (not on the map): 2.');
    expect(notes).toHaveTextContent('Cases without a recorded place of seizure: 4.');
    expect(notes).toHaveTextContent('Segments the map cannot draw (no shape for one of the countries), in the table only: 1.');
    expect(within(screen.getByTestId('map-legend')).getByText('Route segments (Cases)')).toBeInTheDocument();
  });

  it('shows a segment’s figures on hover and on keyboard focus', async () => {
    setup('/statistics/map');
    await screen.findByTestId('routes-map');
    const [ecToEs] = screen.getAllByTestId('map-segment');
    fireEvent.mouseEnter(ecToEs!);
    const tip = await screen.findByTestId('map-tooltip');
    expect(tip).toHaveTextContent('Ecuador → Spain');
    expect(tip).toHaveTextContent('Cases: 5');
    expect(tip).toHaveTextContent('Mass: 12.5 kg');
    fireEvent.mouseLeave(ecToEs!);
    expect(screen.queryByTestId('map-tooltip')).not.toBeInTheDocument();

    // the keyboard reaches the lines and circles
    await userEvent.click(document.body);
    let focused: Element | null = null;
    for (let i = 0; i < 40 && !focused; i++) {
      await userEvent.tab();
      if (document.activeElement?.getAttribute('data-testid') === 'map-place') focused = document.activeElement;
    }
    expect(focused).not.toBeNull();
    expect(screen.getByTestId('map-tooltip')).toHaveTextContent('43.30° N 5.37° E');
  });

  it('sizes by mass on demand, keeping the choice in the address', async () => {
    const { search } = setup('/statistics/map');
    await screen.findByTestId('routes-map');
    await userEvent.click(screen.getByRole('radio', { name: 'Mass (kg)' }));
    await waitFor(() => expect(search().get('measure')).toBe('kg'));
    // Spain → France carries the most mass: first, and the widest line
    await waitFor(() => expect(names('map-segments')[0]).toEqual(['1', 'Spain → France', '3', '40 kg']));
    expect(segments()).toEqual(['ES>FR', 'EC>ES']);
    expect(within(screen.getByTestId('map-legend')).getByText('Route segments (Mass (kg))')).toBeInTheDocument();
    expect(within(screen.getByTestId('map-legend')).getByText('40 kg')).toBeInTheDocument();
  });

  it('reads the range, status and filters from the address, and links to the table with them', async () => {
    const { to, search } = setup('/statistics/map?group=route&from=2025-01-01&to=2025-12-31&status=validated&commodity_group=drugs&compare=true');
    await screen.findByTestId('routes-map');
    const asked = { from: '2025-01-01', to: '2025-12-31', status: 'validated', commodity_group: 'drugs' };
    expect(to(STATS)).toEqual(expect.arrayContaining([{ group: 'route_segment', ...asked }, { group: 'place', ...asked }]));
    // no grouping, period or comparison on the map
    expect(screen.queryByRole('combobox', { name: 'Group by' })).not.toBeInTheDocument();
    expect(screen.queryByRole('switch', { name: /^Compare/ })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Detected from')).toHaveValue('2025-01-01');
    expect(within(screen.getByTestId('stats-filters')).getByRole('combobox', { name: 'Commodity group' })).toHaveValue('Drugs');
    const views = screen.getByRole('group', { name: 'Views of the statistics' });
    expect(within(views).getByRole('link', { name: 'Table and chart' })).toHaveAttribute('href', '/statistics?from=2025-01-01&to=2025-12-31&status=validated&commodity_group=drugs');
    expect(within(views).getByRole('link', { name: 'Routes map' })).toHaveAttribute('aria-current', 'page');

    fireEvent.change(screen.getByLabelText('Detected from'), { target: { value: '2025-03-01' } });
    await waitFor(() => expect(search().get('from')).toBe('2025-03-01'));
    await waitFor(() => expect(to(STATS).at(-1)).toMatchObject({ from: '2025-03-01' }));
    // the statistics page's own choices are not kept in the map's address
    expect(search().has('group')).toBe(false);
    expect(search().has('compare')).toBe(false);
  });

  it('zooms with the buttons, and goes back to the routes', async () => {
    setup('/statistics/map');
    await screen.findByTestId('routes-map');
    const svg = screen.getByTestId('routes-map-svg');
    const width = () => Number(svg.getAttribute('viewBox')!.split(' ')[2]);
    const start = width();
    await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(width()).toBeCloseTo(start / 2, 0);
    await userEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    await userEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(width()).toBeCloseTo(Math.min(960, start * 2), 0);
    await userEvent.click(screen.getByRole('button', { name: 'Show every route' }));
    expect(width()).toBeCloseTo(start, 0);
  });

  it('still lists the figures when the map cannot be drawn', async () => {
    setup('/statistics/map', (c) => (c.path.endsWith('.json') ? new Response('gone', { status: 404 }) : undefined));
    expect(await screen.findByTestId('map-failed')).toHaveTextContent('The map cannot be drawn (map data: HTTP 404). The tables give every figure.');
    expect(names('map-segments')).toHaveLength(3);
  });

  it('says so when no case is counted', async () => {
    setup('/statistics/map', (c) => (c.path === STATS ? json(stats(c.query.group!, [], 0)) : undefined));
    expect(await screen.findByText('No case is counted for this view: widen the period or remove a filter.')).toBeInTheDocument();
    expect(screen.queryByTestId('routes-map')).not.toBeInTheDocument();
  });

  it('shows the server’s refusal of a range at the date', async () => {
    const refusal = { field: 'to', code: 'before_start', message: 'before from' };
    setup('/statistics/map?from=2026-02-01&to=2026-01-01', (c) =>
      c.path === STATS
        ? json({ type: 'about:blank', title: 'Validation failed', status: 422, code: 'validation_failed', detail: refusal.message, errors: [refusal] }, 422, 'application/problem+json')
        : undefined,
    );
    expect(await screen.findByTestId('stats-refused')).toHaveTextContent('Correct the choices marked above.');
    expect(screen.getByText('Must not be before the “from” date.')).toBeInTheDocument();
  });
});
