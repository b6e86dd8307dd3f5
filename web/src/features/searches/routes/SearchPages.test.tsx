import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { meQuery } from '@/api/queries/me';
import type { CodeListEntry, Me } from '@/api/types';
import i18n from '@/i18n';
import { session } from '@/lib/session';
import { renderRoutes } from '@/test/render';
import type { SavedSearch, SearchHit } from '../api/searches';
import { SavedSearchesPage } from './SavedSearchesPage';
import { SavedSearchPage } from './SavedSearchPage';

const ANALYST = ['units.read', 'codelists.read', 'seizures.read', 'registers.read'];
const MINE = '0193a000-0000-7000-8000-00000000aa01';
const THEIRS = '0193a000-0000-7000-8000-00000000aa02';
const GONE = '0193a000-0000-7000-8000-00000000aa09';
const COMPANIES = '0193a000-0000-7000-8000-00000000aa03';
const ACME = '0193a000-0000-7000-8000-0000000c0001';
const BRAVO = '0193a000-0000-7000-8000-0000000c0002';

const entry = (code: string, en: string, fr = en): CodeListEntry =>
  ({ code, labels: { en, fr, ar: en }, attributes: {}, retired: false, sort_order: 0 }) as CodeListEntry;
const CODE_LISTS: Record<string, CodeListEntry[]> = {
  commodity_groups: [entry('drugs', 'Drugs', 'Stupéfiants')],
  commodity_types: [entry('cocaine', 'Cocaine')],
  countries: [entry('EC', 'Ecuador', 'Équateur'), entry('FR', 'France')],
  fraud_typologies: [entry('phoenix', 'Phoenix company', 'Société phénix')],
  detection_methods: [entry('dog', 'Detector dog')],
};

const search = (over: Partial<SavedSearch>): SavedSearch => ({
  id: MINE,
  name: 'Cocaine from Ecuador',
  target: 'seizures',
  query: { commodity_type: 'cocaine', route_country: 'EC', from: new Date('2026-03-01T00:00:00').toISOString() },
  shared: false,
  active: true,
  owner_id: 'me',
  owner_name: 'Ana Analyst',
  unit_id: 'u1',
  mine: true,
  hits: 2,
  last_hit_at: '2026-03-05T10:00:00Z',
  version: 4,
  created_at: '2026-03-01T10:00:00Z',
  updated_at: '2026-03-01T10:00:00Z',
  ...over,
});

const HIT: SearchHit = {
  matched_at: '2026-03-05T10:00:00Z',
  case: {
    id: 'c1',
    reference: 'FR-2026-000180',
    status: 'submitted',
    kind: 'seizure',
    detected_at: '2026-03-05T08:00:00Z',
    place: 'Quay 4',
    country: 'FR',
    commodity_groups: ['drugs'],
    detection_methods: [],
    goods: [{ commodity_group: 'drugs', commodity_type: 'cocaine', quantity: 2, unit: 'kg' }],
    route: ['EC', 'FR'],
    reporting_unit_id: 'u1',
    version: 2,
  },
};

/** A company rule of mine: companies in Ecuador, active, of a typology. */
const companyRule = (over: Partial<SavedSearch> = {}): SavedSearch =>
  search({
    id: COMPANIES,
    name: 'Companies in Ecuador',
    target: 'companies',
    query: { country: 'EC', status: 'active', typology: 'phoenix' },
    hits: 2,
    ...over,
  });

/** What the company rule found: two records, latest first. */
const RECORD_HITS: SearchHit[] = [
  { matched_at: '2026-03-06T09:00:00Z', record: { target: 'companies', id: ACME, label: 'Acme Trading (Ecuador)' } },
  { matched_at: '2026-03-05T09:00:00Z', record: { target: 'companies', id: BRAVO, label: 'Bravo Export (Ecuador)' } },
];

interface Call {
  method: string;
  path: string;
  ifMatch: string | null;
  body: unknown;
}

const ITEMS = [
  search({}),
  search({ id: THEIRS, name: 'Dogs at the port', mine: false, shared: true, owner_name: 'Bo Colleague', query: { detection_method: 'dog' }, hits: 0, last_hit_at: null }),
];

