import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { QueryClient } from '@tanstack/react-query';
import { codeBookQuery } from '@/api/queries/codelists';
import { meQuery } from '@/api/queries/me';
import type { CodeListEntry, Me } from '@/api/types';
import { renderRoutes } from '@/test/render';
import { RegistersPage } from './RegistersPage';

// debounced checks and navigation, in a jsdom that may share the machine with other work
configure({ asyncUtilTimeout: 5000 });

const entry = (code: string, en: string) => ({ code, labels: { en }, retired: false, sort_order: 0 }) as unknown as CodeListEntry;

const record = { version: 1, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' };
const petrov = {
  ...record,
  id: 'p1',
  family_name: 'Petrov',
  given_names: 'Ivan',
  date_of_birth: '1984-03-02',
  nationalities: ['CO'],
  last_case_at: '2026-03-01T09:00:00Z',
};
const smith = { ...record, id: 'p2', family_name: 'Smith', given_names: 'Ann', last_case_at: null };
const acme = { ...record, id: 'c1', name: 'Acme Trading', country: 'RU', last_case_at: '2025-11-20T10:00:00Z', risk: { score: 72, band: 'high' } };

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

/** How the server answers "Save this search": the rule saved (201), or a refusal. */
type SaveAnswer = { status: number; body: unknown };

/**
 * The requests the page made (paths and query strings); a CSV export succeeds, an XLSX one is
 * refused as too large; a saved search posted is kept (`saved`) and answered with `save`.
 */
function api(save?: SaveAnswer) {
  const requests: URL[] = [];
  const saved: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url);
      requests.push(url);
      if (url.pathname === '/api/v1/saved-searches' && req.method === 'POST') {
        saved.push(await req.json());
        const answer = save ?? { status: 500, body: {} };
        return json(answer.body, answer.status, answer.status >= 400 ? 'application/problem+json' : 'application/json');
      }
      if (url.pathname === '/api/v1/persons') return json({ items: [petrov, smith], next_cursor: null });
      if (url.pathname === '/api/v1/companies') return json({ items: [acme], next_cursor: null });
      if (url.pathname.endsWith('/export/csv')) {
        return new Response('\ufefffamily_name,given_names\nPetrov,Ivan\n', {
          status: 200,
          headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="persons-20260301-0900.csv"' },
        });
      }
      if (url.pathname.endsWith('/export/xlsx')) {
        return json(
          {
            type: 'about:blank',
            title: 'Validation failed',
            status: 422,
            code: 'validation_failed',
            detail: 'more than 5000 records match: narrow the filters',
            errors: [{ field: 'limit', code: 'too_many_rows', message: 'more than 5000 records match: narrow the filters' }],
          },
          422,
          'application/problem+json',
        );
      }
      return json({ items: [], entries: [] });
    }),
  );
  return {
    requests,
    saved,
    /** the query strings of the requests to `path` */
    to: (path: string) => requests.filter((u) => u.pathname === path).map((u) => Object.fromEntries(u.searchParams)),
  };
}

function setup(path: string, permissions = ['registers.read', 'registers.write']) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  qc.setQueryData(meQuery.queryKey, { id: 'u1', username: 'officer1', roles: ['officer'], permissions } as unknown as Me);
  qc.setQueryData(codeBookQuery('countries').queryKey, [entry('CO', 'Colombia'), entry('RU', 'Russia')]);
  qc.setQueryData(codeBookQuery('fraud_typologies').queryKey, [entry('phoenix', 'Phoenix company'), entry('undervaluation', 'Undervaluation')]);
  qc.setQueryData(codeBookQuery('conveyance_types').queryKey, [entry('vessel', 'Vessel')]);
  qc.setQueryData(codeBookQuery('company_roles').queryKey, [entry('exporter', 'Exporter')]);
  return renderRoutes(
    [
      { path: '/registers', element: <RegistersPage /> },
      { path: '/searches/:id', element: <p>saved search page</p> },
    ],
    path,
    qc,
  );
}

