import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/i18n';
import { formatDateTime } from '@/lib/format';
import { session } from '@/lib/session';
import type { ReceivedCaseDetail, ReceivedCaseSummary } from '../api/exchange';
import {
  INBOX_ID,
  LIAISON,
  PERSON_ID,
  PHOTO_SHA,
  RECEIVED_ID,
  json,
  receivedAttachment,
  receivedCase,
  receivedSummary,
  renderAs,
  stubApi,
  stubFonts,
  type Req,
} from '../test/fake';
import { ReceivedCasePage } from './ReceivedCasePage';
import { ReceivedCasesPage } from './ReceivedCasesPage';

const OTHER = receivedSummary({
  id: '0193f000-0000-7000-8000-0000000000f9',
  provenance: { ...receivedSummary().provenance, partner_name: 'Direction générale des douanes', partner_country: 'SN', original_reference: 'SN-2026-000010' },
  version: 1,
  scope: 'non_nominal',
  detected_at: null,
  commodity_groups: ['drugs', 'tobacco'],
  imported_by_name: null,
});

const WITHDRAWAL_ID = '0193e000-0000-7000-8000-0000000000e9';
const WITHDRAWAL = { package_id: WITHDRAWAL_ID, reason: 'Sent under the wrong agreement: not to be used.', withdrawn_at: '2026-03-14T10:00:00Z' };

function fakeReceived(items: ReceivedCaseSummary[], detail: ReceivedCaseDetail = receivedCase()) {
  return (req: Req) => {
    const { pathname } = req.url;
    if (pathname === '/api/v1/exchange/received') return json({ items });
    if (pathname === `/api/v1/exchange/received/${detail.id}`) return json(detail);
    return undefined;
  };
}

const ROUTES = [
  { path: '/exchange/received', element: <ReceivedCasesPage /> },
  { path: '/exchange/received/:id', element: <ReceivedCasePage /> },
  { path: '/exchange/inbox/:id', element: <p>the inbox package</p> },
  { path: '/registers/persons/:id', element: <p>the person’s record</p> },
];

