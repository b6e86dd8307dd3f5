import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { meQuery } from '@/api/queries/me';
import type { AuditEvent, Me } from '@/api/types';
import { session } from '@/lib/session';
import { renderRoutes } from '@/test/render';
import { AuditPage } from './AuditPage';

const AUDITOR = ['units.read', 'codelists.read', 'users.read', 'audit.read', 'seizures.read', 'registers.read'];

const OFFICER_ID = '0193a000-0000-7000-8000-000000000001';
const CASE_ID = '0193a000-0000-7000-8000-0000000000c1';
const GONE_USER = '0193a000-0000-7000-8000-00000000dead';
const THREAD_ID = '0193a000-0000-7000-8000-0000000000f1';
const UNIT_A = '0193a000-0000-7000-8000-0000000000a1';
const UNIT_B = '0193a000-0000-7000-8000-0000000000b2';

const base = {
  ip: '10.0.0.7',
  request_id: 'req-1',
  outcome: 'success',
  object_type: null,
  object_id: null,
  object_label: null,
  actor_id: OFFICER_ID,
  actor_username: 'jdoe',
  actor_name: 'Jane Doe',
  details: {},
};
const ev = (id: number, action: string, extra: Partial<AuditEvent> = {}): AuditEvent =>
  ({ ...base, id, action, occurred_at: `2026-03-01T08:${String(id).padStart(2, '0')}:00Z`, ...extra }) as AuditEvent;

const EVENTS: AuditEvent[] = [
  ev(9, 'alert.bulk_read', { details: { records: 240, window_secs: 600, threshold: 200 } }),
  ev(8, 'quantum.leap'),
  ev(7, 'auth.login', { actor_id: null, actor_username: 'mallory', actor_name: null, outcome: 'failure' }),
  ev(6, 'thread.read', { object_type: 'thread', object_id: THREAD_ID, object_label: 'Container MSCU 123' }),
  ev(5, 'user.update', {
    actor_username: 'admin',
    actor_name: 'Administrator',
    object_type: 'user',
    object_id: GONE_USER,
    details: {
      changes: {
        display_name: { old: 'Jane Doe', new: 'Jane Smith' },
        disabled: { old: false, new: true },
        unit_id: { old: UNIT_A, new: UNIT_B },
      },
    },
  }),
  ev(4, 'seizure.return', {
    actor_username: 'sup',
    actor_name: 'Sam Super',
    object_type: 'seizure',
    object_id: CASE_ID,
    object_label: 'FR-2026-000123',
    details: { from: 'submitted', to: 'draft', reason: 'Seal number wrong' },
  }),
  ev(3, 'seizure.create', { object_type: 'seizure', object_id: CASE_ID, object_label: 'FR-2026-000123', details: { reference: 'FR-2026-000123' } }),
];

const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };

function setup(path = '/audit', permissions: string[] = AUDITOR) {
  const requests: { url: URL; auth: string | null }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url);
      requests.push({ url, auth: req.headers.get('Authorization') });
      const json = (body: unknown, status = 200, type = 'application/json') =>
        new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
      if (url.pathname === '/api/v1/audit') {
        const action = url.searchParams.get('action');
        return json({ items: action ? EVENTS.filter((e) => e.action === action) : EVENTS, next_cursor: null });
      }
      if (url.pathname === '/api/v1/units') {
        return json({ items: [{ id: UNIT_A, name: 'Le Havre port' }, { id: UNIT_B, name: 'Marseille port' }] });
      }
      if (url.pathname === '/api/v1/audit/actions') return json({ items: ['auth.login', 'seizure.create', 'seizure.return', 'alert.bulk_read'] });
      if (url.pathname === '/api/v1/users') {
        const q = (url.searchParams.get('q') ?? '').toLowerCase();
        const users = [{ id: 'u9', username: 'jdupont', display_name: 'Jeanne Dupont' }].filter(
          (u) => u.username.includes(q) || u.display_name.toLowerCase().includes(q),
        );
        return json({ items: users, next_cursor: null });
      }
      if (url.pathname === '/api/v1/audit/export/csv') {
        return new Response('id,action\n3,seizure.create\n', {
          status: 200,
          headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="audit-20260301-0900.csv"' },
        });
      }
      if (url.pathname === '/api/v1/audit/export/xlsx') {
        return json(
          {
            type: 'about:blank',
            title: 'Validation failed',
            status: 422,
            code: 'validation_failed',
            detail: 'more than 10000 events match: narrow the filters',
            errors: [{ field: 'limit', code: 'too_many_rows', message: 'more than 10000 events match: narrow the filters' }],
          },
          422,
          'application/problem+json',
        );
      }
      return new Response(null, { status: 404 });
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  client.setQueryData(meQuery.queryKey, { id: 'me', username: 'auditor', roles: ['auditor'], permissions } as unknown as Me);
  const view = renderRoutes([{ path: '/audit', element: <AuditPage /> }], path, client);
  const auditQueries = () => requests.filter((r) => r.url.pathname === '/api/v1/audit').map((r) => Object.fromEntries(r.url.searchParams));
  return { ...view, requests, auditQueries };
}

