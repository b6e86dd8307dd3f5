import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { meQuery } from '@/api/queries/me';
import type { Me } from '@/api/types';
import { renderRoutes } from '@/test/render';
import type { ThreadDetail } from '../api/types';
import { ThreadPage } from './ThreadPage';

const thread: ThreadDetail = {
  id: 't1',
  subject: 'Reefer MSCU1234565',
  kind: 'warning',
  case_id: null,
  urgent: true,
  handling: 'no onward sharing',
  created_by: 'me',
  created_by_name: 'Olga Officer',
  created_at: '2026-03-01T08:00:00Z',
  last_message_at: '2026-03-01T09:00:00Z',
  unread: 1,
  replies_to: null,
  feedback_due: '2026-03-02T08:00:00Z',
  outcome: null,
  overdue: true,
  participants: [
    { user_id: 'me', unit_id: null, name: 'Olga Officer' },
    { user_id: null, unit_id: 'unit-b', name: 'Investigations North' },
  ],
  messages: [
    { id: 'm1', sender_id: 'me', sender_name: 'Olga Officer', body: 'Watch *this* one.', sent_at: '2026-03-01T08:00:00Z', read_by: ['u2', 'u3'], attachments: [] },
    {
      id: 'm2',
      sender_id: 'u2',
      sender_name: 'Ivan Investigator',
      body: 'On it.',
      sent_at: '2026-03-01T09:00:00Z',
      read_by: [],
      attachments: [
        {
          id: 'a1',
          message_id: 'm2',
          original_filename: 'manifest.pdf',
          media_type: 'application/pdf',
          size_bytes: 2048,
          sha256: 'ab',
          content_url: '/api/v1/message-attachments/a1/content',
          thumbnail_url: null,
          uploaded_by: 'u2',
          uploaded_at: '2026-03-01T09:00:00Z',
        },
      ],
    },
  ],
  warning: {
    watch: { type: 'container', description: 'Reefer with bananas', identifier: 'MSCU1234565', register_id: null },
    route: { origin: 'EC', transit: ['NL'], destination: 'FR', place: 'Le Havre' },
    expected_arrival: null,
    risk_indicators: ['new consignee', 'cash payment'],
    action_requested: 'Scan on arrival',
    feedback_due: '2026-03-02T08:00:00Z',
  },
  seizure: null,
  feedbacks: [
    {
      id: 'f1',
      subject: 'Feedback: Reefer',
      kind: 'feedback',
      urgent: false,
      created_by: 'u2',
      created_by_name: 'Ivan Investigator',
      created_at: '2026-03-01T10:00:00Z',
      last_message_at: '2026-03-01T10:00:00Z',
      unread: 0,
      replies_to: 't1',
      outcome: 'seized',
      overdue: false,
    },
  ],
};

function setup(status = 200) {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const path = new URL(req.url).pathname;
      calls.push(`${req.method} ${path}`);
      if (req.method === 'POST') return new Response(null, { status: 204 });
      if (path.startsWith('/api/v1/codelists/')) return new Response(JSON.stringify({ entries: [] }), { headers: { 'Content-Type': 'application/json' } });
      if (status !== 200)
        return new Response(JSON.stringify({ status, code: 'not_found', title: 'Not found' }), { status, headers: { 'Content-Type': 'application/problem+json' } });
      return new Response(JSON.stringify(thread), { headers: { 'Content-Type': 'application/json' } });
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(meQuery.queryKey, { id: 'me', permissions: [] } as unknown as Me);
  renderRoutes([{ path: '/messages/:id', element: <ThreadPage /> }], '/messages/t1', client);
  return calls;
}

describe('ThreadPage', () => {
  beforeAll(() => {
    if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows the warning readably with receipts and feedback, and marks the thread read', async () => {
    const calls = setup();
    expect(await screen.findByTestId('thread-subject')).toHaveTextContent('Reefer MSCU1234565');
    expect(screen.getByTestId('thread-urgent')).toHaveTextContent('Urgent');
    expect(screen.getByTestId('thread-handling')).toHaveTextContent('no onward sharing');
    expect(screen.getByTestId('warning-overdue')).toBeInTheDocument();
    expect(screen.getByTestId('warning-watch')).toHaveTextContent('Reefer with bananas');
    expect(screen.getByTestId('warning-route')).toHaveTextContent('EC → NL → FR');
    expect(screen.getByTestId('warning-action')).toHaveTextContent('Scan on arrival');
    expect(within(screen.getByTestId('participants')).getAllByRole('listitem').map((li) => li.getAttribute('data-participant'))).toEqual(['user', 'unit']);

    const messages = screen.getAllByTestId('message');
    expect(messages.map((m) => within(m).getByRole('heading').textContent)).toEqual(['You', 'Ivan Investigator']);
    expect(within(messages[0] as HTMLElement).getByText('this').tagName).toBe('STRONG');
    // u2 is named (a sender); u3 takes part through the unit and is only counted
    expect(within(messages[0] as HTMLElement).getByTestId('read-receipt')).toHaveTextContent('Read by Ivan Investigator +1');
    expect(within(messages[1] as HTMLElement).getByTestId('read-receipt')).toHaveTextContent('Not read yet');
    // a message's files under its body
    expect(within(messages[0] as HTMLElement).queryByTestId('message-attachments')).toBeNull();
    expect(within(messages[1] as HTMLElement).getByTestId('message-attachment')).toHaveTextContent(/manifest\.pdf.*PDF document · 2 kB/);
    expect(within(messages[1] as HTMLElement).getByRole('button', { name: 'Download manifest.pdf' })).toBeInTheDocument();

    expect(within(screen.getByTestId('feedbacks')).getByTestId('feedback-outcome')).toHaveTextContent('Seized');
    expect(screen.getByRole('link', { name: 'Send feedback' })).toHaveAttribute('href', '/messages/new?template=feedback&warning=t1');
    expect(screen.getByTestId('reply-form')).toBeInTheDocument();
    await waitFor(() => expect(calls).toContain('POST /api/v1/threads/t1/read'));
  });

  it('answers a thread the user does not take part in with the not-found state', async () => {
    const calls = setup(404);
    expect(await screen.findByTestId('not-found-state')).toBeInTheDocument();
    expect(calls).not.toContain('POST /api/v1/threads/t1/read');
  });
});

