import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/lib/session';
import { formatDateTime } from '@/lib/format';
import type { InboxPackage } from '../api/exchange';
import { inboxPackage, json, renderAs, stubApi, stubFonts, type Req } from '../test/fake';
import { InboxPackagePage } from './InboxPackagePage';
import { InboxPage } from './InboxPage';

const RECEIVED = inboxPackage();
const IMPORTED = inboxPackage({
  id: '0193e000-0000-7000-8000-0000000000e2',
  status: 'imported',
  cases: 5,
  case_references: ['MA-2026-000001', 'MA-2026-000002', 'MA-2026-000003', 'MA-2026-000004', 'MA-2026-000005'],
  received_at: '2026-03-01T08:00:06Z',
});
const WITHDRAWAL = inboxPackage({
  id: '0193e000-0000-7000-8000-0000000000e3',
  kind: 'withdrawal',
  withdraws: IMPORTED.id,
  status: 'imported',
  cases: 1,
  case_references: ['MA-2026-000001'],
  documents: [],
  withdrawal: { package_id: IMPORTED.id, reason: 'Wrong partner', cases: [{ reference: 'MA-2026-000001', version: 1 }] },
});

function summary(p: InboxPackage) {
  const { signature: _signature, documents: _documents, withdrawal: _withdrawal, ...rest } = p;
  return rest;
}

function fakeInbox(items: InboxPackage[]) {
  return (req: Req) => {
    const { pathname } = req.url;
    if (pathname === '/api/v1/exchange/inbox') return json({ items: items.map(summary) });
    const m = /^\/api\/v1\/exchange\/inbox\/([^/]+)$/.exec(pathname);
    if (m) {
      const p = items.find((i) => i.id === m[1]);
      return p ? json(p) : undefined;
    }
    return undefined;
  };
}

const ROUTES = [
  { path: '/exchange/inbox', element: <InboxPage /> },
  { path: '/exchange/inbox/:id', element: <InboxPackagePage /> },
];

