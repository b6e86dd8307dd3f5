import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/lib/session';
import type { OutboxPackage } from '../api/exchange';
import { INVESTIGATOR, json, outboxPackage, renderAs, stubApi, stubFonts, type Req } from '../test/fake';
import { OutboxPage } from './OutboxPage';

const PENDING = outboxPackage({
  id: '0193d000-0000-7000-8000-0000000000d1',
  attempts: 2,
  next_attempt_at: '2026-03-10T09:05:00Z',
  last_error: 'connection refused',
});
const ACKNOWLEDGED = outboxPackage({
  id: '0193d000-0000-7000-8000-0000000000d2',
  status: 'acknowledged',
  attempts: 1,
  next_attempt_at: null,
  case_ids: ['a', 'b', 'c', 'd', 'e'],
  case_references: ['FR-2026-000001', 'FR-2026-000002', 'FR-2026-000003', 'FR-2026-000004', 'FR-2026-000005'],
});
const AWAITING = outboxPackage({
  id: '0193d000-0000-7000-8000-0000000000d3',
  status: 'awaiting_approval',
  scope: 'nominal',
  requested_by: 'ivan',
  requested_by_name: 'Ivan Investigator',
  approved_by: null,
  approved_by_name: null,
  decided_at: null,
  next_attempt_at: null,
  body_sha256: null,
  size: null,
});
const REJECTED = outboxPackage({
  id: '0193d000-0000-7000-8000-0000000000d4',
  status: 'rejected',
  attempts: 1,
  next_attempt_at: null,
  last_error: 'wrong_recipient: this package is not for this node',
});
const WITHDRAWAL_ID = '0193d000-0000-7000-8000-0000000000d6';
const WITHDRAWN = outboxPackage({
  id: '0193d000-0000-7000-8000-0000000000d5',
  status: 'acknowledged',
  attempts: 1,
  next_attempt_at: null,
  withdrawn_by: WITHDRAWAL_ID,
});
const WITHDRAWAL = outboxPackage({
  id: WITHDRAWAL_ID,
  kind: 'withdrawal',
  withdraws: WITHDRAWN.id,
  status: 'acknowledged',
  attempts: 1,
  next_attempt_at: null,
  note: 'Sent under the wrong agreement',
});

/** The outbox: `next` gives the list answered for a status (all by default). */
function fakeOutbox(next: (status: string | null) => OutboxPackage[]) {
  return (req: Req) => {
    if (req.url.pathname === '/api/v1/exchange/outbox' && req.method === 'GET') return json({ items: next(req.url.searchParams.get('status')) });
    return undefined;
  };
}

const ROUTES = [
  { path: '/exchange/outbox', element: <OutboxPage /> },
  { path: '/exchange/outbox/:id', element: <p>package page</p> },
  { path: '/exchange/preview', element: <p>request form</p> },
];

