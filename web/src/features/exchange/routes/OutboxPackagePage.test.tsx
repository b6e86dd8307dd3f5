import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/lib/session';
import type { OutboxPackage } from '../api/exchange';
import { CASE_A, INVESTIGATOR, PACKAGE, json, outboxPackage, problem, renderAs, stubApi, stubFonts, type Req } from '../test/fake';
import { OutboxPackagePage } from './OutboxPackagePage';

const ACK = {
  format: 'ncen-exchange/1',
  package_id: PACKAGE,
  status: 'accepted',
  receiver: { country: 'MA', key: 'b'.repeat(64) },
  received_at: '2026-03-10T09:00:07Z',
  body_sha256: 'e'.repeat(64),
};

const AWAITING = outboxPackage({
  status: 'awaiting_approval',
  requested_by: 'ivan',
  requested_by_name: 'Ivan Investigator',
  approved_by: null,
  approved_by_name: null,
  decided_at: null,
  next_attempt_at: null,
  body_sha256: null,
  size: null,
  note: 'Courier network, see the journal of investigation 12',
  version: 4,
});

const WITHDRAWAL_ID = '0193d000-0000-7000-8000-0000000000d9';

const ACKNOWLEDGED = outboxPackage({
  status: 'acknowledged',
  attempts: 1,
  next_attempt_at: null,
  sent_at: '2026-03-10T09:00:05Z',
  acknowledged_at: '2026-03-10T09:00:07Z',
  acknowledgement: ACK as unknown as Record<string, never>,
  acknowledgement_signature: 'c3'.repeat(64),
  version: 6,
});

/**
 * One package: `pkg` is what a read answers (it may change between reads); approve and decline
 * answer `decide` when given, or move the package on as the server would; a withdrawal answers
 * `withdraw` when given, or queues a withdrawal package (then read at its own address).
 */
function fakePackage(first: OutboxPackage, { decide, withdraw }: { decide?: () => Response; withdraw?: () => Response } = {}) {
  let pkg = first;
  let withdrawal: OutboxPackage | null = null;
  const reads = { count: 0 };
  const handler = (req: Req) => {
    const { pathname } = req.url;
    if (pathname === `/api/v1/exchange/outbox/${PACKAGE}` && req.method === 'GET') {
      reads.count += 1;
      return json(pkg);
    }
    if (pathname === `/api/v1/exchange/outbox/${WITHDRAWAL_ID}` && req.method === 'GET') {
      return withdrawal ? json(withdrawal) : problem(404, 'not_found');
    }
    if (pathname === `/api/v1/exchange/outbox/${PACKAGE}/withdraw`) {
      if (withdraw) return withdraw();
      const { reason } = req.body as { reason: string };
      withdrawal = outboxPackage({
        ...pkg,
        id: WITHDRAWAL_ID,
        kind: 'withdrawal',
        withdraws: pkg.id,
        status: 'pending',
        note: reason,
        attempts: 0,
        next_attempt_at: '2026-03-12T10:00:00Z',
        acknowledged_at: null,
        acknowledgement: null,
        acknowledgement_signature: null,
        version: 1,
      });
      pkg = { ...pkg, withdrawn_by: WITHDRAWAL_ID };
      return json(withdrawal, 201);
    }
    if (pathname === `/api/v1/exchange/outbox/${PACKAGE}/approve`) {
      if (decide) return decide();
      pkg = { ...pkg, status: 'pending', approved_by: 'me', approved_by_name: 'Louise Liaison', version: pkg.version + 1, next_attempt_at: '2026-03-10T10:00:00Z' };
      return json(pkg);
    }
    if (pathname === `/api/v1/exchange/outbox/${PACKAGE}/decline`) {
      if (decide) return decide();
      const { reason } = req.body as { reason: string };
      pkg = { ...pkg, status: 'declined', approved_by: 'me', approved_by_name: 'Louise Liaison', decline_reason: reason, version: pkg.version + 1 };
      return json(pkg);
    }
    if (pathname === '/api/v1/exchange/outbox') return json({ items: [pkg] });
    return undefined;
  };
  return { handler, set: (p: OutboxPackage) => (pkg = p), reads };
}

const ROUTES = [
  { path: '/exchange/outbox/:id', element: <OutboxPackagePage /> },
  { path: '/exchange/outbox', element: <p>outbox</p> },
];
const WITHDRAWAL_PATH = `/exchange/outbox/${WITHDRAWAL_ID}`;
const PATH = `/exchange/outbox/${PACKAGE}`;

