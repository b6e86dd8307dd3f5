import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { meQuery } from '@/api/queries/me';
import type { Me } from '@/api/types';
import { renderRoutes } from '@/test/render';
import type { InvestigationSummary } from '../api/types';
import { ID, investigation, journalEntry, task } from '../test/fixtures';
import { InvestigationDetailPage } from './InvestigationDetailPage';
import { InvestigationNewPage } from './InvestigationFormPages';
import { InvestigationsPage } from './InvestigationsPage';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });
const problem = (status: number, body: object) => json({ type: 'about:blank', title: 'Problem', status, ...body }, status);

const CASE = '0190a5e2-7c1b-7d3e-8f00-0000000000c1';
const PERSON = '0190a5e2-7c1b-7d3e-8f00-0000000000b1';

function setup(
  routes: Parameters<typeof renderRoutes>[0],
  path: string,
  handler: (req: Request, url: URL) => Response | Promise<Response>,
  me: Partial<Me> = { id: 'sup', permissions: ['investigations.work', 'investigations.open', 'users.read'], roles: ['supervisor'] },
) {
  const requests: Request[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      requests.push(req.clone());
      const url = new URL(req.url);
      if (url.pathname.startsWith('/api/v1/codelists/')) return json({ name: 'x', entries: [] });
      return handler(req, url);
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  client.setQueryData(meQuery.queryKey, me as Me);
  const { router } = renderRoutes(routes, path, client);
  return { requests, router };
}

beforeAll(() => {
  // jsdom has no FontFaceSet; Mantine's autosize textarea listens to it
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
});
afterEach(() => vi.unstubAllGlobals());

const summary: InvestigationSummary = {
  id: ID,
  reference: 'FR-INV-2026-000012',
  title: 'Cocaine courier network via CDG',
  status: 'in_progress',
  priority: 'high',
  lead: { id: 'lena', name: 'Lena Moreau' },
  unit: { id: 'unit-1', name: 'DNRED Paris' },
  due_date: '2026-12-01',
  overdue: true,
  open_tasks: 3,
  updated_at: '2026-11-20T09:00:00Z',
};

describe('the investigation list', () => {
  it('sends the filters of the address, “mine” as the user’s id, and marks what is overdue', async () => {
    const { requests } = setup([{ path: '/investigations', element: <InvestigationsPage /> }], '/investigations?mine=lead&overdue=1&status=in_progress', (_req, url) =>
      url.pathname === '/api/v1/investigations' ? json({ items: [summary], next_cursor: 'next' }) : new Response(null, { status: 404 }),
    );
    const row = await screen.findByTestId('investigation-row');
    expect(row).toHaveTextContent('FR-INV-2026-000012');
    expect(row).toHaveTextContent('Lena Moreau');
    expect(within(row).getByTestId('overdue')).toHaveTextContent('Overdue');
    expect(within(row).getByRole('link', { name: 'FR-INV-2026-000012' })).toHaveAttribute('href', `/investigations/${ID}`);
    const list = requests.find((r) => new URL(r.url).pathname === '/api/v1/investigations');
    const q = new URL(list!.url).searchParams;
    expect(q.get('lead_id')).toBe('sup');
    expect(q.get('overdue')).toBe('true');
    expect(q.get('status')).toBe('in_progress');
    expect(screen.getByTestId('investigation-create')).toHaveAttribute('href', '/investigations/new');
    expect(screen.getByTestId('load-more')).toBeInTheDocument();
  });

  it('offers no opening to whoever may only work on investigations', async () => {
    setup([{ path: '/investigations', element: <InvestigationsPage /> }], '/investigations', () => json({ items: [], next_cursor: null }), {
      id: 'off',
      permissions: ['investigations.work'],
      roles: ['officer'],
    });
    expect(await screen.findByText('No investigation yet.')).toBeInTheDocument();
    expect(screen.queryByTestId('investigation-create')).not.toBeInTheDocument();
  });
});

describe('the investigation page', () => {
  const routes = [{ path: '/investigations/:id', element: <InvestigationDetailPage /> }];

  it('moves it with a reason and the version seen, and reloads it when it changed meanwhile', async () => {
    const user = userEvent.setup();
    let reads = 0;
    const { requests } = setup(routes, `/investigations/${ID}`, (req, url) => {
      if (url.pathname === `/api/v1/investigations/${ID}` && req.method === 'GET') {
        reads += 1;
        return json(reads === 1 ? investigation : { ...investigation, version: 8 });
      }
      if (url.pathname === `/api/v1/investigations/${ID}/transitions`) {
        return req.headers.get('If-Match') === '"7"'
          ? problem(412, { code: 'precondition_failed' })
          : json({ ...investigation, version: 9, status: 'in_progress', next_statuses: ['under_review', 'suspended', 'closed'] });
      }
      return new Response(null, { status: 404 });
    });
    expect(await screen.findByTestId('investigation-reference')).toHaveTextContent('FR-INV-2026-000012');
    expect(screen.getByTestId('investigation-lead')).toHaveTextContent('Lena Moreau');
    expect(screen.getByTestId('investigation-status')).toHaveTextContent('Assigned');
    expect(screen.getByTestId('transition-suspended')).toHaveTextContent('Suspend');
    expect(screen.getByTestId('transition-closed')).toHaveTextContent('Close');

    await user.click(screen.getByTestId('transition-in_progress'));
    const dialog = await screen.findByTestId('transition-dialog');
    await user.click(within(dialog).getByTestId('transition-submit'));
    expect(await within(dialog).findByText('Required')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Lead took it up');
    await user.click(within(dialog).getByTestId('transition-submit'));
    expect(await within(dialog).findByTestId('transition-stale')).toHaveTextContent('it has been reloaded');
    await waitFor(() => expect(reads).toBe(2));

    await user.click(within(dialog).getByTestId('transition-submit'));
    await waitFor(() => expect(screen.getByTestId('investigation-status')).toHaveTextContent('In progress'));
    const sent = requests.filter((r) => r.url.endsWith('/transitions'));
    expect(sent.map((r) => r.headers.get('If-Match'))).toEqual(['"7"', '"8"']);
    expect(await sent[1]!.json()).toEqual({ to: 'in_progress', reason: 'Lead took it up', outcome: null });
  });

  it('asks the outcome to close, and says a refusal reserved to someone else', async () => {
    const user = userEvent.setup();
    setup(routes, `/investigations/${ID}`, (req, url) => {
      if (url.pathname === `/api/v1/investigations/${ID}` && req.method === 'GET') return json(investigation);
      if (url.pathname.endsWith('/transitions')) return problem(403, { code: 'investigation_role', detail: 'reserved' });
      return new Response(null, { status: 404 });
    });
    await user.click(await screen.findByTestId('transition-closed'));
    const dialog = await screen.findByTestId('transition-dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Done');
    await user.click(within(dialog).getByTestId('transition-submit'));
    expect(await within(dialog).findByText('Required')).toBeInTheDocument();
    await user.click(within(dialog).getByTestId('transition-outcome'));
    await user.click(await screen.findByRole('option', { name: 'Prosecution' }));
    await user.click(within(dialog).getByTestId('transition-submit'));
    expect(await within(dialog).findByTestId('investigation-refusal')).toHaveTextContent('Only the lead investigator or a supervisor of its unit may do this.');
  });

  it('moves a task on the board with the task’s version, and shows the team', async () => {
    const user = userEvent.setup();
    const t1 = task('t1', { title: 'Interview the courier', assignee: { id: 'paul', name: 'Paul Durand' }, due_date: '2026-11-10', overdue: true, checklist: [{ text: 'Book a room', done: true }, { text: 'Interpreter' }], version: 3 });
    const { requests } = setup(routes, `/investigations/${ID}?tab=tasks`, (req, url) => {
      if (url.pathname === `/api/v1/investigations/${ID}`) return json(investigation);
      if (url.pathname === `/api/v1/investigations/${ID}/tasks`) return json({ items: [t1, task('t2', { status: 'done' })] });
      if (url.pathname === `/api/v1/investigations/${ID}/tasks/t1` && req.method === 'PATCH') return json({ ...t1, status: 'in_progress', version: 4 });
      return new Response(null, { status: 404 });
    });
    const board = await screen.findByTestId('task-board');
    const columns = within(board).getAllByTestId('task-column');
    expect(columns.map((c) => c.dataset.status)).toEqual(['open', 'in_progress', 'done', 'cancelled']);
    const card = within(columns[0]!).getByTestId('task-card');
    expect(card).toHaveTextContent('Paul Durand');
    expect(within(card).getByTestId('task-progress')).toHaveTextContent('1/2 ticked');
    expect(within(card).getByTestId('task-due')).toHaveAttribute('data-overdue', 'true');

    await user.click(within(card).getByTestId('task-open'));
    const dialog = await screen.findByTestId('task-dialog');
    await user.click(within(dialog).getByTestId('task-status'));
    await user.click(await screen.findByRole('option', { name: 'In progress' }));
    await user.click(within(dialog).getByTestId('task-save'));
    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = requests.find((r) => r.method === 'PATCH')!;
    expect(patch.headers.get('If-Match')).toBe('"3"');
    expect(await patch.json()).toEqual({ status: 'in_progress' });

    await user.click(screen.getByTestId('tab-overview'));
    const team = await screen.findByTestId('investigation-team');
    expect(within(team).getAllByTestId('team-member').map((m) => m.textContent)).toEqual([expect.stringContaining('Paul Durand'), expect.stringContaining('Roissy Fret')]);
    expect(within(team).getAllByRole('button', { name: /Remove .* from the team/ })).toHaveLength(2);
  });

  it('shows the journal in order, with its corrections, append-only', async () => {
    const member = { ...investigation, standing: 'member' as const, next_statuses: [] };
    setup(
      routes,
      `/investigations/${ID}?tab=journal`,
      (_req, url) => {
        if (url.pathname === `/api/v1/investigations/${ID}`) return json(member);
        if (url.pathname === `/api/v1/investigations/${ID}/journal`)
          return json({
            items: [
              journalEntry('j1', 1, { body: 'Two phones.\nSame SIM.', corrected_by: ['j2'] }),
              journalEntry('j2', 2, { kind: 'note', body: 'Three phones.', occurred_at: '2026-11-04T10:00:00Z', created_at: '2026-11-04T11:00:00Z', corrects_id: 'j1' }),
            ],
            next_cursor: null,
          });
        return new Response(null, { status: 404 });
      },
      { id: 'paul', permissions: ['investigations.work'], roles: ['officer'] },
    );
    const entries = await screen.findAllByTestId('journal-entry');
    expect(entries.map((e) => e.dataset.seq)).toEqual(['1', '2']);
    expect(within(entries[0]!).getByTestId('journal-body-text').textContent).toBe('Two phones.\nSame SIM.');
    expect(within(entries[0]!).getByTestId('journal-corrected-by')).toHaveTextContent('Corrected by #2');
    expect(within(entries[1]!).getByTestId('journal-corrects')).toHaveTextContent('Corrects #1');
    expect(within(entries[0]!).getByRole('button', { name: 'Correct entry 1' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /delete|edit/i })).not.toBeInTheDocument();
    expect(screen.queryByTestId('transitions')).not.toBeInTheDocument();
  });
});

describe('opening an investigation', () => {
  it('starts from the records in the address, and shows the server’s error at the link it concerns', async () => {
    const user = userEvent.setup();
    let posts = 0;
    const { requests, router } = setup(
      [
        { path: '/investigations/new', element: <InvestigationNewPage /> },
        { path: '/investigations/:id', element: <p>investigation page</p> },
      ],
      `/investigations/new?case_id=${CASE}&person_id=${PERSON}`,
      (req, url) => {
        if (url.pathname === `/api/v1/seizures/${CASE}`) return json({ id: CASE, reference: 'FR-2026-000123' });
        if (url.pathname === `/api/v1/persons/${PERSON}`) return problem(404, { code: 'not_found' });
        if (url.pathname === '/api/v1/investigations' && req.method === 'POST') {
          posts += 1;
          return posts === 1
            ? problem(422, { code: 'validation_failed', errors: [{ field: 'links[1].target_id', code: 'not_found', message: 'no such record that you may see' }] })
            : json({ ...investigation, status: 'opened' }, 201);
        }
        return new Response(null, { status: 404 });
      },
      { id: 'inv', permissions: ['investigations.work', 'investigations.open'], roles: ['investigator'] },
    );
    const chips = await screen.findAllByTestId('prefilled-link');
    expect(chips.map((c) => c.dataset.kind)).toEqual(['case', 'person']);
    expect(await within(chips[0]!).findByText('FR-2026-000123')).toBeInTheDocument();
    expect(screen.queryByTestId('lead-picker')).not.toBeInTheDocument();

    await user.type(screen.getByTestId('investigation-title'), 'Couriers');
    await user.type(screen.getByTestId('investigation-legal-basis'), 'Art. 414');
    await user.click(screen.getByTestId('investigation-submit'));
    expect(await screen.findByText('No such record that you may see.')).toBeInTheDocument();
    expect(screen.getAllByTestId('prefilled-link')[1]).toHaveAttribute('aria-invalid', 'true');
    const first = await requests.find((r) => r.method === 'POST')!.json();
    expect(first.links).toEqual([
      { target_kind: 'case', target_id: CASE, role: 'origin', note: null },
      { target_kind: 'person', target_id: PERSON, role: 'suspect', note: null },
    ]);
    expect(first.lead_id).toBeNull();

    await user.click(within(screen.getAllByTestId('prefilled-link')[1]!).getByRole('button', { name: /Remove Person/ }));
    await user.click(screen.getByTestId('investigation-submit'));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/investigations/${ID}`));
    const second = await requests.filter((r) => r.method === 'POST')[1]!.json();
    expect(second.links).toHaveLength(1);
  });
});
