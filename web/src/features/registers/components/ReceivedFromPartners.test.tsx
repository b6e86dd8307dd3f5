import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import i18n from '@/i18n';
import { codeBookQuery } from '@/api/queries/codelists';
import { meQuery } from '@/api/queries/me';
import type { CodeListEntry, Company, Me, Person } from '@/api/types';
import { formatDateTime } from '@/lib/format';
import { renderRoutes } from '@/test/render';
import { mergeKeys } from '../api/merges';
import type { ReceivedCaseSummary } from '../api/received';
import { recordKeys } from '../api/registers';
import { CompanyPage, PersonPage } from '../routes/RecordPages';

const entry = (code: string, en: string, fr = en) => ({ code, labels: { en, fr }, retired: false, sort_order: 0 }) as unknown as CodeListEntry;

const PERSON_ID = '0193a000-0000-7000-8000-000000000101';
const COMPANY_ID = '0193a000-0000-7000-8000-000000000201';
const RECEIVED_ID = '0193f000-0000-7000-8000-0000000000f1';
const WITHDRAWN_ID = '0193f000-0000-7000-8000-0000000000f2';

const record = {
  version: 1,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-02T00:00:00Z',
  aliases: [],
  nationalities: [],
  documents: [],
  addresses: [],
  phones: [],
  emails: [],
  notes: null,
  cases: [],
  correction_locked: false,
};
const person = { ...record, id: PERSON_ID, family_name: 'Benali', given_names: 'Karim' } as unknown as Person;
const company = { ...record, id: COMPANY_ID, name: 'Atlas Trading SARL', country: 'MA', identifiers: [], former_names: [] } as unknown as Company;

function summary(over: Partial<ReceivedCaseSummary> = {}): ReceivedCaseSummary {
  return {
    id: RECEIVED_ID,
    provenance: {
      partner_id: '0193b000-0000-7000-8000-0000000000a1',
      partner_name: 'Administration des douanes et impôts indirects',
      partner_country: 'MA',
      package_id: '0193e000-0000-7000-8000-0000000000e1',
      received_at: '2026-03-11T08:00:06Z',
      original_reference: 'MA-2026-000042',
    },
    version: 2,
    scope: 'nominal',
    detected_at: '2026-03-09T22:15:00Z',
    commodity_groups: ['drugs'],
    imported_by: 'me',
    imported_by_name: 'Louise Liaison',
    imported_at: '2026-03-11T09:30:00Z',
    withdrawal: null,
    ...over,
  };
}

const ITEMS = [
  summary(),
  summary({
    id: WITHDRAWN_ID,
    provenance: { ...summary().provenance, partner_name: 'Direction générale des douanes', partner_country: 'SN', original_reference: 'SN-2026-000010' },
    version: 1,
    detected_at: null,
    withdrawal: { package_id: '0193e000-0000-7000-8000-0000000000e9', reason: 'Wrong agreement.', withdrawn_at: '2026-03-14T10:00:00Z' },
  }),
];

const LIAISON = ['registers.read', 'exchange.manage'];
const OFFICER = ['registers.read', 'registers.write'];

/** Renders the person's (or the company's) page for `permissions`, the API answering the received cases with `items`. */
function setup(kind: 'person' | 'company', permissions: string[], items: ReceivedCaseSummary[] = ITEMS) {
  const requests: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url);
      requests.push(url);
      const body = url.pathname === '/api/v1/exchange/received' ? { items } : { items: [], entries: [] };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  qc.setQueryData(meQuery.queryKey, { id: 'u1', username: 'someone', roles: [], permissions } as unknown as Me);
  const id = kind === 'person' ? PERSON_ID : COMPANY_ID;
  const register = kind === 'person' ? 'persons' : 'companies';
  qc.setQueryData(recordKeys.detail(register, id), kind === 'person' ? person : company);
  qc.setQueryData(recordKeys.history(register, id), []);
  qc.setQueryData(mergeKeys.forRecord(id), []);
  qc.setQueryData(recordKeys.companyRisk(COMPANY_ID), { score: 10, band: 'low', pending: false, explanation: [], thresholds: { medium: 30, high: 60 } });
  qc.setQueryData(codeBookQuery('countries').queryKey, [entry('MA', 'Morocco', 'Maroc'), entry('SN', 'Senegal', 'Sénégal')]);
  for (const list of ['document_types', 'person_roles', 'company_roles', 'legal_forms']) qc.setQueryData(codeBookQuery(list).queryKey, []);
  renderRoutes(
    [
      { path: '/registers/persons/:id', element: <PersonPage /> },
      { path: '/registers/companies/:id', element: <CompanyPage /> },
      { path: '/exchange/received/:id', element: <p>the received case</p> },
    ],
    `/registers/${register}/${id}`,
    qc,
  );
  /** what was asked of the exchange's API so far */
  return () => requests.filter((u) => u.pathname.startsWith('/api/v1/exchange/')).map((u) => u.pathname + u.search);
}