const request: ThreadDetail = {
  id: 'r1',
  subject: 'Who owns the truck?',
  kind: 'request',
  investigation_id: 'inv-1',
  case_id: null,
  urgent: false,
  handling: null,
  created_by: 'u2',
  created_by_name: 'Ivan Investigator',
  created_at: '2026-03-01T08:00:00Z',
  last_message_at: '2026-03-01T08:00:00Z',
  unread: 0,
  replies_to: null,
  feedback_due: '2099-03-02T08:00:00Z',
  outcome: null,
  overdue: false,
  answer_id: null,
  answered_at: null,
  answered_by: null,
  participants: [
    { user_id: 'u2', unit_id: null, name: 'Ivan Investigator' },
    { user_id: null, unit_id: 'unit-b', name: 'Investigations North' },
  ],
  messages: [{ id: 'm1', sender_id: 'u2', sender_name: 'Ivan Investigator', body: 'Who owns it?', sent_at: '2026-03-01T08:00:00Z', read_by: [], attachments: [] }],
  warning: null,
  seizure: null,
  feedbacks: [],
};

function setupRequest(thread: ThreadDetail, meId: string, reply: { status: number; body: unknown }) {
  const posted: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const path = new URL(req.url).pathname;
      const json = (body: unknown, status = 200) =>
        new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' } });
      if (req.method === 'POST' && path === `/api/v1/threads/${thread.id}/messages`) {
        posted.push(await req.json());
        return json(reply.body, reply.status);
      }
      if (req.method === 'POST') return new Response(null, { status: 204 });
      if (path.startsWith('/api/v1/codelists/')) return json({ entries: [] });
      return json(thread);
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(meQuery.queryKey, { id: meId, permissions: [] } as unknown as Me);
  renderRoutes([{ path: '/messages/:id', element: <ThreadPage /> }], `/messages/${thread.id}`, client);
  return posted;
}

describe('ThreadPage: a request for information', () => {
  beforeAll(() => {
    if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lets a recipient mark a reply as the answer, and says why the server refuses it', async () => {
    const posted = setupRequest(request, 'me', { status: 409, body: { status: 409, code: 'already_answered', title: 'Conflict' } });
    const banner = await screen.findByTestId('request-banner');
    expect(banner).toHaveAttribute('data-state', 'open');
    expect(within(banner).getByTestId('request-due')).toHaveTextContent('Answer due by');
    await userEvent.type(screen.getByRole('textbox', { name: /Your reply/ }), 'The carrier does.');
    await userEvent.click(screen.getByRole('checkbox', { name: /This message answers the request/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByTestId('answer-refused')).toHaveTextContent('This request has already been answered');
    expect(posted).toEqual([{ body: 'The carrier does.', answer: true }]);
  });

  it('offers its author no answer, and marks the answer once given', async () => {
    const answered: ThreadDetail = {
      ...request,
      answer_id: 'm2',
      answered_at: '2026-03-01T09:00:00Z',
      answered_by: 'u3',
      messages: [
        ...request.messages,
        { id: 'm2', sender_id: 'u3', sender_name: 'Nora North', body: 'The carrier.', sent_at: '2026-03-01T09:00:00Z', read_by: [], attachments: [] },
      ],
    };
    setupRequest(answered, 'u2', { status: 201, body: answered });
    const banner = await screen.findByTestId('request-banner');
    expect(banner).toHaveAttribute('data-state', 'answered');
    expect(within(banner).getByTestId('request-answered')).toHaveTextContent('Answered by Nora North');
    const messages = screen.getAllByTestId('message');
    expect(within(messages[1] as HTMLElement).getByTestId('message-answer')).toHaveTextContent('Answer');
    expect(within(messages[0] as HTMLElement).queryByTestId('message-answer')).toBeNull();
    expect(screen.queryByRole('checkbox', { name: /This message answers the request/ })).not.toBeInTheDocument();
  });
});