describe('the inbox', { timeout: 60_000 }, () => {
  beforeEach(() => {
    stubFonts();
    session.signedIn('tok', 900);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    session.reset();
  });

  it('lists the packages received, each with its sender, cases, agreement and review status', async () => {
    stubApi(fakeInbox([RECEIVED, IMPORTED]));
    renderAs(ROUTES, '/exchange/inbox');
    const table = await screen.findByTestId('inbox-table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    const row = table.querySelector<HTMLElement>(`tr[data-package-id="${RECEIVED.id}"]`)!;
    expect(row).toHaveTextContent('Administration des douanes et impôts indirects');
    await waitFor(() => expect(row).toHaveTextContent('Morocco'));
    expect(within(row).getByTestId('inbox-cases')).toHaveTextContent('1 · MA-2026-000042');
    expect(row).toHaveTextContent('MA-FR CMAA 2019');
    expect(row).toHaveTextContent('Non-nominal');
    expect(within(row).getByTestId('inbox-status')).toHaveTextContent('To review');
    expect(row).toHaveTextContent('4 kB');
    const when = formatDateTime(RECEIVED.received_at, 'en');
    expect(within(row).getByRole('link', { name: new RegExp(`^${when}`) })).toHaveAttribute('href', `/exchange/inbox/${RECEIVED.id}`);

    const imported = table.querySelector<HTMLElement>(`tr[data-package-id="${IMPORTED.id}"]`)!;
    expect(within(imported).getByTestId('inbox-status')).toHaveTextContent('Imported');
    expect(within(imported).getByTestId('inbox-cases')).toHaveTextContent('5 · MA-2026-000001, MA-2026-000002, MA-2026-000003 +2');
    // the list reviews nothing: a package's page imports or dismisses it
    expect(screen.queryByRole('button', { name: /import|dismiss/i })).toBeNull();
  });

  it('labels a withdrawal as such, applied on arrival', async () => {
    stubApi(fakeInbox([WITHDRAWAL, RECEIVED, IMPORTED]));
    renderAs(ROUTES, '/exchange/inbox');
    const table = await screen.findByTestId('inbox-table');
    const row = table.querySelector<HTMLElement>(`tr[data-package-id="${WITHDRAWAL.id}"]`)!;
    expect(row).toHaveAttribute('data-kind', 'withdrawal');
    expect(within(row).getByTestId('withdrawal-badge')).toHaveTextContent('Withdrawal');
    expect(within(row).getByTestId('inbox-status')).toHaveTextContent('Applied');
    expect(within(row).getByTestId('inbox-cases')).toHaveTextContent('1 · MA-2026-000001');
    expect(within(row).getByRole('link', { name: /\(Withdrawal from Administration des douanes et impôts indirects\)$/ })).toHaveAttribute(
      'href',
      `/exchange/inbox/${WITHDRAWAL.id}`,
    );
    // a package of cases is no withdrawal
    const imported = table.querySelector<HTMLElement>(`tr[data-package-id="${IMPORTED.id}"]`)!;
    expect(within(imported).queryByTestId('withdrawal-badge')).toBeNull();
    expect(within(imported).getByTestId('inbox-status')).toHaveTextContent('Imported');
  });

  it('says when nothing has been received', async () => {
    stubApi(fakeInbox([]));
    renderAs(ROUTES, '/exchange/inbox');
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No package has been received yet.');
  });

  it('shows where a package comes from, and each case exactly as the partner sent it', async () => {
    const calls = stubApi(fakeInbox([RECEIVED]));
    renderAs(ROUTES, `/exchange/inbox/${RECEIVED.id}`);
    expect(await screen.findByRole('heading', { name: 'Package from Administration des douanes et impôts indirects', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Each reading of a received package is recorded in the audit trail.')).toBeInTheDocument();

    const provenance = screen.getByTestId('provenance');
    expect(within(provenance).getByTestId('provenance-badge')).toHaveTextContent('Received from Administration des douanes et impôts indirects');
    expect(within(provenance).getByTestId('inbox-status')).toHaveTextContent('To review');
    expect(within(provenance).getByTestId('provenance-partner')).toHaveTextContent('Administration des douanes et impôts indirects');
    await waitFor(() => expect(within(provenance).getByTestId('provenance-country')).toHaveTextContent('Morocco'));
    expect(within(provenance).getByTestId('provenance-agreement')).toHaveTextContent('MA-FR CMAA 2019');
    expect(within(provenance).getByTestId('provenance-sent')).toHaveTextContent(formatDateTime(RECEIVED.sent_at, 'en'));
    expect(within(provenance).getByTestId('provenance-received')).toHaveTextContent(formatDateTime(RECEIVED.received_at, 'en'));
    expect(within(provenance).getByTestId('provenance-id')).toHaveTextContent(RECEIVED.id);
    expect(within(provenance).getByTestId('provenance-sha')).toHaveTextContent('d'.repeat(64));
    expect(within(provenance).getByTestId('provenance-signature')).toHaveTextContent('a1'.repeat(64));
    expect(within(provenance).getByRole('button', { name: 'Copy the signature' })).toBeInTheDocument();

    expect(screen.getByRole('heading', { name: 'The cases as they arrived (1)' })).toBeInTheDocument();
    const doc = screen.getByTestId('received-document');
    expect(within(doc).getByRole('heading', { name: 'Case MA-2026-000042' })).toBeInTheDocument();
    expect(doc).toHaveTextContent('v3');
    expect(within(doc).getByTestId('provenance-badge')).toHaveTextContent('Received from Administration des douanes et impôts indirects');
    const fields = within(doc).getByTestId('received-fields');
    const value = (path: string) => within(fields.querySelector<HTMLElement>(`tr[data-path="${path}"]`)!).getByTestId('field-value');
    expect(value('reference')).toHaveTextContent('MA-2026-000042');
    expect(value('detection_methods')).toHaveTextContent('dog, xray');
    expect(value('goods[0].quantity')).toHaveTextContent('12.5');
    expect(value('goods[0].commodity_group')).toHaveTextContent('drugs');
    // an empty value is not listed
    expect(fields.querySelector('tr[data-path="narrative"]')).toBeNull();

    await userEvent.click(within(doc).getByRole('tab', { name: 'JSON as received' }));
    expect(JSON.parse(within(doc).getByTestId('received-json').textContent ?? '')).toEqual(
      (RECEIVED.documents[0] as unknown as { document: unknown }).document,
    );
    // read once (each read is audited)
    expect(calls.filter((c) => c.path === `/api/v1/exchange/inbox/${RECEIVED.id}`)).toHaveLength(1);
  });
});
