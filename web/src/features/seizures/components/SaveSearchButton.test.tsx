import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { meQuery } from '@/api/queries/me';
import type { CodeListEntry, Me } from '@/api/types';
import i18n from '@/i18n';
import { session } from '@/lib/session';
import { renderRoutes } from '@/test/render';
import { SeizuresPage } from '../routes/SeizuresPage';

const ANALYST = ['units.read', 'codelists.read', 'seizures.read', 'registers.read'];

const entry = (code: string, en: string, extra: Partial<CodeListEntry> = {}): CodeListEntry =>
  ({ code, labels: { en, fr: en, ar: en }, attributes: {}, retired: false, sort_order: 0, ...extra }) as CodeListEntry;
const CODE_LISTS: Record<string, CodeListEntry[]> = {
  commodity_groups: [entry('drugs', 'Drugs')],
  commodity_types: [entry('cocaine', 'Cocaine', { parent_code: 'drugs' })],
  countries: [entry('EC', 'Ecuador')],
};

type Answer = { status: number; body: unknown };

function setup(path: string, answer: Answer) {
  const posts: { body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url);
      const json = (body: unknown, status = 200) =>
        new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });
      if (url.pathname === '/api/v1/seizures') return json({ items: [], next_cursor: null, total: 0, total_exact: true });
      if (url.pathname === '/api/v1/units') return json({ items: [] });
      if (url.pathname.startsWith('/api/v1/codelists/')) {
        const name = url.pathname.split('/').pop() ?? '';
        return json({ name, description: '', entries: CODE_LISTS[name] ?? [] });
      }
      if (url.pathname === '/api/v1/saved-searches' && req.method === 'POST') {
        posts.push({ body: await req.json() });
        return json(answer.body, answer.status);
      }
      return new Response(null, { status: 404 });
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  client.setQueryData(meQuery.queryKey, { id: 'me', username: 'analyst', roles: ['analyst'], permissions: ANALYST } as unknown as Me);
  renderRoutes([{ path: '/seizures', element: <SeizuresPage /> }, { path: '/searches/:id', element: <p>saved search page</p> }], path, client);
  return { posts };
}

const SAVED = {
  id: '0193a000-0000-7000-8000-00000000aa01',
  name: 'Cocaine from Ecuador',
  target: 'seizures',
  query: { commodity_type: 'cocaine', route_country: 'EC' },
  shared: true,
  active: true,
  owner_id: 'me',
  owner_name: 'Ana Analyst',
  unit_id: 'u1',
  mine: true,
  hits: 0,
  last_hit_at: null,
  version: 1,
  created_at: '2026-03-01T10:00:00Z',
  updated_at: '2026-03-01T10:00:00Z',
};

const problem = (status: number, errors: { field: string; code: string; message: string }[], detail = 'Some fields need attention.') => ({
  status,
  body: { type: 'about:blank', title: 'Validation failed', status, code: status === 409 ? 'conflict' : 'validation_failed', detail, errors },
});

async function openDialog() {
  await userEvent.click(await screen.findByRole('button', { name: 'Save this search' }));
  return screen.findByRole('dialog', { name: 'Save this search' });
}

describe('Save this search (seizure list)', { timeout: 30_000 }, () => {
  beforeEach(() => session.signedIn('tok', 900));
  afterEach(async () => {
    vi.unstubAllGlobals();
    session.reset();
    await i18n.changeLanguage('en');
  });

  it('posts the list’s filters and text, without the order, with the name and sharing', async () => {
    const { posts } = setup('/seizures?q=Quay&commodity_group=drugs&commodity_type=cocaine&route_country=EC&order=asc', { status: 201, body: SAVED });
    const dialog = await openDialog();
    // what will be saved, in words
    const summary = within(dialog).getByTestId('search-summary');
    await waitFor(() => expect(summary).toHaveTextContent('Commodity type: Cocaine'));
    expect(summary).toHaveTextContent('Free text: “Quay”');
    expect(summary).toHaveTextContent('Country on the route: Ecuador');
    // a name is required
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByText('Required')).toBeInTheDocument();
    expect(posts).toHaveLength(0);

    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Name/ }), '  Cocaine from Ecuador ');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /Share with my unit/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]!.body).toEqual({
      name: 'Cocaine from Ecuador',
      target: 'seizures',
      shared: true,
      query: { q: 'Quay', commodity_group: 'drugs', commodity_type: 'cocaine', route_country: 'EC' },
    });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Save this search' })).toBeNull());
  });

  it('shows the server’s refusals next to the name and under the filters', async () => {
    setup(
      '/seizures?commodity_type=heroin',
      problem(422, [
        { field: 'name', code: 'length', message: 'from 1 to 200 characters' },
        { field: 'query.commodity_type', code: 'unknown_code', message: 'not in commodity_types' },
      ]),
    );
    const dialog = await openDialog();
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Heroin');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('From 1 to 200 characters.')).toBeInTheDocument();
    const filters = within(dialog).getByTestId('save-search-filter-errors');
    expect(filters).toHaveTextContent('These filters cannot be saved:');
    expect(filters).toHaveTextContent('Commodity type: Not a known value.');
    expect(within(dialog).getByRole('textbox', { name: /^Name/ })).toHaveAttribute('aria-invalid', 'true');
  });

  it('says when the user has as many saved searches as allowed, and warns that no filter finds everything', async () => {
    setup('/seizures', problem(409, [], 'at most 200 saved searches each: delete one first'));
    const dialog = await openDialog();
    expect(within(dialog).getByText('Every case (no filter)')).toBeInTheDocument();
    expect(within(dialog).getByText('No filter is set: every case you may see will be a hit.')).toBeInTheDocument();
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'All');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByTestId('save-search-too-many')).toHaveTextContent('You have as many saved searches as allowed (200): delete one first.');
  });
});