describe('the received cases', { timeout: 60_000 }, () => {
  beforeEach(() => {
    stubFonts();
    session.signedIn('tok', 900);
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    session.reset();
    await i18n.changeLanguage('en');
  });

  it('lists the cases imported, each with where it comes from', async () => {
    stubApi(fakeReceived([receivedSummary(), OTHER]));
    renderAs(ROUTES, '/exchange/received');
    expect(await screen.findByRole('heading', { name: 'Received cases', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Received cases', current: 'page' })).toBeInTheDocument();
    expect(screen.getByText(/nothing of them is merged into this node’s cases or registers automatically/)).toBeInTheDocument();
    const table = await screen.findByTestId('received-table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);

    const row = table.querySelector<HTMLElement>(`tr[data-received-id="${RECEIVED_ID}"]`)!;
    expect(within(row).getByRole('link', { name: /^MA-2026-000042/ })).toHaveAttribute('href', `/exchange/received/${RECEIVED_ID}`);
    await waitFor(() => expect(within(row).getByTestId('provenance-badge')).toHaveTextContent('Received from Morocco'));
    expect(row).toHaveTextContent('Administration des douanes et impôts indirects');
    expect(within(row).getByTestId('received-version')).toHaveTextContent('v2');
    expect(row).toHaveTextContent('Nominal');
    expect(row).toHaveTextContent(formatDateTime('2026-03-09T22:15:00Z', 'en'));
    await waitFor(() => expect(within(row).getByTestId('received-groups')).toHaveTextContent('Drugs'));
    expect(within(row).getByTestId('received-imported')).toHaveTextContent(`Louise Liaison${formatDateTime('2026-03-11T09:30:00Z', 'en')}`);

    const other = table.querySelector<HTMLElement>(`tr[data-received-id="${OTHER.id}"]`)!;
    await waitFor(() => expect(within(other).getByTestId('provenance-badge')).toHaveTextContent('Received from Senegal'));
    expect(within(other).getByTestId('received-groups')).toHaveTextContent('Drugs, Tobacco');
    expect(other).toHaveTextContent('Non-nominal');
  });

  it('marks a case its sender withdrew, in the list and on its page, with the reason and the date', async () => {
    stubApi(fakeReceived([receivedSummary({ withdrawal: WITHDRAWAL }), OTHER], receivedCase({ withdrawal: WITHDRAWAL })));
    renderAs(ROUTES, '/exchange/received');
    const table = await screen.findByTestId('received-table');
    const row = table.querySelector<HTMLElement>(`tr[data-received-id="${RECEIVED_ID}"]`)!;
    expect(row).toHaveAttribute('data-withdrawn', 'true');
    expect(within(row).getByTestId('withdrawn-badge')).toHaveTextContent('Withdrawn by sender');
    const other = table.querySelector<HTMLElement>(`tr[data-received-id="${OTHER.id}"]`)!;
    expect(within(other).queryByTestId('withdrawn-badge')).toBeNull();

    await userEvent.click(within(row).getByRole('link', { name: /^MA-2026-000042/ }));
    expect(await screen.findByRole('heading', { name: 'Received case MA-2026-000042', level: 1 })).toBeInTheDocument();
    const alert = screen.getByTestId('received-withdrawal');
    expect(alert).toHaveTextContent('Withdrawn by the sender');
    expect(alert).toHaveTextContent(
      `Administration des douanes et impôts indirects withdrew this case on ${formatDateTime('2026-03-14T10:00:00Z', 'en')}: it is kept for the record, not to be used.`,
    );
    expect(within(alert).getByTestId('received-withdrawal-reason')).toHaveTextContent('The sender’s reasonSent under the wrong agreement: not to be used.');
    expect(within(alert).getByRole('link', { name: 'See the withdrawal' })).toHaveAttribute('href', `/exchange/inbox/${WITHDRAWAL_ID}`);
    expect(within(screen.getByTestId('received-provenance')).getByTestId('withdrawn-badge')).toHaveTextContent('Withdrawn by sender');
  });

  it('says nothing of a withdrawal when the sender withdrew nothing', async () => {
    stubApi(fakeReceived([receivedSummary()]));
    renderAs(ROUTES, `/exchange/received/${RECEIVED_ID}`);
    expect(await screen.findByTestId('received-provenance')).toBeInTheDocument();
    expect(screen.queryByTestId('received-withdrawal')).toBeNull();
    expect(screen.queryByTestId('withdrawn-badge')).toBeNull();
  });

  it('says when nothing has been imported', async () => {
    stubApi(fakeReceived([]));
    renderAs(ROUTES, '/exchange/received');
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No case has been imported from a partner yet.');
  });

  it('shows a received case: its provenance, its persons and companies with possible matches and alerts, the document and its versions', async () => {
    const calls = stubApi(fakeReceived([receivedSummary()]));
    renderAs(ROUTES, `/exchange/received/${RECEIVED_ID}`);
    expect(await screen.findByRole('heading', { name: 'Received case MA-2026-000042', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Each reading of a received case is recorded in the audit trail.')).toBeInTheDocument();
    expect(screen.getByTestId('no-merge')).toHaveTextContent('nothing of it, nor of its persons and companies, is merged into this node’s cases or registers automatically');

    const provenance = screen.getByTestId('received-provenance');
    expect(within(provenance).getByTestId('provenance-badge')).toHaveTextContent('Received from Administration des douanes et impôts indirects');
    await waitFor(() => expect(within(provenance).getByTestId('received-partner')).toHaveTextContent('Administration des douanes et impôts indirects (Morocco)'));
    expect(within(provenance).getByTestId('received-reference')).toHaveTextContent('MA-2026-000042');
    expect(within(provenance).getByTestId('received-version')).toHaveTextContent('v2');
    expect(within(provenance).getByTestId('received-at')).toHaveTextContent(formatDateTime('2026-03-11T08:00:06Z', 'en'));
    expect(within(provenance).getByTestId('received-imported-by')).toHaveTextContent('Louise Liaison');
    expect(within(within(provenance).getByTestId('received-package')).getByRole('link', { name: INBOX_ID })).toHaveAttribute('href', `/exchange/inbox/${INBOX_ID}`);

    const [person, company] = screen.getAllByTestId('received-party');
    expect(within(person!).getByRole('heading', { name: 'BENALI, Karim (1990-04-02)', level: 3 })).toBeInTheDocument();
    await waitFor(() => expect(within(person!).getByTestId('party-role')).toHaveTextContent('Person · Courier'));
    await waitFor(() => expect(within(person!).getByTestId('provenance-badge')).toHaveTextContent('Received from Morocco'));
    // the alert: what to do and whom to contact, never why
    const alert = within(person!).getByTestId('party-alert');
    expect(alert).toHaveTextContent('Alert AL-2026-0007');
    expect(alert).toHaveTextContent('May hit alert AL-2026-0007 (score 91%). Requested action: Discreet check.');
    expect(alert).toHaveTextContent('Do not question; photograph the documents.');
    expect(alert).toHaveTextContent('Contact Marc Owner (DNRED Paris).');
    // the possible match: a link to the record, the score as a percentage, the band, the evidence on demand
    const matches = within(person!).getByRole('table', { name: 'Possible matches in our registers' });
    const candidate = within(matches).getByTestId('party-candidate');
    expect(within(candidate).getByRole('link', { name: 'BENALI, Karim (1990-04-02)' })).toHaveAttribute('href', `/registers/persons/${PERSON_ID}`);
    expect(within(candidate).getByTestId('candidate-score')).toHaveTextContent('87.5%');
    expect(within(candidate).getByTestId('candidate-band')).toHaveTextContent('Hit');
    await userEvent.click(within(candidate).getByRole('button', { name: 'Why?' }));
    const evidence = within(matches).getByTestId('candidate-evidence');
    expect(within(evidence).getAllByTestId('candidate-feature').map((f) => f.textContent)).toEqual([
      'Name (token by token)benali=benali (same)+0.82',
      'Date of birth1990-04-02 = 1990-04-02+0.10',
    ]);

    expect(within(company!).getByRole('heading', { name: 'Atlas Trading SARL (MA)' })).toBeInTheDocument();
    await waitFor(() => expect(within(company!).getByTestId('party-role')).toHaveTextContent('Company · Consignee'));
    expect(within(company!).getByTestId('party-no-match')).toHaveTextContent('No record of our registers comes close enough.');
    expect(within(company!).queryByTestId('party-alerts')).toBeNull();

    // the document as the partner sent it
    const doc = screen.getByTestId('received-document');
    expect(within(doc).getByRole('heading', { name: 'Case MA-2026-000042' })).toBeInTheDocument();
    const value = (path: string) => within(doc.querySelector<HTMLElement>(`tr[data-path="${path}"]`)!).getByTestId('field-value');
    expect(value('persons[0].person.family_name')).toHaveTextContent('Benali');
    expect(value('goods[0].quantity')).toHaveTextContent('12.5');

    // every version, newest first, the one shown marked
    const versions = screen.getByTestId('received-versions');
    const rows = within(versions).getAllByTestId('received-version-row');
    expect(rows.map((r) => r.dataset.version)).toEqual(['2', '1']);
    expect(rows[0]).toHaveTextContent('Shown');
    expect(rows[1]).not.toHaveTextContent('Shown');
    expect(within(rows[1]!).getByRole('link', { name: '0193e000-0000-7000-8000-0000000000e0' })).toHaveAttribute(
      'href',
      '/exchange/inbox/0193e000-0000-7000-8000-0000000000e0',
    );

    // read once: each reading is audited
    expect(calls.filter((c) => c.path === `/api/v1/exchange/received/${RECEIVED_ID}`)).toHaveLength(1);

    await userEvent.click(within(candidate).getByRole('link', { name: 'BENALI, Karim (1990-04-02)' }));
    expect(await screen.findByText('the person’s record')).toBeInTheDocument();
  });

  it('names a possible match without a link for whoever may not read the registers', async () => {
    stubApi(fakeReceived([receivedSummary()]));
    renderAs(ROUTES, `/exchange/received/${RECEIVED_ID}`, LIAISON.filter((p) => p !== 'registers.read'));
    const candidate = await screen.findByTestId('party-candidate');
    expect(candidate).toHaveTextContent('BENALI, Karim (1990-04-02)');
    expect(within(candidate).queryByRole('link')).toBeNull();
  });

  it('says when a case names no person or company', async () => {
    stubApi(fakeReceived([receivedSummary()], receivedCase({ parties: [] })));
    renderAs(ROUTES, `/exchange/received/${RECEIVED_ID}`);
    expect(await screen.findByText('This case names no person or company.')).toBeInTheDocument();
  });

  it('shows the files the case lists, read from the received case', async () => {
    // jsdom has no blob URLs
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: vi.fn(() => 'blob:photo') });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: vi.fn() });
    onTestFinished(() => {
      Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: original.create });
      Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: original.revoke });
    });
    const base = receivedCase();
    // a non-nominal case: no caption nor file name
    const detail = receivedCase({
      document: {
        ...(base.document as object),
        attachments: [receivedAttachment({ caption: undefined, original_filename: undefined, kind: 'xray' })],
      } as unknown as ReceivedCaseDetail['document'],
    });
    const fake = fakeReceived([receivedSummary()], detail);
    const files = `/api/v1/exchange/received/${RECEIVED_ID}/files`;
    const calls = stubApi((req) =>
      req.url.pathname === `${files}/${PHOTO_SHA}` ? new Response('jpeg bytes', { headers: { 'Content-Type': 'image/jpeg' } }) : fake(req),
    );
    renderAs(ROUTES, `/exchange/received/${RECEIVED_ID}`);
    await userEvent.click(await screen.findByRole('tab', { name: 'Files (1)' }));
    const grid = await screen.findByTestId('received-files');
    const card = within(grid).getByTestId('received-file');
    expect(card).toHaveAttribute('data-sha256', PHOTO_SHA);
    expect(await within(card).findByRole('img', { name: 'X-ray' })).toHaveAttribute('src', 'blob:photo');
    expect(within(card).queryByTestId('received-file-caption')).toBeNull();
    expect(within(card).getByRole('button', { name: 'Download X-ray 1' })).toBeInTheDocument();
    expect(calls.filter((c) => c.path.startsWith(files)).map((c) => c.path)).toEqual([`${files}/${PHOTO_SHA}`]);
  });

  it('speaks French', async () => {
    await i18n.changeLanguage('fr');
    stubApi(fakeReceived([receivedSummary()]));
    renderAs(ROUTES, `/exchange/received/${RECEIVED_ID}`);
    expect(await screen.findByRole('heading', { name: 'Affaire reçue MA-2026-000042', level: 1 })).toBeInTheDocument();
    const person = screen.getAllByTestId('received-party')[0]!;
    expect(within(person).getByRole('heading', { name: 'Correspondances possibles dans nos registres' })).toBeInTheDocument();
    await waitFor(() => expect(within(person).getByTestId('provenance-badge')).toHaveTextContent('Provenance : Maroc'));
    expect(within(person).getByTestId('party-alert')).toHaveTextContent('Action demandée : Contrôle discret.');
  });
});