function setup(path: string, items: SavedSearch[] = ITEMS, permissions = ANALYST) {
  const calls: Call[] = [];
  let current = [...items];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url);
      const body = req.method === 'PATCH' ? await req.json() : null;
      calls.push({ method: req.method, path: url.pathname + url.search, ifMatch: req.headers.get('If-Match'), body });
      const json = (b: unknown, status = 200) =>
        new Response(JSON.stringify(b), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });
      if (url.pathname.startsWith('/api/v1/codelists/')) {
        const name = url.pathname.split('/').pop() ?? '';
        return json({ name, description: '', entries: CODE_LISTS[name] ?? [] });
      }
      if (url.pathname === '/api/v1/units') return json({ items: [] });
      if (url.pathname === '/api/v1/saved-searches') return json({ items: current });
      const m = /^\/api\/v1\/saved-searches\/([^/]+)(\/hits)?$/.exec(url.pathname);
      const found = current.find((s) => s.id === m?.[1]);
      if (!m || !found) return json({ type: 'about:blank', title: 'Not found', status: 404, code: 'not_found' }, 404);
      if (m[2]) return json(found.target === 'seizures' ? { items: [HIT], total: 3 } : { items: RECORD_HITS, total: 2 });
      if (req.method === 'PATCH') {
        const next = { ...found, ...(body as object), version: found.version + 1 };
        current = current.map((s) => (s.id === found.id ? next : s));
        return json(next);
      }
      if (req.method === 'DELETE') {
        current = current.filter((s) => s.id !== found.id);
        return new Response(null, { status: 204 });
      }
      return json(found);
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  client.setQueryData(meQuery.queryKey, { id: 'me', username: 'analyst', roles: ['analyst'], permissions } as unknown as Me);
  const view = renderRoutes(
    [
      { path: '/searches', element: <SavedSearchesPage /> },
      { path: '/searches/:id', element: <SavedSearchPage /> },
      { path: '/seizures', element: <p>seizure list</p> },
      { path: '/registers', element: <p>registers</p> },
    ],
    path,
    client,
  );
  return { ...view, calls };
}