describe('received from partners, on a record’s page', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18n.changeLanguage('en');
  });

  it('lists for a liaison officer the received cases linked to the person, each leading to its page', async () => {
    const asked = setup('person', LIAISON);
    const panel = await screen.findByTestId('received-from-partners');
    expect(within(panel).getByRole('heading', { name: 'Received from partners', level: 2 })).toBeInTheDocument();
    const rows = await within(panel).findAllByTestId('received-from-partners-item');
    expect(asked()).toEqual([`/api/v1/exchange/received?person_id=${PERSON_ID}`]);
    expect(rows.map((r) => r.dataset.receivedId)).toEqual([RECEIVED_ID, WITHDRAWN_ID]);

    const [first, withdrawn] = rows as [HTMLElement, HTMLElement];
    expect(within(first).getByRole('link', { name: /^MA-2026-000042/ })).toHaveAttribute('href', `/exchange/received/${RECEIVED_ID}`);
    expect(first).toHaveTextContent('Administration des douanes et impôts indirects');
    expect(within(first).getByTestId('received-from-partners-country')).toHaveTextContent('Morocco');
    expect(first).toHaveTextContent(formatDateTime('2026-03-09T22:15:00Z', 'en'));
    expect(first).toHaveTextContent('v2');
    expect(within(first).queryByTestId('received-from-partners-withdrawn')).toBeNull();

    expect(withdrawn).toHaveAttribute('data-withdrawn', 'true');
    expect(within(withdrawn).getByTestId('received-from-partners-withdrawn')).toHaveTextContent('Withdrawn by sender');
    expect(within(withdrawn).getByTestId('received-from-partners-country')).toHaveTextContent('Senegal');
    expect(withdrawn).toHaveTextContent('v1');

    await userEvent.click(within(first).getByRole('link', { name: /^MA-2026-000042/ }));
    expect(await screen.findByText('the received case')).toBeInTheDocument();
  });

  it('asks for the company’s by company_id', async () => {
    const asked = setup('company', LIAISON);
    const panel = await screen.findByTestId('received-from-partners');
    expect(await within(panel).findAllByTestId('received-from-partners-item')).toHaveLength(2);
    expect(asked()).toEqual([`/api/v1/exchange/received?company_id=${COMPANY_ID}`]);
  });

  it('says when no received case is linked to the record', async () => {
    setup('person', LIAISON, []);
    const panel = await screen.findByTestId('received-from-partners');
    expect(await within(panel).findByTestId('received-from-partners-empty')).toHaveTextContent(
      'No case received from a partner is linked to this record.',
    );
    expect(within(panel).queryByTestId('received-from-partners-item')).toBeNull();
  });

  it.each(['person', 'company'] as const)('shows nothing, and asks nothing, to whoever does not run the exchange (%s)', async (kind) => {
    const asked = setup(kind, [...OFFICER, 'exchange.request']);
    expect(await screen.findByTestId('record-title')).toBeInTheDocument();
    // let any query the page starts run
    await waitFor(() => expect(screen.queryByText('Loading…')).toBeNull());
    expect(screen.queryByTestId('received-from-partners')).toBeNull();
    expect(asked()).toEqual([]);
  });

  it('speaks French', async () => {
    await i18n.changeLanguage('fr');
    setup('person', LIAISON);
    const panel = await screen.findByTestId('received-from-partners');
    expect(within(panel).getByRole('heading', { name: 'Reçu des partenaires' })).toBeInTheDocument();
    const [, withdrawn] = await within(panel).findAllByTestId('received-from-partners-item');
    expect(within(withdrawn!).getByTestId('received-from-partners-withdrawn')).toHaveTextContent('Retirée par l’expéditeur');
    expect(within(withdrawn!).getByTestId('received-from-partners-country')).toHaveTextContent('Sénégal');
  });
});