function row(action: string): HTMLElement {
  const r = screen.getByTestId('audit-table').querySelector<HTMLElement>(`tr[data-action="${action}"]`);
  if (!r) throw new Error(`no row for ${action}`);
  return r;
}

describe('AuditPage', { timeout: 60_000 }, () => {
  beforeAll(() => {
    // a loaded machine renders a page of events slowly
    configure({ asyncUtilTimeout: 10_000 });
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: vi.fn(() => 'blob:export') });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: vi.fn() });
  });
  afterAll(() => {
    configure({ asyncUtilTimeout: 1_000 });
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: original.create });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: original.revoke });
  });
  beforeEach(() => session.signedIn('tok-aud', 900));
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    session.reset();
  });

  it('shows actors and objects by name and reference, linked to their pages, never a bare id', async () => {
    setup();
    const table = await screen.findByTestId('audit-table');

    const created = row('seizure.create');
    expect(within(created).getByRole('link', { name: 'Jane Doe' })).toHaveAttribute('href', `/admin/users/${OFFICER_ID}`);
    expect(within(created).getByText('jdoe')).toBeInTheDocument();
    expect(within(created).getByText('Case recorded')).toBeInTheDocument();
    expect(within(created).getByRole('link', { name: 'FR-2026-000123' })).toHaveAttribute('href', `/seizures/${CASE_ID}`);
    expect(within(created).getByText('Case')).toBeInTheDocument();

    // a thread by its subject
    expect(within(row('thread.read')).getByRole('link', { name: 'Container MSCU 123' })).toHaveAttribute('href', `/messages/${THREAD_ID}`);
    // a record the server no longer finds
    expect(within(row('user.update')).getByTestId('audit-object-deleted')).toHaveTextContent('deleted record (0193a000…)');
    // a failed sign-in under the name that was typed; no account to link
    const login = row('auth.login');
    expect(within(login).getByText('mallory')).toBeInTheDocument();
    expect(within(login).queryByRole('link')).toBeNull();
    expect(within(login).getByText('failure')).toBeInTheDocument();
    // an action the app does not know yet shows its code
    expect(within(row('quantum.leap')).getByTestId('audit-action')).toHaveTextContent('quantum.leap');

    for (const id of [OFFICER_ID, CASE_ID, GONE_USER, THREAD_ID]) expect(table).not.toHaveTextContent(id);
  });

  it('highlights read-volume alerts and explains their counts', async () => {
    setup();
    await screen.findByTestId('audit-table');
    const alert = row('alert.bulk_read');
    expect(alert).toHaveAttribute('data-alert', 'bulk_read');
    expect(within(alert).getByTestId('bulk-read-icon')).toBeInTheDocument();
    expect(within(alert).getByText('Read-volume alert')).toBeInTheDocument();
    expect(row('seizure.create')).not.toHaveAttribute('data-alert');

    await userEvent.click(within(alert).getByRole('button', { name: 'Show' }));
    expect(await screen.findByTestId('bulk-read-summary')).toHaveTextContent(
      '240 records of personal data read within 10 minutes (alert threshold: 200).',
    );
  });

  it('lists only the read-volume alerts in their view, in the URL', async () => {
    const { router, auditQueries } = setup();
    await screen.findByTestId('audit-table');
    await userEvent.click(screen.getByText('Read-volume alerts'));
    await waitFor(() => expect(router.state.location.search).toBe('?action=alert.bulk_read'));
    await waitFor(() => expect(auditQueries()).toContainEqual({ action: 'alert.bulk_read', limit: '50' }));
    expect(await screen.findByTestId('bulk-read-help')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('audit-table').querySelectorAll('tbody tr[data-action]')).toHaveLength(1));
  });

  it('expands a change into a before → after table, the raw JSON only on request', async () => {
    setup();
    await screen.findByTestId('audit-table');
    await userEvent.click(within(row('user.update')).getByRole('button', { name: 'Show' }));
    const details = await screen.findByTestId('audit-details');
    const changes = within(details).getAllByTestId('history-change');
    expect(changes.map((c) => c.getAttribute('data-field'))).toEqual(['display_name', 'disabled', 'unit_id']);
    expect(within(changes[0]!).getByRole('rowheader')).toHaveTextContent('Full name');
    expect(within(changes[0]!).getByTestId('history-old')).toHaveTextContent('Jane Doe');
    expect(within(changes[0]!).getByTestId('history-new')).toHaveTextContent('Jane Smith');
    expect(within(changes[1]!).getByTestId('history-old')).toHaveTextContent('No');
    expect(within(changes[1]!).getByTestId('history-new')).toHaveTextContent('Yes');
    // units by name, not by id
    expect(within(changes[2]!).getByRole('rowheader')).toHaveTextContent('Unit');
    await waitFor(() => expect(within(changes[2]!).getByTestId('history-old')).toHaveTextContent('Le Havre port'));
    expect(within(changes[2]!).getByTestId('history-new')).toHaveTextContent('Marseille port');
    expect(details.querySelector('pre')).toBeNull();

    await userEvent.click(within(details).getByRole('button', { name: 'Technical details' }));
    expect(within(details).getByTestId('audit-technical')).toHaveTextContent('"display_name"');
  });

  it('shows a case’s status change in words with the reason', async () => {
    setup();
    await screen.findByTestId('audit-table');
    await userEvent.click(within(row('seizure.return')).getByRole('button', { name: 'Show' }));
    const details = await screen.findByTestId('audit-details');
    const [status] = within(details).getAllByTestId('history-change');
    expect(within(status!).getByRole('rowheader')).toHaveTextContent('Status');
    expect(within(status!).getByTestId('history-old')).toHaveTextContent('Submitted');
    expect(within(status!).getByTestId('history-new')).toHaveTextContent('Draft');
    expect(within(details).getByTestId('audit-text-reason')).toHaveTextContent('ReasonSeal number wrong');
  });

  it('filters by a picked action, in the URL, and exports the filtered view', async () => {
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const { router, auditQueries, requests } = setup();
    await screen.findByTestId('audit-table');

    const filters = screen.getByTestId('audit-filters');
    await userEvent.click(within(filters).getByLabelText('Action', { selector: 'input' }));
    await userEvent.type(within(filters).getByLabelText('Action', { selector: 'input' }), 'sent back');
    await userEvent.click(await screen.findByRole('option', { name: 'Case sent back for correction' }));
    await userEvent.click(within(filters).getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(router.state.location.search).toBe('?action=seizure.return'));
    await waitFor(() => expect(auditQueries()).toContainEqual({ action: 'seizure.return', limit: '50' }));

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saved).toEqual(['audit-20260301-0900.csv']));
    const exported = requests.find((r) => r.url.pathname === '/api/v1/audit/export/csv');
    expect(exported?.auth).toBe('Bearer tok-aud');
    expect(Object.fromEntries(exported!.url.searchParams)).toEqual({ action: 'seizure.return' });
  });

  it('offers "all actions of a kind" and reads filters from a shared link', async () => {
    const { auditQueries } = setup('/audit?action=seizure.&outcome=denied');
    await waitFor(() => expect(auditQueries()).toContainEqual({ action: 'seizure.', outcome: 'denied', limit: '50' }));
    const filters = screen.getByTestId('audit-filters');
    expect(within(filters).getByLabelText('Action', { selector: 'input' })).toHaveValue('Cases: all actions');
    expect(within(filters).getByLabelText('Outcome', { selector: 'input' })).toHaveValue('denied');
  });

  it('tells the auditor to narrow the filters when the export is refused as too large', async () => {
    setup();
    await screen.findByTestId('audit-table');
    await userEvent.click(screen.getByRole('button', { name: 'Export XLSX' }));
    expect(await screen.findByTestId('audit-export-error')).toHaveTextContent('Too many events match to export them at once: narrow the filters');
  });

  it('suggests accounts by name in the actor picker and filters on the username picked', async () => {
    const { router, requests } = setup();
    await screen.findByTestId('audit-table');
    // no account lookup until the picker is used
    expect(requests.some((r) => r.url.pathname === '/api/v1/users')).toBe(false);
    const actor = within(screen.getByTestId('audit-filters')).getByLabelText('Actor', { selector: 'input' });
    await userEvent.type(actor, 'dupont');
    await userEvent.click(await screen.findByRole('option', { name: /Jeanne Dupont/ }));
    expect(actor).toHaveValue('jdupont');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(router.state.location.search).toBe('?actor=jdupont'));
  });

  it('suggests the actors seen when the reader may not list accounts', async () => {
    const { requests } = setup('/audit', AUDITOR.filter((p) => p !== 'users.read'));
    await screen.findByTestId('audit-table');
    // nor link to account pages
    expect(within(row('seizure.create')).queryByRole('link', { name: 'Jane Doe' })).toBeNull();
    const actor = within(screen.getByTestId('audit-filters')).getByLabelText('Actor', { selector: 'input' });
    await userEvent.type(actor, 'mal');
    expect(await screen.findByRole('option', { name: 'mallory' })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /Jane Doe/ })).toBeNull();
    expect(requests.some((r) => r.url.pathname === '/api/v1/users')).toBe(false);
  });
});