describe('saved searches pages', { timeout: 30_000 }, () => {
  beforeEach(() => session.signedIn('tok', 900));
  afterEach(async () => {
    vi.unstubAllGlobals();
    session.reset();
    await i18n.changeLanguage('en');
  });

  it('lists mine, then those shared with my unit, with their filters in words, hits, state and owner', async () => {
    setup('/searches');
    const mine = await screen.findByTestId('saved-searches-mine');
    const row = mine.querySelector<HTMLElement>(`tr[data-search-id="${MINE}"]`)!;
    expect(within(row).getByRole('link', { name: 'Cocaine from Ecuador' })).toHaveAttribute('href', `/searches/${MINE}`);
    expect(within(row).getByTestId('search-target')).toHaveTextContent('Seizure cases');
    await waitFor(() => expect(within(row).getByTestId('search-summary')).toHaveTextContent('Commodity type: Cocaine'));
    await waitFor(() => expect(within(row).getByTestId('search-summary')).toHaveTextContent('Country on the route: Ecuador'));
    expect(within(row).getByTestId('search-summary')).toHaveTextContent('Detected from: Mar 1, 2026');
    expect(within(row).getByTestId('search-hits')).toHaveTextContent('2');
    expect(within(row).queryByTestId('search-state')).toBeNull();

    const shared = screen.getByTestId('saved-searches-shared');
    const theirs = shared.querySelector<HTMLElement>(`tr[data-search-id="${THEIRS}"]`)!;
    expect(within(theirs).getByTestId('search-owner')).toHaveTextContent('By Bo Colleague');
    expect(within(theirs).getByTestId('search-state')).toHaveTextContent('Shared');
    expect(theirs).toHaveTextContent('None yet');
    await waitFor(() => expect(within(theirs).getByTestId('search-summary')).toHaveTextContent('Detection method: Detector dog'));

    // another's: only "open in the seizure list"
    await userEvent.click(within(theirs).getByRole('button', { name: 'Actions for “Dogs at the port”' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByRole('menuitem', { name: 'Open in the seizure list' })).toHaveAttribute('href', '/seizures?detection_method=dog');
    expect(within(menu).queryByRole('menuitem', { name: 'Pause' })).toBeNull();
  });

  it('pauses and shares one of mine at the version shown, and deletes it after a confirmation', async () => {
    const { calls } = setup('/searches');
    const mine = await screen.findByTestId('saved-searches-mine');
    const actions = () => within(mine).getByRole('button', { name: 'Actions for “Cocaine from Ecuador”' });

    await userEvent.click(actions());
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Pause' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({ path: `/api/v1/saved-searches/${MINE}`, ifMatch: '"4"', body: { active: false } }));
    await waitFor(() => expect(within(mine).getByTestId('search-state')).toHaveTextContent('Paused'));

    await userEvent.click(actions());
    expect(await screen.findByRole('menuitem', { name: 'Resume' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('menuitem', { name: 'Share with my unit' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')[1]).toMatchObject({ ifMatch: '"5"', body: { shared: true } }));
    await waitFor(() => expect(within(mine).getByTestId('search-state')).toHaveTextContent('Shared'));

    await userEvent.click(actions());
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete the saved search' });
    expect(dialog).toHaveTextContent('“Cocaine from Ecuador” and the list of its hits will be deleted.');
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.path === `/api/v1/saved-searches/${MINE}`)).toBe(true));
    const empty = await screen.findByTestId('empty-state');
    expect(empty).toHaveTextContent('You have no saved search yet. Filter the seizure list or a register, then choose “Save this search”.');
    expect(within(empty).getByRole('link', { name: 'Go to the registers' })).toHaveAttribute('href', '/registers');
  });

  it('shows a search with its hits, latest first, and renames it', async () => {
    const { calls } = setup(`/searches/${MINE}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Cocaine from Ecuador' })).toBeInTheDocument();
    const table = await screen.findByTestId('search-hits-table');
    const row = table.querySelector<HTMLElement>('tr[data-reference="FR-2026-000180"]')!;
    expect(within(row).getByRole('link', { name: 'FR-2026-000180' })).toHaveAttribute('href', '/seizures/c1');
    await waitFor(() => expect(row).toHaveTextContent('Cocaine'));
    await waitFor(() => expect(row).toHaveTextContent('Quay 4, France'));
    expect(screen.getByTestId('search-hits-total')).toHaveTextContent('3 cases found The latest 1 are listed.');
    expect(calls.some((c) => c.path === `/api/v1/saved-searches/${MINE}/hits?limit=100`)).toBe(true);
    expect(screen.getByRole('link', { name: 'Open in the seizure list' }).getAttribute('href')).toBe(
      '/seizures?from=2026-03-01&commodity_type=cocaine&route_country=EC',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Rename' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rename the saved search' });
    const input = within(dialog).getByRole('textbox', { name: /^Name/ });
    await userEvent.clear(input);
    await userEvent.type(input, 'Cocaine via Ecuador');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Rename' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({ ifMatch: '"4"', body: { name: 'Cocaine via Ecuador' } }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Cocaine via Ecuador' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(await screen.findByTestId('search-paused')).toHaveTextContent('Paused: new cases are not checked against this search');
    expect(screen.getByRole('button', { name: 'Resume' })).toBeInTheDocument();
  });

  it('gives another’s shared search no changes, and says so', async () => {
    setup(`/searches/${THEIRS}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Dogs at the port' })).toBeInTheDocument();
    expect(screen.getByTestId('search-not-owner')).toHaveTextContent('Shared by Bo Colleague: only they can change it.');
    const actions = screen.getByTestId('search-actions');
    expect(within(actions).getByRole('link', { name: 'Open in the seizure list' })).toBeInTheDocument();
    expect(within(actions).queryByRole('button')).toBeNull();
  });

  it('answers a search that is gone, or not shared with me, with a way back', async () => {
    const { calls } = setup(`/searches/${GONE}`);
    const state = await screen.findByTestId('not-found-state');
    expect(state).toHaveTextContent('This saved search does not exist, was deleted, or is not shared with you.');
    expect(within(state).getByRole('link', { name: 'All saved searches' })).toHaveAttribute('href', '/searches');
    // the hits are not asked for
    expect(calls.some((c) => c.path.includes('/hits'))).toBe(false);
  });

  it('says what a register rule searches, its filters in the register’s words, and opens it in that register', async () => {
    setup('/searches', [search({}), companyRule()]);
    const mine = await screen.findByTestId('saved-searches-mine');
    const row = mine.querySelector<HTMLElement>(`tr[data-search-id="${COMPANIES}"]`)!;
    expect(within(row).getByTestId('search-target')).toHaveTextContent('Companies');
    const summary = within(row).getByTestId('search-summary');
    await waitFor(() => expect(summary).toHaveTextContent('Country: Ecuador'));
    expect(summary).toHaveTextContent('Status: Active');
    await waitFor(() => expect(summary).toHaveTextContent('Fraud typology: Phoenix company'));

    await userEvent.click(within(row).getByRole('button', { name: 'Actions for “Companies in Ecuador”' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).queryByRole('menuitem', { name: 'Open in the seizure list' })).toBeNull();
    // the registers page's own address: its tab, then the filters it reads
    expect(within(menu).getByRole('menuitem', { name: 'Open in the companies register' })).toHaveAttribute(
      'href',
      '/registers?register=companies&country=EC&status=active&typology=phoenix',
    );
  });

  it('lists the records a register rule found, each linked to its page', async () => {
    const { calls } = setup(`/searches/${COMPANIES}`, [companyRule()]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Companies in Ecuador' })).toBeInTheDocument();
    expect(screen.getByTestId('search-target')).toHaveTextContent('Searches: Companies');
    const table = await screen.findByTestId('search-hits-table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Found on', 'Company']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-record-id'))).toEqual([ACME, BRAVO]);
    expect(within(rows[0]!).getByRole('link', { name: 'Acme Trading (Ecuador)' })).toHaveAttribute('href', `/registers/companies/${ACME}`);
    expect(within(rows[1]!).getByRole('link', { name: 'Bravo Export (Ecuador)' })).toHaveAttribute('href', `/registers/companies/${BRAVO}`);
    expect(screen.getByTestId('search-hits-total')).toHaveTextContent('2 records found');
    expect(calls.some((c) => c.path === `/api/v1/saved-searches/${COMPANIES}/hits?limit=100`)).toBe(true);
    expect(screen.getByRole('link', { name: 'Open in the companies register' })).toHaveAttribute(
      'href',
      '/registers?register=companies&country=EC&status=active&typology=phoenix',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(await screen.findByTestId('search-paused')).toHaveTextContent('Paused: new and corrected records are not checked');
  });

  it('names a register rule’s records without links, and offers no register, to whoever does not read the registers', async () => {
    setup(`/searches/${COMPANIES}`, [companyRule({ mine: false, shared: true, owner_name: 'Bo Colleague' })], ['units.read', 'codelists.read', 'seizures.read']);
    const table = await screen.findByTestId('search-hits-table');
    expect(table).toHaveTextContent('Acme Trading (Ecuador)');
    expect(within(table).queryByRole('link')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Open in the companies register' })).toBeNull();
  });

  it('speaks French', async () => {
    await i18n.changeLanguage('fr');
    setup('/searches');
    expect(await screen.findByRole('heading', { level: 1, name: 'Recherches enregistrées' })).toBeInTheDocument();
    const mine = await screen.findByTestId('saved-searches-mine');
    // French typography: a no-break space before the colon
    await waitFor(() => expect(within(mine).getByTestId('search-summary').textContent).toContain('Pays de l’itinéraire\u00a0: Équateur'));
    expect(screen.getByRole('heading', { level: 2, name: 'Partagées avec mon service' })).toBeInTheDocument();
  });
});
