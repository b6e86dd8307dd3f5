import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { meQuery } from '@/api/queries/me';
import type { CaseSummary, Me } from '@/api/types';
import { renderRoutes } from '@/test/render';
import { HomePage } from './HomePage';

const PERMS = {
  officer: ['units.read', 'codelists.read', 'seizures.read', 'seizures.write', 'registers.read', 'registers.write'],
  supervisor: ['units.read', 'codelists.read', 'users.read', 'seizures.read', 'seizures.write', 'seizures.validate', 'registers.read', 'registers.write'],
  analyst: ['units.read', 'codelists.read', 'seizures.read', 'registers.read'],
  auditor: ['units.read', 'codelists.read', 'users.read', 'audit.read', 'seizures.read', 'registers.read'],
  admin: ['units.read', 'units.manage', 'codelists.read', 'codelists.manage', 'users.read', 'users.manage'],
} as const;

const summary = (id: string, reference: string, status: CaseSummary['status']): CaseSummary => ({
  id,
  reference,
  status,
  kind: 'seizure',
  detected_at: '2026-03-01T10:00:00Z',
  place: `Quay ${id}`,
  commodity_groups: ['drugs'],
  detection_methods: [],
  goods: [],
  route: [],
  reporting_unit_id: 'unit-1',
  version: 2,
});

function setup(role: keyof typeof PERMS) {
  const requests: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url);
      requests.push(url);
      const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
      if (url.pathname === '/api/v1/seizures') {
        const status = url.searchParams.get('status') as CaseSummary['status'];
        const items =
          status === 'submitted'
            ? [summary('c1', 'FR-2026-1', 'submitted'), summary('c2', 'FR-2026-2', 'submitted')]
            : status === 'draft'
              ? [summary('c3', 'FR-2026-3', 'draft')]
              : [summary('c4', 'FR-2026-4', 'validated')];
        return json({ items, next_cursor: null });
      }
      if (url.pathname === '/api/v1/threads') return json({ items: [], next_cursor: null, unread_total: 3 });
      if (url.pathname.startsWith('/api/v1/codelists/')) return json({ name: 'x', description: '', entries: [] });
      return new Response(null, { status: 404 });
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const me = {
    id: 'u1',
    username: 'someone',
    display_name: 'Some One',
    email: null,
    unit_id: 'unit-1',
    unit_name: 'Le Havre port',
    roles: [role],
    permissions: [...PERMS[role]],
    disabled: false,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    version: 1,
    country: 'FR',
    currency: 'EUR',
    office: null,
  } as Me;
  client.setQueryData(meQuery.queryKey, me);
  renderRoutes([{ path: '/', element: <HomePage /> }], '/', client);
  const seizureQueries = () => requests.filter((u) => u.pathname === '/api/v1/seizures').map((u) => Object.fromEntries(u.searchParams));
  return { requests, seizureQueries };
}

describe('HomePage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a supervisor the submitted cases of their own unit, oldest first, with a link to each', async () => {
    const { seizureQueries } = setup('supervisor');
    const queue = await screen.findByTestId('home-queue');
    expect(within(queue).getByRole('heading', { name: 'Waiting for validation' })).toBeInTheDocument();
    const table = await within(queue).findByTestId('home-queue-table');
    expect(within(table).getByRole('link', { name: 'FR-2026-1' })).toHaveAttribute('href', '/seizures/c1');
    expect(within(table).getByRole('link', { name: 'FR-2026-2' })).toHaveAttribute('href', '/seizures/c2');
    expect(seizureQueries()).toContainEqual({ status: 'submitted', unit_id: 'unit-1', order: 'asc', limit: '10' });
    expect(within(queue).getByRole('link', { name: 'All submitted cases of your unit' })).toHaveAttribute(
      'href',
      '/seizures?status=submitted&unit_id=unit-1&order=asc',
    );
    // supervisors record cases too
    expect(screen.getByTestId('home-drafts')).toBeInTheDocument();
    expect(screen.queryByTestId('home-validated')).not.toBeInTheDocument();
  });

  it('shows an officer the drafts of their unit and a way to record a case, but no queue', async () => {
    const { seizureQueries } = setup('officer');
    const drafts = await screen.findByTestId('home-drafts');
    expect(await within(drafts).findByRole('link', { name: 'FR-2026-3' })).toHaveAttribute('href', '/seizures/c3');
    expect(screen.getByRole('link', { name: 'Record a case' })).toHaveAttribute('href', '/seizures/new');
    expect(screen.queryByTestId('home-queue')).not.toBeInTheDocument();
    expect(screen.queryByTestId('home-audit')).not.toBeInTheDocument();
    expect(seizureQueries()).toEqual([{ status: 'draft', unit_id: 'unit-1', order: 'asc', limit: '10' }]);
  });

  it('shows an analyst the latest validated cases and nothing to record', async () => {
    const { seizureQueries } = setup('analyst');
    const validated = await screen.findByTestId('home-validated');
    expect(await within(validated).findByRole('link', { name: 'FR-2026-4' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Record a case' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('home-drafts')).not.toBeInTheDocument();
    expect(seizureQueries()).toEqual([{ status: 'validated', limit: '10' }]);
  });

  it('shows an auditor the audit log, and reads no case data', async () => {
    const { seizureQueries } = setup('auditor');
    const audit = await screen.findByTestId('home-audit');
    expect(within(audit).getByRole('link', { name: 'Search the events' })).toHaveAttribute('href', '/audit');
    expect(screen.queryByTestId('home-validated')).not.toBeInTheDocument();
    expect(seizureQueries()).toEqual([]);
  });

  it('shows everyone their unread messages', async () => {
    setup('admin');
    const messages = await screen.findByTestId('home-messages');
    expect(await within(messages).findByText('Unread messages: 3')).toBeInTheDocument();
    expect(within(messages).getByRole('link', { name: 'Open messages' })).toHaveAttribute('href', '/messages');
    // an administrator has no case work: the navigation leads to the administration areas
    expect(screen.queryByTestId('home-drafts')).not.toBeInTheDocument();
    expect(screen.getByText('Use the navigation to reach the areas your roles allow.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome, Some One' })).toBeInTheDocument();
  });
});
