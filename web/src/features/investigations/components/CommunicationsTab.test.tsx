import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { meQuery } from '@/api/queries/me';
import type { Me } from '@/api/types';
import { renderRoutes } from '@/test/render';
import type { InvestigationThread } from '../api/types';
import { InvestigationDetailPage } from '../routes/InvestigationDetailPage';
import { ID, investigation } from '../test/fixtures';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });

function thread(id: string, over: Partial<InvestigationThread> = {}): InvestigationThread {
  return {
    id,
    subject: `Thread ${id}`,
    kind: 'general',
    investigation_id: ID,
    case_id: null,
    urgent: false,
    handling: null,
    created_by: 'lena',
    created_by_name: 'Lena Moreau',
    created_at: '2026-11-02T09:00:00Z',
    last_message_at: '2026-11-20T09:00:00Z',
    unread: 0,
    replies_to: null,
    feedback_due: null,
    outcome: null,
    overdue: false,
    answer_id: null,
    answered_at: null,
    answered_by: null,
    member: true,
    ...over,
  };
}

const THREADS = [
  thread('t1', { unread: 2 }),
  thread('r1', { kind: 'request', subject: 'Who owns the truck?', feedback_due: '2026-11-10T09:00:00Z', overdue: true }),
  thread('r2', { kind: 'request', subject: 'Phone records', feedback_due: '2026-11-30T09:00:00Z', answer_id: 'm9', answered_at: '2026-11-21T09:00:00Z', answered_by: 'nora' }),
  thread('t2', { member: false, subject: 'Between supervisors' }),
];

function setup(onPost: (body: unknown) => Response) {
  const posted: unknown[] = [];
  let lists = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url);
      if (url.pathname.startsWith('/api/v1/codelists/')) return json({ name: 'x', entries: [] });
      if (url.pathname === `/api/v1/investigations/${ID}/threads`) {
        if (req.method === 'POST') {
          const body = await req.json();
          posted.push(body);
          return onPost(body);
        }
        lists++;
        return json({ items: THREADS });
      }
      if (url.pathname === `/api/v1/investigations/${ID}`) return json(investigation);
      return json({ status: 404, code: 'not_found', title: 'Not found' }, 404);
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  client.setQueryData(meQuery.queryKey, { id: 'sup', permissions: ['investigations.work'], roles: ['supervisor'] } as unknown as Me);
  renderRoutes([{ path: '/investigations/:id', element: <InvestigationDetailPage /> }], `/investigations/${ID}?tab=communications`, client);
  return { posted, lists: () => lists };
}

beforeAll(() => {
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
});
afterEach(() => vi.unstubAllGlobals());

describe('CommunicationsTab', () => {
  it('lists the threads with their kind, a request’s state and a link for those who take part', async () => {
    setup(() => json({}, 500));
    const table = await screen.findByTestId('communications-table');
    const rows = within(table).getAllByTestId('communication-row');
    expect(rows.map((r) => r.getAttribute('data-thread'))).toEqual(['t1', 'r1', 'r2', 't2']);
    const [t1, r1, r2, t2] = rows as HTMLElement[];
    expect(within(t1!).getByRole('link', { name: 'Thread t1' })).toHaveAttribute('href', '/messages/t1');
    expect(within(t1!).getByTestId('thread-unread')).toHaveTextContent('2');
    expect(within(r1!).getByTestId('thread-kind')).toHaveTextContent('Request');
    expect(within(r1!).getByTestId('request-state')).toHaveAttribute('data-state', 'overdue');
    expect(within(r2!).getByTestId('request-state')).toHaveAttribute('data-state', 'answered');
    expect(within(r2!).getByTestId('request-answered-at')).toHaveTextContent('Answered on');
    expect(within(t2!).queryByRole('link')).not.toBeInTheDocument();
    expect(within(t2!).getByTestId('thread-not-member')).toHaveTextContent('You do not take part');
  });

  it('asks a request for its recipients and due date before sending it', async () => {
    const { posted } = setup(() => json({}, 500));
    await userEvent.click(await screen.findByTestId('request-information'));
    const dialog = await screen.findByTestId('thread-dialog');
    await userEvent.type(within(dialog).getByTestId('thread-subject-input'), 'Who owns the truck?');
    await userEvent.type(within(dialog).getByTestId('thread-body-input'), 'Please check the registration.');
    await userEvent.click(within(dialog).getByTestId('thread-submit'));
    expect(await within(dialog).findByText('Name at least one user or unit the request is for.')).toBeInTheDocument();
    expect(within(dialog).getByText('Required')).toBeInTheDocument();
    expect(posted).toEqual([]);
  });

  it('starts a thread, shows the server’s field errors at their fields, and refreshes the list', async () => {
    let calls = 0;
    const { posted, lists } = setup(() => {
      calls++;
      if (calls === 1) return json({ status: 422, code: 'validation_failed', title: 'Invalid', errors: [{ field: 'subject', code: 'required', message: 'required' }] }, 422);
      return json({ ...THREADS[0], participants: [], messages: [], feedbacks: [] }, 201);
    });
    await userEvent.click(await screen.findByTestId('new-thread'));
    const dialog = await screen.findByTestId('thread-dialog');
    expect(within(dialog).queryByTestId('thread-due-input')).not.toBeInTheDocument();
    await userEvent.type(within(dialog).getByTestId('thread-subject-input'), 'Next steps');
    await userEvent.type(within(dialog).getByTestId('thread-body-input'), 'Meeting on Monday.');
    await userEvent.click(within(dialog).getByTestId('thread-submit'));
    expect(await within(dialog).findByText('Required')).toBeInTheDocument();
    expect(posted[0]).toEqual({ subject: 'Next steps', body: 'Meeting on Monday.', participants: [], urgent: false, request_due: null });
    const before = lists();
    await userEvent.click(within(dialog).getByTestId('thread-submit'));
    await waitFor(() => expect(screen.queryByTestId('thread-dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(lists()).toBeGreaterThan(before));
  });
});