const params = (search: string) => new URLSearchParams(search);
const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };

describe('the persons register', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('searches with the text, filters and order of the address, and says what the search box takes', async () => {
    const { to } = api();
    setup('/registers?register=persons&q=ab%20123&nationality=CO&country=RU&born=1984-03&sort=last_case');
    const search = screen.getByRole('searchbox', { name: 'Search by name, document number, phone or e-mail' });
    expect(search).toHaveValue('ab 123');
    expect(search).toHaveAccessibleDescription(/identity document, a phone number .* or an e-mail address/);
    expect(await screen.findByRole('link', { name: 'PETROV Ivan' })).toHaveAttribute('href', '/registers/persons/p1');
    expect(to('/api/v1/persons')[0]).toEqual({ q: 'ab 123', nationality: 'CO', country: 'RU', born: '1984-03', sort: 'last_case', limit: '50' });
    const filters = screen.getByRole('group', { name: 'Filters' });
    expect(within(filters).getByRole('combobox', { name: 'Nationality' })).toHaveValue('Colombia');
    expect(within(filters).getByRole('combobox', { name: 'Country (nationality or document)' })).toHaveValue('Russia');
    const born = within(filters).getByRole('textbox', { name: 'Date of birth' });
    expect(born).toHaveValue('1984-03');
    expect(born).toHaveAccessibleDescription('YYYY, YYYY-MM or YYYY-MM-DD');
    expect(screen.getByRole('radio', { name: 'Latest case first' })).toBeChecked();
  });

  it('reads the year of birth of an older link as a date of birth', async () => {
    const { to } = api();
    const { router } = setup('/registers?register=persons&birth_year=1984');
    await screen.findByRole('link', { name: 'PETROV Ivan' });
    expect(to('/api/v1/persons')[0]).toEqual({ born: '1984', limit: '50' });
    expect(screen.getByRole('textbox', { name: 'Date of birth' })).toHaveValue('1984');
    await waitFor(() => expect(params(router.state.location.search).get('born')).toBe('1984'));
    expect(params(router.state.location.search).has('birth_year')).toBe(false);
  });

  it('shows when each person last appeared in a case', async () => {
    api();
    setup('/registers?register=persons');
    const table = await screen.findByTestId('register-table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Name',
      'Date of birth',
      'Nationalities',
      'Last case',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByTestId('last-case')).toHaveTextContent('Mar 1, 2026');
    expect(within(rows[1]!).getByTestId('last-case')).toHaveTextContent('—');
  });

  it('keeps a new search, filters and order in the address, so it can be shared or reloaded', async () => {
    const { to } = api();
    const { router } = setup('/registers?register=persons');
    await userEvent.type(screen.getByRole('searchbox'), 'ivan@example.org');
    await waitFor(() => expect(router.state.location.search).toContain('q=ivan%40example.org'));

    // a date of birth is sent only once it is a whole year, month or day
    const born = screen.getByRole('textbox', { name: 'Date of birth' });
    await userEvent.type(born, '1984-1');
    expect(await screen.findByText('Use YYYY, YYYY-MM or YYYY-MM-DD.')).toBeInTheDocument();
    expect(router.state.location.search).not.toContain('born');
    await userEvent.type(born, '0');
    await waitFor(() => expect(params(router.state.location.search).get('born')).toBe('1984-10'));
    expect(screen.queryByText('Use YYYY, YYYY-MM or YYYY-MM-DD.')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('combobox', { name: 'Nationality' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Russia' }));
    await waitFor(() => expect(router.state.location.search).toContain('nationality=RU'));
    await userEvent.click(screen.getByRole('combobox', { name: 'Country (nationality or document)' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Colombia' }));
    await waitFor(() => expect(router.state.location.search).toContain('country=CO'));

    await userEvent.click(screen.getByRole('radio', { name: 'Latest case first' }));
    await waitFor(() => expect(params(router.state.location.search).get('sort')).toBe('last_case'));
    await waitFor(() =>
      expect(to('/api/v1/persons').at(-1)).toEqual({
        q: 'ivan@example.org',
        nationality: 'RU',
        country: 'CO',
        born: '1984-10',
        sort: 'last_case',
        limit: '50',
      }),
    );

    // the order is not a filter: clearing the filters keeps it, and the search text
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(params(router.state.location.search).has('nationality')).toBe(false));
    const after = params(router.state.location.search);
    expect(after.has('born')).toBe(false);
    expect(after.has('country')).toBe(false);
    expect(after.get('sort')).toBe('last_case');
    expect(after.get('q')).toBe('ivan@example.org');
    expect(born).toHaveValue('');

    // with a search text, the name order is asked for by name; the best match is the default
    await userEvent.click(screen.getByRole('radio', { name: 'By name' }));
    await waitFor(() => expect(params(router.state.location.search).get('sort')).toBe('name'));
    await waitFor(() => expect(to('/api/v1/persons').at(-1)).toEqual({ q: 'ivan@example.org', sort: 'name', limit: '50' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Best match' }));
    await waitFor(() => expect(params(router.state.location.search).has('sort')).toBe(false));
    // (the best-match list of this text was read when it was typed)
    expect(to('/api/v1/persons')).toContainEqual({ q: 'ivan@example.org', limit: '50' });
    expect(screen.getByRole('radio', { name: 'Best match' })).toBeChecked();
  });

  it('lists a search best match first by default, and offers the name order and the latest case', async () => {
    const { to } = api();
    const { router } = setup('/registers?register=persons&q=petrov');
    await screen.findByRole('link', { name: 'PETROV Ivan' });
    const order = screen.getByRole('radiogroup', { name: 'Sort' });
    expect(within(order).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['relevance', 'name', 'last_case']);
    expect(within(order).getByRole('radio', { name: 'Best match' })).toBeChecked();
    // the server ranks a search by relevance when no order is given
    expect(to('/api/v1/persons')).toEqual([{ q: 'petrov', limit: '50' }]);
    expect(screen.getByTestId('registers-relevance-note')).toHaveTextContent('Only the closest records are listed');

    await userEvent.click(within(order).getByRole('radio', { name: 'By name' }));
    await waitFor(() => expect(params(router.state.location.search).get('sort')).toBe('name'));
    await waitFor(() => expect(to('/api/v1/persons').at(-1)).toEqual({ q: 'petrov', sort: 'name', limit: '50' }));
    expect(screen.queryByTestId('registers-relevance-note')).not.toBeInTheDocument();

    await userEvent.click(within(order).getByRole('radio', { name: 'Latest case first' }));
    await waitFor(() => expect(params(router.state.location.search).get('sort')).toBe('last_case'));
    await waitFor(() => expect(to('/api/v1/persons').at(-1)).toEqual({ q: 'petrov', sort: 'last_case', limit: '50' }));
  });

  it('reads the name order of a shared search, and offers the best match only while there is a text', async () => {
    const { to } = api();
    const { router } = setup('/registers?register=persons&q=petrov&sort=name');
    await screen.findByRole('link', { name: 'PETROV Ivan' });
    expect(screen.getByRole('radio', { name: 'By name' })).toBeChecked();
    expect(to('/api/v1/persons')[0]).toEqual({ q: 'petrov', sort: 'name', limit: '50' });

    // no text: by name (the default, not sent) or latest case, as always
    await userEvent.clear(screen.getByRole('searchbox'));
    await waitFor(() => expect(params(router.state.location.search).has('q')).toBe(false));
    await waitFor(() => expect(screen.queryByRole('radio', { name: 'Best match' })).not.toBeInTheDocument());
    expect(screen.getByRole('radio', { name: 'By name' })).toBeChecked();
    await waitFor(() => expect(to('/api/v1/persons').at(-1)).toEqual({ limit: '50' }));

    // a new text: best match first, unless the name order was asked for
    await userEvent.click(screen.getByRole('radio', { name: 'Latest case first' }));
    await userEvent.click(screen.getByRole('radio', { name: 'By name' }));
    await waitFor(() => expect(params(router.state.location.search).has('sort')).toBe(false));
    await userEvent.type(screen.getByRole('searchbox'), 'smith');
    expect(await screen.findByRole('radio', { name: 'Best match' })).toBeChecked();
    await waitFor(() => expect(to('/api/v1/persons').at(-1)).toEqual({ q: 'smith', limit: '50' }));
  });

  it('offers a new person to those who may create one', () => {
    api();
    setup('/registers?register=persons');
    expect(screen.getByRole('link', { name: 'New person' })).toHaveAttribute('href', '/registers/persons/new');
  });

  it('offers no creation to a reader', () => {
    api();
    setup('/registers?register=persons', ['registers.read']);
    expect(screen.queryByRole('link', { name: 'New person' })).not.toBeInTheDocument();
  });

  it('offers the import of a register extract with the companies, to those who may create them', () => {
    api();
    const { unmount } = setup('/registers?register=companies');
    expect(screen.getByRole('link', { name: 'Import a register extract' })).toHaveAttribute('href', '/registers/companies/import');
    unmount();
    setup('/registers?register=persons');
    expect(screen.queryByRole('link', { name: 'Import a register extract' })).not.toBeInTheDocument();
    cleanup();
    setup('/registers?register=companies', ['registers.read']);
    expect(screen.queryByRole('link', { name: 'Import a register extract' })).not.toBeInTheDocument();
  });
});

describe('the other registers', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('filter companies by country, order them by last case, and drop the persons’ filters', async () => {
    const { to } = api();
    const { router } = setup('/registers?register=persons&nationality=CO&born=1984&country=RU');
    await screen.findByRole('link', { name: 'PETROV Ivan' });
    await userEvent.click(screen.getByRole('tab', { name: 'Companies' }));
    expect(await screen.findByRole('link', { name: 'Acme Trading' })).toHaveAttribute('href', '/registers/companies/c1');
    const search = params(router.state.location.search);
    expect(search.has('nationality')).toBe(false);
    expect(search.has('born')).toBe(false);
    expect(to('/api/v1/companies')[0]).toEqual({ country: 'RU', limit: '50' });
    const filters = screen.getByRole('group', { name: 'Filters' });
    expect(within(filters).getByRole('combobox', { name: 'Country' })).toHaveValue('Russia');
    expect(within(filters).queryByRole('textbox', { name: 'Date of birth' })).not.toBeInTheDocument();
    expect(screen.getByTestId('last-case')).toHaveTextContent('Nov 20, 2025');

    await userEvent.click(screen.getByRole('radio', { name: 'Latest case first' }));
    await waitFor(() => expect(to('/api/v1/companies').at(-1)).toEqual({ country: 'RU', sort: 'last_case', limit: '50' }));
  });

  it('filter companies by status, risk, typology and identifier, kept in the address, and show each one’s risk', async () => {
    const { to } = api();
    const { router } = setup('/registers?register=companies&status=dormant&risk_band=high&typology=phoenix');
    await screen.findByRole('link', { name: 'Acme Trading' });
    expect(to('/api/v1/companies')[0]).toEqual({ status: 'dormant', risk_band: 'high', typology: 'phoenix', limit: '50' });
    const filters = screen.getByRole('group', { name: 'Filters' });
    expect(within(filters).getByRole('combobox', { name: 'Status' })).toHaveValue('Dormant');
    expect(within(filters).getByRole('combobox', { name: 'Risk' })).toHaveValue('High');
    expect(within(filters).getByRole('combobox', { name: 'Fraud typology' })).toHaveValue('Phoenix company');

    const table = screen.getByTestId('register-table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Company name', 'Country', 'Registration number', 'Risk', 'Last case']);
    const risk = within(table).getByTestId('risk-badge');
    expect(risk).toHaveTextContent('Risk: High (72/100)');
    expect(risk).toHaveAttribute('data-band', 'high');

    // an identifier is applied once typed; a band is picked from the list
    await userEvent.type(within(filters).getByRole('textbox', { name: /^Identifier/ }), 'NL123456789B01');
    await waitFor(() => expect(params(router.state.location.search).get('identifier')).toBe('NL123456789B01'));
    await userEvent.click(within(filters).getByRole('combobox', { name: 'Risk' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Medium' }));
    await waitFor(() => expect(params(router.state.location.search).get('risk_band')).toBe('medium'));
    await waitFor(() =>
      expect(to('/api/v1/companies').at(-1)).toEqual({ identifier: 'NL123456789B01', status: 'dormant', risk_band: 'medium', typology: 'phoenix', limit: '50' }),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(params(router.state.location.search).has('status')).toBe(false));
    const after = params(router.state.location.search);
    expect(['identifier', 'risk_band', 'typology'].filter((f) => after.has(f))).toEqual([]);
    expect(within(filters).getByRole('textbox', { name: /^Identifier/ })).toHaveValue('');
    await waitFor(() => expect(to('/api/v1/companies').at(-1)).toEqual({ limit: '50' }));
  });

  it('drop the companies’ filters for another register, and ignore a status or band they do not know', async () => {
    const { to } = api();
    const { router } = setup('/registers?register=companies&status=inactive&risk_band=hit&identifier=FR123');
    await screen.findByRole('link', { name: 'Acme Trading' });
    expect(to('/api/v1/companies')[0]).toEqual({ identifier: 'FR123', limit: '50' });
    await userEvent.click(screen.getByRole('tab', { name: 'Persons' }));
    await screen.findByRole('link', { name: 'PETROV Ivan' });
    const search = params(router.state.location.search);
    expect(['identifier', 'status', 'risk_band'].filter((f) => search.has(f))).toEqual([]);
    expect(to('/api/v1/persons')[0]).toEqual({ limit: '50' });
  });

  it('order conveyances by identifier or last case', async () => {
    api();
    setup('/registers?register=conveyances');
    expect(screen.getByRole('radio', { name: 'By identifier' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Latest case first' })).not.toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Flag or registration country' })).toBeInTheDocument();
  });

  it('list a company search best match first, or by name on request', async () => {
    const { to } = api();
    const { router } = setup('/registers?register=companies&q=acme');
    await screen.findByRole('link', { name: 'Acme Trading' });
    expect(screen.getByRole('radio', { name: 'Best match' })).toBeChecked();
    expect(to('/api/v1/companies')[0]).toEqual({ q: 'acme', limit: '50' });
    await userEvent.click(screen.getByRole('radio', { name: 'By name' }));
    await waitFor(() => expect(params(router.state.location.search).get('sort')).toBe('name'));
    await waitFor(() => expect(to('/api/v1/companies').at(-1)).toEqual({ q: 'acme', sort: 'name', limit: '50' }));
  });

  it('order a conveyance search by identifier: conveyances are not ranked', async () => {
    const { to } = api();
    setup('/registers?register=conveyances&q=MSCU&sort=name');
    await waitFor(() => expect(to('/api/v1/conveyances')).toEqual([{ q: 'MSCU', limit: '50' }]));
    expect(screen.queryByRole('radio', { name: 'Best match' })).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'By identifier' })).toBeChecked();
    expect(screen.queryByTestId('registers-relevance-note')).not.toBeInTheDocument();
  });
});

describe('exporting a register', { timeout: 60_000 }, () => {
  beforeAll(() => {
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: vi.fn(() => 'blob:export') });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: vi.fn() });
  });
  afterAll(() => {
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: original.create });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: original.revoke });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('saves the persons the search selects as CSV, in the list’s order, and says the export is audited', async () => {
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const { to } = api();
    setup('/registers?register=persons&q=petrov&nationality=CO&born=1984&sort=last_case');
    await screen.findByTestId('register-table');
    const exports = screen.getByRole('group', { name: 'Export the records the search selects' });
    expect(screen.getByText(/The export is recorded in the audit trail/)).toBeInTheDocument();
    await userEvent.click(within(exports).getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saved).toEqual(['persons-20260301-0900.csv']));
    // the list's filters and order; paging does not apply to an export
    expect(to('/api/v1/persons/export/csv')).toEqual([{ q: 'petrov', nationality: 'CO', born: '1984', sort: 'last_case' }]);
    expect(screen.queryByTestId('registers-export-error')).not.toBeInTheDocument();
  });

  it('exports a search in the order shown: best match by default, by name when asked', async () => {
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { to } = api();
    setup('/registers?register=persons&q=petrov&sort=name');
    await screen.findByTestId('register-table');
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(to('/api/v1/persons/export/csv')).toEqual([{ q: 'petrov', sort: 'name' }]));
  });

  it('sends a company export only the filters companies take', async () => {
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { to } = api();
    setup('/registers?register=companies&q=acme&country=RU');
    await screen.findByRole('link', { name: 'Acme Trading' });
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(to('/api/v1/companies/export/csv')).toEqual([{ q: 'acme', country: 'RU' }]));
  });

  it('exports the companies the new filters select', async () => {
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { to } = api();
    setup('/registers?register=companies&risk_band=high&typology=phoenix&identifier=NL123');
    await screen.findByRole('link', { name: 'Acme Trading' });
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(to('/api/v1/companies/export/csv')).toEqual([{ identifier: 'NL123', risk_band: 'high', typology: 'phoenix' }]));
  });

  it('tells to narrow the filters when the export is refused as too large', async () => {
    api();
    setup('/registers?register=persons');
    await screen.findByTestId('register-table');
    await userEvent.click(screen.getByRole('button', { name: 'Export XLSX' }));
    const error = await screen.findByTestId('registers-export-error');
    expect(error).toHaveAttribute('role', 'alert');
    expect(error).toHaveTextContent('Too many records match to export them at once: narrow the search or the filters');
  });
});