describe('a package for a partner', { timeout: 60_000 }, () => {
  beforeEach(() => {
    stubFonts();
    session.signedIn('tok', 900);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    session.reset();
  });

  it('shows every field of an acknowledged package, and the partner’s signed acknowledgement', async () => {
    const fake = fakePackage(
      outboxPackage({
        status: 'acknowledged',
        attempts: 2,
        next_attempt_at: null,
        sent_at: '2026-03-10T09:00:05Z',
        acknowledged_at: '2026-03-10T09:00:07Z',
        acknowledgement: ACK as unknown as Record<string, never>,
        acknowledgement_signature: 'c3'.repeat(64),
        note: 'Joint operation Atlas',
      }),
    );
    stubApi(fake.handler);
    renderAs(ROUTES, PATH);
    expect(await screen.findByRole('heading', { name: 'Package for Administration des douanes et impôts indirects', level: 1 })).toBeInTheDocument();
    expect(screen.getByTestId('package-status')).toHaveTextContent('Acknowledged');
    const summary = screen.getByTestId('package-summary');
    expect(summary).toHaveTextContent('FR-MA CMAA 2019');
    expect(summary).toHaveTextContent('Non-nominal');
    await waitFor(() => expect(summary).toHaveTextContent('Morocco'));
    expect(within(summary).getByRole('link', { name: 'FR-2026-000180' })).toHaveAttribute('href', `/seizures/${CASE_A}`);
    expect(within(summary).getByTestId('package-requested-by')).toHaveTextContent('Louise Liaison');
    expect(within(summary).getByTestId('package-note')).toHaveTextContent('Joint operation Atlas');

    const delivery = screen.getByTestId('package-delivery');
    expect(within(delivery).getByTestId('package-attempts')).toHaveTextContent('2');
    expect(within(delivery).getByTestId('package-id')).toHaveTextContent(PACKAGE);
    expect(within(delivery).getByTestId('package-sha')).toHaveTextContent('e'.repeat(64));
    expect(delivery).toHaveTextContent('2 kB');

    const ack = screen.getByTestId('package-acknowledgement');
    expect(JSON.parse(within(ack).getByTestId('ack-json').textContent ?? '')).toEqual(ACK);
    // pretty-printed
    expect(within(ack).getByTestId('ack-json').textContent).toContain('\n  "package_id"');
    expect(within(ack).getByTestId('ack-signature')).toHaveTextContent('c3'.repeat(64));
    expect(screen.queryByTestId('approval')).toBeNull();
  });

  it('says why the partner refused a package', async () => {
    stubApi(fakePackage(outboxPackage({ status: 'rejected', attempts: 1, next_attempt_at: null, last_error: 'no_agreement: no agreement covers nominal data' })).handler);
    renderAs(ROUTES, PATH);
    const reason = await screen.findByTestId('package-rejection');
    expect(reason).toHaveTextContent('The partner’s reason');
    expect(reason).toHaveTextContent('no_agreement: no agreement covers nominal data');
    expect(screen.getByTestId('package-status')).toHaveTextContent('Refused by the partner');
    expect(screen.getByText('The partner refused the package.')).toBeInTheDocument();
    expect(screen.queryByTestId('package-acknowledgement')).toBeNull();
  });

  it('reads a pending package again until the partner acknowledges it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const fake = fakePackage(outboxPackage({ attempts: 1, last_error: 'HTTP 503 from the partner' }));
    stubApi(fake.handler);
    renderAs(ROUTES, PATH);
    expect(await screen.findByTestId('package-last-error')).toHaveTextContent('HTTP 503 from the partner');
    expect(screen.getByTestId('package-next-attempt')).toHaveTextContent('Next attempt');
    fake.set(outboxPackage({ status: 'acknowledged', attempts: 2, next_attempt_at: null, acknowledgement: ACK as unknown as Record<string, never>, acknowledgement_signature: 'c3'.repeat(64) }));
    await act(() => vi.advanceTimersByTimeAsync(5_500));
    await waitFor(() => expect(screen.getByTestId('package-status')).toHaveTextContent('Acknowledged'));
    expect(screen.getByTestId('package-acknowledgement')).toBeInTheDocument();
    const reads = fake.reads.count;
    await act(() => vi.advanceTimersByTimeAsync(12_000));
    expect(fake.reads.count).toBe(reads);
  });

  it('lets a liaison officer approve an investigator’s request, at the version shown', async () => {
    const fake = fakePackage(AWAITING);
    const calls = stubApi(fake.handler);
    renderAs(ROUTES, PATH);
    const approval = await screen.findByTestId('approval');
    expect(approval).toHaveTextContent('Ivan Investigator asked for these cases to be sent.');
    expect(screen.getByTestId('package-note')).toHaveTextContent('Courier network, see the journal of investigation 12');
    await userEvent.click(within(approval).getByRole('button', { name: 'Approve and send' }));
    await waitFor(() => expect(calls.find((c) => c.path.endsWith('/approve'))).toMatchObject({ method: 'POST', ifMatch: '"4"' }));
    await waitFor(() => expect(screen.getByTestId('package-status')).toHaveTextContent('Pending'));
    expect(screen.queryByTestId('approval')).toBeNull();
    expect(screen.getByTestId('package-approved-by')).toHaveTextContent('Louise Liaison');
  });

  it('says plainly that one may not approve one’s own request', async () => {
    stubApi(fakePackage(AWAITING, { decide: () => problem(403, 'own_request', { detail: 'you asked for this exchange' }) }).handler);
    renderAs(ROUTES, PATH);
    await userEvent.click(await screen.findByRole('button', { name: 'Approve and send' }));
    expect(await screen.findByTestId('approval-refused')).toHaveTextContent(
      'You asked for this exchange: another liaison officer must approve it.',
    );
    expect(screen.getByTestId('package-status')).toHaveTextContent('Awaiting approval');
  });

  it('says so when the request was decided meanwhile, and shows where it stands now', async () => {
    let set: (p: OutboxPackage) => void = () => {};
    const fake = fakePackage(AWAITING, {
      // another liaison officer declined it a moment before
      decide: () => {
        set({ ...AWAITING, status: 'declined', approved_by_name: 'Léa Liaison', decline_reason: 'Not covered', version: 5 });
        return problem(409, 'not_awaiting_approval');
      },
    });
    set = fake.set;
    stubApi(fake.handler);
    renderAs(ROUTES, PATH);
    await userEvent.click(await screen.findByRole('button', { name: 'Approve and send' }));
    expect(await screen.findByTestId('approval-refused')).toHaveTextContent(
      'This request is no longer awaiting approval: it was approved or declined meanwhile.',
    );
    await waitFor(() => expect(screen.getByTestId('package-status')).toHaveTextContent('Declined'));
    // the refusal stays said once the package shows its new state
    expect(screen.getByTestId('approval-refused')).toBeInTheDocument();
    expect(screen.getByTestId('package-declined-by')).toHaveTextContent('Léa Liaison');
    expect(screen.queryByTestId('approval')).toBeNull();
  });

  it('declines a request with the reason the requester reads', async () => {
    const calls = stubApi(fakePackage(AWAITING).handler);
    renderAs(ROUTES, PATH);
    await userEvent.click(await screen.findByRole('button', { name: 'Decline' }));
    const dialog = await screen.findByRole('dialog', { name: 'Decline this request' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Decline the request' }));
    expect(await within(dialog).findByText('Required')).toBeInTheDocument();
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Reason/ }), 'No agreement covers nominal data with Morocco');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Decline the request' }));
    await waitFor(() =>
      expect(calls.find((c) => c.path.endsWith('/decline'))).toMatchObject({
        method: 'POST',
        ifMatch: '"4"',
        body: { reason: 'No agreement covers nominal data with Morocco' },
      }),
    );
    await waitFor(() => expect(screen.getByTestId('package-status')).toHaveTextContent('Declined'));
    expect(screen.getByTestId('decline-reason')).toHaveTextContent('No agreement covers nominal data with Morocco');
    expect(screen.getByTestId('package-declined-by')).toHaveTextContent('Louise Liaison');
  });

  it('withdraws the cases of an acknowledged package with a reason, at the version shown, and opens the withdrawal', async () => {
    const calls = stubApi(fakePackage(ACKNOWLEDGED).handler);
    const { router } = renderAs(ROUTES, PATH);
    await userEvent.click(await screen.findByRole('button', { name: 'Withdraw cases' }));
    const dialog = await screen.findByRole('dialog', { name: 'Withdraw the cases of this package' });
    expect(dialog).toHaveTextContent('A withdrawal signed by this node is sent to Administration des douanes et impôts indirects with your reason.');
    expect(within(within(dialog).getByRole('list', { name: 'Cases withdrawn' })).getAllByRole('listitem').map((i) => i.textContent)).toEqual([
      'FR-2026-000180',
      'FR-2026-000190',
    ]);
    // the reason is required
    await userEvent.click(within(dialog).getByRole('button', { name: 'Withdraw the cases' }));
    expect(await within(dialog).findByText('Required')).toBeInTheDocument();
    expect(calls.some((c) => c.path.endsWith('/withdraw'))).toBe(false);

    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Reason/ }), '  Sent under the wrong agreement  ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Withdraw the cases' }));
    await waitFor(() =>
      expect(calls.find((c) => c.path.endsWith('/withdraw'))).toMatchObject({
        method: 'POST',
        path: `/api/v1/exchange/outbox/${PACKAGE}/withdraw`,
        ifMatch: '"6"',
        body: { reason: 'Sent under the wrong agreement' },
      }),
    );
    // the withdrawal's page: what it withdraws, and why
    await waitFor(() => expect(router.state.location.pathname).toBe(WITHDRAWAL_PATH));
    expect(await screen.findByRole('heading', { name: 'Withdrawal for Administration des douanes et impôts indirects', level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByTestId('withdrawal-badge')).toHaveTextContent('Withdrawal');
    expect(screen.getByTestId('package-status')).toHaveTextContent('Pending');
    const withdrawal = screen.getByTestId('withdrawal');
    expect(within(withdrawal).getByRole('heading', { name: 'What this package withdraws' })).toBeInTheDocument();
    expect(within(withdrawal).getByTestId('withdrawal-reason')).toHaveTextContent('Reason given to the partnerSent under the wrong agreement');
    expect(within(within(withdrawal).getByTestId('withdrawal-of')).getByRole('link', { name: PACKAGE })).toHaveAttribute('href', PATH);
    // the reason is said once, not again as a note; a withdrawal is not withdrawn
    expect(screen.queryByTestId('package-note')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Withdraw cases' })).toBeNull();

    // back on the withdrawn package: the way to its withdrawal, nothing more to withdraw
    await userEvent.click(within(withdrawal).getByRole('link', { name: PACKAGE }));
    const notice = await screen.findByTestId('withdrawn-notice');
    expect(notice).toHaveTextContent('Withdrawn');
    expect(within(notice).getByRole('link', { name: 'See the withdrawal package' })).toHaveAttribute('href', WITHDRAWAL_PATH);
    expect(screen.getByTestId('withdrawn-badge')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Withdraw cases' })).toBeNull();
  });

  it('says so when the cases were withdrawn meanwhile, and leads to that withdrawal', async () => {
    let set: (p: OutboxPackage) => void = () => {};
    const fake = fakePackage(ACKNOWLEDGED, {
      // another liaison officer withdrew them a moment before
      withdraw: () => {
        set({ ...ACKNOWLEDGED, withdrawn_by: WITHDRAWAL_ID });
        return problem(409, 'already_withdrawn', { detail: 'a withdrawal of this package is queued or delivered' });
      },
    });
    set = fake.set;
    stubApi(fake.handler);
    renderAs(ROUTES, PATH);
    await userEvent.click(await screen.findByRole('button', { name: 'Withdraw cases' }));
    const dialog = await screen.findByRole('dialog', { name: 'Withdraw the cases of this package' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Reason/ }), 'Wrong partner');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Withdraw the cases' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const refused = await screen.findByTestId('withdraw-refused');
    expect(refused).toHaveAttribute('data-code', 'already_withdrawn');
    expect(refused).toHaveTextContent('These cases have already been withdrawn: a withdrawal of this package was sent meanwhile.');
    // read again: the package leads to the withdrawal, and offers no other
    const notice = await screen.findByTestId('withdrawn-notice');
    expect(within(notice).getByRole('link', { name: 'See the withdrawal package' })).toHaveAttribute('href', WITHDRAWAL_PATH);
    expect(screen.queryByRole('button', { name: 'Withdraw cases' })).toBeNull();
  });

  it('puts the server’s objection to the reason on the reason', async () => {
    stubApi(
      fakePackage(ACKNOWLEDGED, {
        withdraw: () => problem(422, 'validation_failed', { errors: [{ field: 'reason', code: 'length', message: '1 to 2000 characters, no NUL' }] }),
      }).handler,
    );
    renderAs(ROUTES, PATH);
    await userEvent.click(await screen.findByRole('button', { name: 'Withdraw cases' }));
    const dialog = await screen.findByRole('dialog', { name: 'Withdraw the cases of this package' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Reason/ }), 'x');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Withdraw the cases' }));
    expect(await within(dialog).findByText('From 1 to 2000 characters.')).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('offers no withdrawal before the partner acknowledged, nor to an investigator', async () => {
    stubApi(fakePackage(outboxPackage({ status: 'sent' })).handler);
    const first = renderAs(ROUTES, PATH);
    expect(await screen.findByTestId('package-status')).toHaveTextContent('Being delivered');
    expect(screen.queryByRole('button', { name: 'Withdraw cases' })).toBeNull();
    first.unmount();

    stubApi(fakePackage(ACKNOWLEDGED).handler);
    renderAs(ROUTES, PATH, INVESTIGATOR);
    expect(await screen.findByTestId('package-acknowledgement')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Withdraw cases' })).toBeNull();
  });

  it('tells the investigator who asked that a liaison officer must approve, with nothing to approve', async () => {
    stubApi(fakePackage(AWAITING).handler);
    renderAs(ROUTES, PATH, INVESTIGATOR);
    expect(await screen.findByTestId('awaiting-approval-note')).toHaveTextContent('A liaison officer must approve your request before anything leaves');
    expect(screen.queryByRole('button', { name: 'Approve and send' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Decline' })).toBeNull();
  });
});
