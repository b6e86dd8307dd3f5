import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { meQuery } from '@/api/queries/me';
import type { CaseSummary, Me } from '@/api/types';
import type { InvestigationSummary, WorkItem } from '@/features/investigations/api/types';
import { renderRoutes } from '@/test/render';
import { HomePage } from './HomePage';

const PERMS = {
  officer: ['units.read', 'codelists.read', 'seizures.read', 'seizures.write', 'registers.read', 'registers.write'],
  supervisor: ['units.read', 'codelists.read', 'users.read', 'seizures.read', 'seizures.write', 'seizures.validate', 'registers.read', 'registers.write', 'investigations.open', 'investigations.work'],
  investigator: ['units.read', 'codelists.read', 'seizures.read', 'registers.read', 'investigations.open', 'investigations.work'],
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

const work = (id: string, title: string, overdue: boolean, assignee: string | null = null): WorkItem => ({
  id,
  title,
  status: 'open',
  due_date: overdue ? '2026-02-01' : '2026-12-01',
  overdue,
  assignee: assignee ? { id: 'u9', name: assignee } : null,
  investigation_id: `inv-${id}`,
  reference: `INV-2026-${id}`,
  investigation_title: `Investigation of ${title}`,
  updated_at: '2026-03-01T10:00:00Z',
});

const investigation = (id: string, status: InvestigationSummary['status'], updated: string): InvestigationSummary => ({
  id,
  reference: `INV-2026-${id}`,
  title: `Investigation ${id}`,
  status,
  priority: 'medium',
  due_date: null,
  overdue: false,
  lead: null,
  open_tasks: 1,
  unit: { id: 'unit-1', name: 'Le Havre port' },
  updated_at: updated,
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
      if (url.pathname === '/api/v1/investigation-tasks') {
        const items =
          url.searchParams.get('scope') === 'unit'
            ? [work('u1', 'Seize the ledger', true, 'Ivan Investigator')]
            : [work('t1', 'Hear the driver', true), work('t2', 'Trace the payment', false)];
        return json({ items, next_cursor: null });
      }
      if (url.pathname === '/api/v1/investigations') {
        // led: one open, one closed (left out); on the team of: the open one again, and another
        const items = url.searchParams.has('lead_id')
          ? [investigation('i1', 'in_progress', '2026-03-01T10:00:00Z'), investigation('i0', 'closed', '2026-03-05T10:00:00Z')]
          : [investigation('i1', 'in_progress', '2026-03-01T10:00:00Z'), investigation('i2', 'assigned', '2026-03-02T10:00:00Z')];
        return json({ items, next_cursor: null });
      }
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
  const queriesOf = (path: string) => requests.filter((u) => u.pathname === path).map((u) => Object.fromEntries(u.searchParams));
  return { requests, seizureQueries, queriesOf };
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

  it('shows whoever works on investigations their open tasks and investigations, the overdue highlighted', async () => {
    const { queriesOf } = setup('investigator');
    const block = await screen.findByTestId('home-my-tasks');
    expect(within(block).getByRole('heading', { name: 'My tasks' })).toBeInTheDocument();
    const table = await within(block).findByTestId('home-my-tasks-table');
    const rows = within(table).getAllByTestId('work-row');
    expect(rows.map((r) => r.getAttribute('data-task'))).toEqual(['t1', 't2']);
    expect(within(rows[0] as HTMLElement).getByText('Hear the driver')).toBeInTheDocument();
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: 'INV-2026-t1' })).toHaveAttribute('href', '/investigations/inv-t1?tab=tasks');
    expect(within(rows[0] as HTMLElement).getByTestId('work-due')).toHaveAttribute('data-overdue', 'true');
    expect(within(rows[0] as HTMLElement).getByTestId('overdue')).toHaveTextContent('Overdue');
    expect(within(rows[1] as HTMLElement).queryByTestId('overdue')).not.toBeInTheDocument();
    expect(queriesOf('/api/v1/investigation-tasks')).toEqual([{ scope: 'mine', limit: '10' }]);

    // the open investigations led or on the team of, once each, most recently active first
    const mine = await screen.findByTestId('home-my-investigations-table');
    expect(within(mine).getAllByTestId('my-investigation-row').map((r) => r.getAttribute('data-reference'))).toEqual(['INV-2026-i2', 'INV-2026-i1']);
    expect(within(mine).getByRole('link', { name: 'INV-2026-i1' })).toHaveAttribute('href', '/investigations/i1');
    expect(queriesOf('/api/v1/investigations')).toEqual(
      expect.arrayContaining([
        { lead_id: 'u1', limit: '50' },
        { member_id: 'u1', limit: '50' },
      ]),
    );
    // not a supervisor: no unit-wide view
    expect(screen.queryByTestId('home-unit-overdue')).not.toBeInTheDocument();
  });

  it('shows a supervisor the overdue tasks of their unit', async () => {
    const { queriesOf } = setup('supervisor');
    const block = await screen.findByTestId('home-unit-overdue');
    const table = await within(block).findByTestId('home-unit-overdue-table');
    expect(within(table).getByText('Seize the ledger')).toBeInTheDocument();
    expect(within(table).getByText('Ivan Investigator')).toBeInTheDocument();
    expect(queriesOf('/api/v1/investigation-tasks')).toContainEqual({ scope: 'unit', overdue: 'true', limit: '10' });
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