describe('the outbox', { timeout: 60_000 }, () => {
  beforeEach(() => {
    stubFonts();
    session.signedIn('tok', 900);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    session.reset();
  });

  it('lists every package with its partner, cases, status, attempts, delivery and who asked and approved', async () => {
    stubApi(fakeOutbox((s) => (s === 'awaiting_approval' ? [AWAITING] : [PENDING, ACKNOWLEDGED, AWAITING, REJECTED])));
    renderAs(ROUTES, '/exchange/outbox');
    const table = await screen.findByTestId('outbox-table');
    const row = (id: string) => table.querySelector<HTMLElement>(`tr[data-package-id="${id}"]`)!;
    expect(within(table).getAllByRole('row')).toHaveLength(5);

    const pending = row(PENDING.id);
    expect(within(pending).getByTestId('package-status')).toHaveTextContent('Pending');
    expect(within(pending).getByTestId('package-cases')).toHaveTextContent('FR-2026-000180, FR-2026-000190');
    expect(within(pending).getByTestId('package-attempts')).toHaveTextContent('2');
    expect(within(pending).getByTestId('package-delivery')).toHaveTextContent('Next attempt:');
    expect(within(pending).getByTestId('package-delivery')).toHaveTextContent('connection refused');
    expect(pending).toHaveTextContent('Non-nominal');
    expect(pending).toHaveTextContent('Louise Liaison');
    await waitFor(() => expect(pending).toHaveTextContent('Morocco'));
    expect(within(pending).getByRole('link', { name: /^Administration des douanes et impôts indirects/ })).toHaveAttribute(
      'href',
      `/exchange/outbox/${PENDING.id}`,
    );

    // five cases: the first three, then how many more
    expect(within(row(ACKNOWLEDGED.id)).getByTestId('package-cases')).toHaveTextContent('FR-2026-000001, FR-2026-000002, FR-2026-000003 +2');
    expect(within(row(ACKNOWLEDGED.id)).getByTestId('package-status')).toHaveTextContent('Acknowledged');
    expect(within(row(AWAITING.id)).getByTestId('package-status')).toHaveTextContent('Awaiting approval');
    expect(row(AWAITING.id)).toHaveTextContent('Ivan Investigator');
    expect(within(row(REJECTED.id)).getByTestId('package-status')).toHaveTextContent('Refused by the partner');
    expect(within(row(REJECTED.id)).getByTestId('package-delivery')).toHaveTextContent('wrong_recipient: this package is not for this node');

    // a liaison officer is told of the requests waiting for approval
    const awaiting = await screen.findByTestId('awaiting-approval');
    expect(awaiting).toHaveTextContent('Requests awaiting approval: 1');
    expect(within(awaiting).getByRole('link', { name: 'Show them' })).toHaveAttribute('href', '/exchange/outbox?status=awaiting_approval');
    // something is pending: the list is read again
    expect(screen.getByTestId('outbox-refreshing')).toHaveTextContent('Read again every 5 seconds');
  });

  it('labels a withdrawal, and the package of cases it withdraws', async () => {
    stubApi(fakeOutbox((s) => (s ? [] : [WITHDRAWAL, WITHDRAWN, ACKNOWLEDGED])));
    renderAs(ROUTES, '/exchange/outbox');
    const table = await screen.findByTestId('outbox-table');
    const row = (id: string) => table.querySelector<HTMLElement>(`tr[data-package-id="${id}"]`)!;
    const withdrawal = row(WITHDRAWAL.id);
    expect(withdrawal).toHaveAttribute('data-kind', 'withdrawal');
    expect(within(withdrawal).getByTestId('withdrawal-badge')).toHaveTextContent('Withdrawal');
    expect(within(withdrawal).getByTestId('package-status')).toHaveTextContent('Acknowledged');
    expect(within(withdrawal).getByRole('link', { name: /\(withdrawal of / })).toHaveAttribute('href', `/exchange/outbox/${WITHDRAWAL.id}`);
    expect(within(withdrawal).queryByTestId('withdrawn-badge')).toBeNull();
    // the package it withdraws says so; a package of cases is no withdrawal
    expect(within(row(WITHDRAWN.id)).getByTestId('withdrawn-badge')).toHaveTextContent('Withdrawn');
    expect(within(row(WITHDRAWN.id)).queryByTestId('withdrawal-badge')).toBeNull();
    expect(within(row(WITHDRAWN.id)).getByRole('link', { name: /\(package of / })).toBeInTheDocument();
    expect(within(row(ACKNOWLEDGED.id)).queryByTestId('withdrawal-badge')).toBeNull();
    expect(within(row(ACKNOWLEDGED.id)).queryByTestId('withdrawn-badge')).toBeNull();
  });

  it('filters by status, in the address', async () => {
    const calls = stubApi(fakeOutbox((s) => (s === 'acknowledged' ? [ACKNOWLEDGED] : s === 'awaiting_approval' ? [] : [PENDING, ACKNOWLEDGED])));
    const { router } = renderAs(ROUTES, '/exchange/outbox');
    await screen.findByTestId('outbox-table');
    await userEvent.click(screen.getByRole('combobox', { name: 'Status' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Acknowledged' }));
    await waitFor(() => expect(router.state.location.search).toBe('?status=acknowledged'));
    await waitFor(() => expect(within(screen.getByTestId('outbox-table')).getAllByRole('row')).toHaveLength(2));
    expect(calls.some((c) => c.path === '/api/v1/exchange/outbox?status=acknowledged')).toBe(true);
    // no request waits: nothing said about it
    expect(screen.queryByTestId('awaiting-approval')).toBeNull();
  });

  it('shows a package moving from pending to acknowledged without a reload', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let reads = 0;
    const calls = stubApi(
      fakeOutbox((s) => {
        if (s) return [];
        reads += 1;
        return [reads === 1 ? PENDING : { ...PENDING, status: 'acknowledged', attempts: 3, last_error: null, next_attempt_at: null }];
      }),
    );
    renderAs(ROUTES, '/exchange/outbox');
    const table = await screen.findByTestId('outbox-table');
    expect(within(table).getByTestId('package-status')).toHaveTextContent('Pending');
    await act(() => vi.advanceTimersByTimeAsync(5_500));
    await waitFor(() => expect(within(table).getByTestId('package-status')).toHaveTextContent('Acknowledged'));
    expect(screen.queryByTestId('outbox-refreshing')).toBeNull();
    // nothing moves any more: not read again
    const before = calls.filter((c) => c.path === '/api/v1/exchange/outbox').length;
    await act(() => vi.advanceTimersByTimeAsync(12_000));
    expect(calls.filter((c) => c.path === '/api/v1/exchange/outbox').length).toBe(before);
  });

  it('shows an investigator their requests, and where to make one when there is none', async () => {
    const calls = stubApi(fakeOutbox(() => []));
    renderAs(ROUTES, '/exchange/outbox', INVESTIGATOR);
    expect(await screen.findByText('Your requests to send cases to partner administrations, and where each stands.')).toBeInTheDocument();
    const empty = await screen.findByTestId('empty-state');
    expect(empty).toHaveTextContent('You have not asked for any case to be sent yet.');
    expect(within(empty).getByRole('link', { name: 'Request sending' })).toHaveAttribute('href', '/exchange/preview');
    // never asks for the requests awaiting approval: not theirs to approve
    expect(calls.some((c) => c.path.includes('status=awaiting_approval'))).toBe(false);
    expect(within(screen.getByTestId('exchange-pages')).getAllByRole('link').map((l) => l.textContent)).toEqual(['Request sending', 'Outbox']);
  });
});