describe('saving a register search', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  const RULE = '0193a000-0000-7000-8000-00000000aa03';
  const CASE_READER = ['registers.read', 'seizures.read'];
  const savedRule = (over: object = {}) => ({
    id: RULE,
    name: 'Dormant Russian companies',
    target: 'companies',
    query: { q: 'acme', country: 'RU', status: 'dormant' },
    shared: false,
    active: true,
    owner_id: 'u1',
    owner_name: 'Officer One',
    unit_id: 'un1',
    mine: true,
    hits: 0,
    last_hit_at: null,
    version: 1,
    created_at: '2026-03-01T10:00:00Z',
    updated_at: '2026-03-01T10:00:00Z',
    ...over,
  });

  async function openDialog() {
    await userEvent.click(await screen.findByRole('button', { name: 'Save this search' }));
    return screen.findByRole('dialog', { name: 'Save this search' });
  }

  it('posts the company list’s text and filters, not its order, as a rule on the companies, and links to the rule', async () => {
    const show = vi.spyOn(notifications, 'show');
    const { saved } = api({ status: 201, body: savedRule() });
    const { router } = setup('/registers?register=companies&q=acme&country=RU&status=dormant&sort=last_case', CASE_READER);
    await screen.findByRole('link', { name: 'Acme Trading' });
    const dialog = await openDialog();
    expect(dialog).toHaveTextContent('every record registered or corrected from now on that this search finds');
    const summary = within(dialog).getByTestId('search-summary');
    expect(summary).toHaveTextContent('Free text: “acme”');
    expect(summary).toHaveTextContent('Country: Russia');
    expect(summary).toHaveTextContent('Status: Dormant');

    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Name/ }), ' Dormant Russian companies ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({
      name: 'Dormant Russian companies',
      target: 'companies',
      query: { q: 'acme', country: 'RU', status: 'dormant' },
      shared: false,
    });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Save this search' })).toBeNull());
    // the confirmation links to the rule
    await waitFor(() => expect(show).toHaveBeenCalled());
    render(<MantineProvider env="test">{show.mock.calls.at(-1)![0].message}</MantineProvider>);
    await userEvent.click(screen.getByRole('link', { name: 'Search “Dormant Russian companies” saved: you will be notified of the records it finds.' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/searches/${RULE}`));
  });

  it('shows the server’s refusals next to the name and under the filters, in the register’s words', async () => {
    api({
      status: 422,
      body: {
        type: 'about:blank',
        title: 'Validation failed',
        status: 422,
        code: 'validation_failed',
        detail: 'Some fields need attention.',
        errors: [
          { field: 'name', code: 'length', message: 'from 1 to 200 characters' },
          { field: 'query.country', code: 'unknown_code', message: 'not in countries' },
        ],
      },
    });
    setup('/registers?register=companies&country=RU', CASE_READER);
    const dialog = await openDialog();
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Russia');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('From 1 to 200 characters.')).toBeInTheDocument();
    expect(within(dialog).getByTestId('save-search-filter-errors')).toHaveTextContent('Country: Not a known value.');
  });

  it('reads, sends and saves the conveyance filters the page has no field for, until they are cleared', async () => {
    const { to, saved } = api({ status: 201, body: savedRule({ target: 'conveyances', query: { conveyance_type: 'vessel', identifier_kind: 'imo' } }) });
    const { router } = setup('/registers?register=conveyances&conveyance_type=vessel&identifier_kind=imo', CASE_READER);
    await waitFor(() => expect(to('/api/v1/conveyances')[0]).toEqual({ conveyance_type: 'vessel', identifier_kind: 'imo', limit: '50' }));
    const others = within(screen.getByRole('group', { name: 'Filters' })).getByTestId('register-other-filters');
    expect(others).toHaveTextContent('Also filtered by');
    expect(others).toHaveTextContent('Conveyance type: Vessel');
    expect(others).toHaveTextContent('Identifier kind: IMO number');

    const dialog = await openDialog();
    expect(within(dialog).getByTestId('search-summary')).toHaveTextContent('Conveyance type: Vessel');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Vessels by IMO');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(saved).toEqual([{ name: 'Vessels by IMO', target: 'conveyances', query: { conveyance_type: 'vessel', identifier_kind: 'imo' }, shared: false }]));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Save this search' })).toBeNull());

    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(params(router.state.location.search).has('conveyance_type')).toBe(false));
    expect(params(router.state.location.search).has('identifier_kind')).toBe(false);
    expect(screen.queryByTestId('register-other-filters')).toBeNull();
    await waitFor(() => expect(to('/api/v1/conveyances').at(-1)).toEqual({ limit: '50' }));
  });

  it('warns that a register search without filters finds every record', async () => {
    api();
    setup('/registers?register=persons', CASE_READER);
    const dialog = await openDialog();
    expect(within(dialog).getByTestId('search-summary')).toHaveTextContent('Every record (no filter)');
    expect(dialog).toHaveTextContent('No filter is set: every record registered or corrected will be a hit.');
  });

  it('is not offered to whoever does not read cases (saved searches are theirs)', async () => {
    api();
    setup('/registers?register=companies', ['registers.read', 'registers.write']);
    await screen.findByRole('link', { name: 'Acme Trading' });
    expect(screen.queryByRole('button', { name: 'Save this search' })).toBeNull();
  });
});
