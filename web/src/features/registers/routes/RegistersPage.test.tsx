import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { codeBookQuery } from '@/api/queries/codelists';
import { meQuery } from '@/api/queries/me';
import type { CodeListEntry, Me } from '@/api/types';
import { renderRoutes } from '@/test/render';
import { RegistersPage } from './RegistersPage';

// debounced checks and navigation, in a jsdom that may share the machine with other work
configure({ asyncUtilTimeout: 5000 });

const entry = (code: string, en: string) => ({ code, labels: { en }, retired: false, sort_order: 0 }) as unknown as CodeListEntry;

const petrov = {
  id: 'p1',
  version: 1,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  family_name: 'Petrov',
  given_names: 'Ivan',
  date_of_birth: '1984-03-02',
  nationalities: ['CO'],
};

/** The persons searches the page made, as their query strings. */
function api() {
  const searches: URLSearchParams[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/v1/persons') searches.push(url.searchParams);
      const body = url.pathname === '/api/v1/persons' ? { items: [petrov], next_cursor: null } : { items: [], entries: [] };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return searches;
}

function setup(path: string, permissions = ['registers.read', 'registers.write']) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  qc.setQueryData(meQuery.queryKey, { id: 'u1', username: 'officer1', roles: ['officer'], permissions } as unknown as Me);
  qc.setQueryData(codeBookQuery('countries').queryKey, [entry('CO', 'Colombia'), entry('RU', 'Russia')]);
  return renderRoutes([{ path: '/registers', element: <RegistersPage /> }], path, qc);
}

const query = (s: URLSearchParams | undefined) => Object.fromEntries(s ?? []);

describe('the persons register', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('searches with the text and filters of the address, and says what the search box takes', async () => {
    const searches = api();
    setup('/registers?register=persons&q=ab%20123&nationality=CO&birth_year=1984');
    const search = screen.getByRole('searchbox', { name: 'Search by name, document number, phone or e-mail' });
    expect(search).toHaveValue('ab 123');
    expect(search).toHaveAccessibleDescription(/identity document, a phone number .* or an e-mail address/);
    expect(await screen.findByRole('link', { name: 'PETROV Ivan' })).toHaveAttribute('href', '/registers/persons/p1');
    expect(query(searches[0])).toEqual({ q: 'ab 123', nationality: 'CO', birth_year: '1984', limit: '50' });
    const filters = screen.getByRole('group', { name: 'Filters' });
    expect(within(filters).getByRole('combobox', { name: 'Nationality' })).toHaveValue('Colombia');
    expect(within(filters).getByRole('textbox', { name: 'Year of birth' })).toHaveValue('1984');
  });

  it('keeps a new search and filters in the address, so it can be shared or reloaded', async () => {
    const searches = api();
    const { router } = setup('/registers?register=persons');
    await userEvent.type(screen.getByRole('searchbox'), 'ivan@example.org');
    await waitFor(() => expect(router.state.location.search).toContain('q=ivan%40example.org'));

    const year = screen.getByRole('textbox', { name: 'Year of birth' });
    await userEvent.type(year, '19');
    expect(await screen.findByText('A year, e.g. 1985.')).toBeInTheDocument();
    expect(router.state.location.search).not.toContain('birth_year');
    await userEvent.type(year, '84');
    await waitFor(() => expect(router.state.location.search).toContain('birth_year=1984'));

    await userEvent.click(screen.getByRole('combobox', { name: 'Nationality' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Russia' }));
    await waitFor(() => expect(router.state.location.search).toContain('nationality=RU'));
    await waitFor(() => expect(query(searches.at(-1))).toEqual({ q: 'ivan@example.org', nationality: 'RU', birth_year: '1984', limit: '50' }));

    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).has('nationality')).toBe(false));
    expect(new URLSearchParams(router.state.location.search).has('birth_year')).toBe(false);
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('ivan@example.org');
    expect(year).toHaveValue('');
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
});
