import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/i18n';
import { formatDateTime } from '@/lib/format';
import { session } from '@/lib/session';
import type { ReceivedCaseDetail, ReceivedParty } from '../api/exchange';
import type { PartyLink } from '../api/links';
import { PERSON_ID, RECEIVED_ID, json, problem, receivedCase, renderAs, stubApi, type Call, type Req } from '../test/fake';
import { ReceivedCasePage } from '../routes/ReceivedCasePage';

const OTHER_PERSON = '0193a000-0000-7000-8000-000000000102';
const CASE_PATH = `/api/v1/exchange/received/${RECEIVED_ID}`;
const LINK_PATH = `${CASE_PATH}/parties/0/link`;

const ROUTES = [
  { path: '/exchange/received/:id', element: <ReceivedCasePage /> },
  { path: '/exchange/inbox/:id', element: <p>the inbox package</p> },
  { path: '/registers/persons/:id', element: <p>the person’s record</p> },
];

const LINK: PartyLink = {
  record_id: PERSON_ID,
  record_label: 'BENALI, Karim (1990-04-02)',
  linked_by: 'me',
  linked_by_name: 'Louise Liaison',
  linked_at: '2026-03-12T10:00:00Z',
};

const WITHDRAWAL = { package_id: '0193e000-0000-7000-8000-0000000000e9', reason: 'Wrong agreement.', withdrawn_at: '2026-03-14T10:00:00Z' };

/** The courier of the fake case, with a second possible match, linked to `link` (or not). */
function kase(link: PartyLink | null, over: Partial<ReceivedCaseDetail> = {}): ReceivedCaseDetail {
  const base = receivedCase();
  const [courier, company] = base.parties as [ReceivedParty, ReceivedParty];
  const second = { ...courier.candidates[0]!, id: OTHER_PERSON, label: 'BENALLI, Karim', score: 0.71, band: 'review' as const, features: [] };
  return receivedCase({ parties: [{ ...courier, candidates: [...courier.candidates, second], link }, company], ...over });
}

/**
 * A fake server keeping the link of the courier (position 0): PUT sets it (to the record asked),
 * DELETE takes it back, the case is read with it. `refuse` answers the PUT instead.
 */
function fakeServer(initial: PartyLink | null, { over = {}, refuse }: { over?: Partial<ReceivedCaseDetail>; refuse?: () => Response } = {}) {
  let link = initial;
  return (req: Req) => {
    const { pathname } = req.url;
    if (pathname === CASE_PATH && req.method === 'GET') return json(kase(link, over));
    if (pathname === LINK_PATH && req.method === 'PUT') {
      if (refuse) return refuse();
      const id = (req.body as { record_id: string }).record_id;
      link = { ...LINK, record_id: id, record_label: id === PERSON_ID ? LINK.record_label : 'BENALLI, Karim', linked_at: '2026-03-15T08:00:00Z' };
      return json(link);
    }
    if (pathname === LINK_PATH && req.method === 'DELETE') {
      link = null;
      return new Response(null, { status: 204 });
    }
    return undefined;
  };
}

const reads = (calls: Call[]) => calls.filter((c) => c.method === 'GET' && c.path === CASE_PATH).length;

async function courier() {
  const [person] = await screen.findAllByTestId('received-party');
  return person!;
}

describe('linking a received person to the registers', { timeout: 60_000 }, () => {
  beforeEach(() => {
    session.signedIn('tok', 900);
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    session.reset();
    await i18n.changeLanguage('en');
  });

  it('links the party to a candidate with "This is the same": PUT with the record id, then the case read again shows it linked', async () => {
    const calls = stubApi(fakeServer(null));
    renderAs(ROUTES, `/exchange/received/${RECEIVED_ID}`);
    const person = await courier();
    expect(within(person).queryByTestId('party-linked')).toBeNull();
    const buttons = within(person).getAllByTestId('party-link');
    expect(buttons.map((b) => b.dataset.recordId)).toEqual([PERSON_ID, OTHER_PERSON]);
    expect(buttons[0]).toHaveAccessibleName('This is the same');
    expect(buttons[0]).toHaveAccessibleDescription('BENALI, Karim (1990-04-02)');
    // the company has no candidate: nothing to link it to
    const company = screen.getAllByTestId('received-party')[1]!;
    expect(within(company).queryByTestId('party-link')).toBeNull();

    await userEvent.click(buttons[0]!);

    const put = calls.filter((c) => c.method === 'PUT');
    expect(put).toEqual([expect.objectContaining({ path: LINK_PATH, body: { record_id: PERSON_ID } })]);
    const linked = await within(person).findByTestId('party-linked');
    expect(linked).toHaveAttribute('data-record-id', PERSON_ID);
    expect(linked).toHaveTextContent('Linked to BENALI, Karim (1990-04-02)');
    expect(linked).toHaveTextContent(`Linked by Louise Liaison on ${formatDateTime('2026-03-15T08:00:00Z', 'en')}`);
    expect(within(linked).getByRole('link', { name: 'BENALI, Karim (1990-04-02)' })).toHaveAttribute('href', `/registers/persons/${PERSON_ID}`);
    expect(reads(calls)).toBe(2);
    // the record linked is marked as such among the candidates; the other one may still replace it
    const rows = within(person).getAllByTestId('party-candidate');
    expect(within(rows[0]!).getByTestId('candidate-linked')).toHaveTextContent('Linked');
    expect(within(rows[0]!).queryByTestId('party-link')).toBeNull();
    expect(within(rows[1]!).getByTestId('party-link')).toHaveAttribute('data-record-id', OTHER_PERSON);
  });

  it('replaces a link with another candidate', async () => {
    const calls = stubApi(fakeServer(LINK));
    renderAs(ROUTES, `/exchange/received/${RECEIVED_ID}`);
    const person = await courier();
    await userEvent.click(within(person).getByTestId('party-link'));
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([expect.objectContaining({ path: LINK_PATH, body: { record_id: OTHER_PERSON } })]);
    await waitFor(() => expect(within(person).getByTestId('party-linked')).toHaveAttribute('data-record-id', OTHER_PERSON));
    expect(within(person).getByTestId('party-linked')).toHaveTextContent('Linked to BENALLI, Karim');
  });

  it('shows a linked party with its record, who linked it and when, and takes the link back with DELETE', async () => {
    const calls = stubApi(fakeServer({ ...LINK, linked_by_name: null }));
    renderAs(ROUTES, `/exchange/received/${RECEIVED_ID}`);
    const person = await courier();
    expect(person).toHaveAttribute('data-linked', 'true');
    const linked = within(person).getByTestId('party-linked');
    expect(linked).toHaveTextContent('Linked to BENALI, Karim (1990-04-02)');
    // no name for who linked it: when, still
    expect(linked).toHaveTextContent(`Linked on ${formatDateTime(LINK.linked_at, 'en')}`);

    const unlink = within(person).getByTestId('party-unlink');
    expect(unlink).toHaveAccessibleName('Unlink');
    await userEvent.click(unlink);

    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([LINK_PATH]);
    await waitFor(() => expect(within(person).queryByTestId('party-linked')).toBeNull());
    expect(reads(calls)).toBe(2);
    expect(within(person).getAllByTestId('party-link')).toHaveLength(2);
  });

  it('names the record linked without a link to it for whoever may not read the registers', async () => {
    stubApi(fakeServer(LINK));
    renderAs(ROUTES, `/exchange/received/${RECEIVED_ID}`, ['codelists.read', 'exchange.manage']);
    const linked = await within(await courier()).findByTestId('party-linked');
    expect(linked).toHaveTextContent('Linked to BENALI, Karim (1990-04-02)');
    expect(within(linked).queryByRole('link')).toBeNull();
  });

  it('offers no link while the sender’s withdrawal stands, and says why', async () => {
    const calls = stubApi(fakeServer(null, { over: { withdrawal: WITHDRAWAL } }));
    renderAs(ROUTES, `/exchange/received/${RECEIVED_ID}`);
    const person = await courier();
    expect(within(person).getAllByTestId('party-candidate')).toHaveLength(2);
    expect(screen.queryAllByTestId('party-link')).toEqual([]);
    expect(screen.getByTestId('party-link-withdrawn')).toHaveTextContent(
      'The sender withdrew this case: its persons and companies can no longer be linked to our registers.',
    );
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('keeps showing a link made before the withdrawal, and lets it be taken back', async () => {
    stubApi(fakeServer(LINK, { over: { withdrawal: WITHDRAWAL } }));
    renderAs(ROUTES, `/exchange/received/${RECEIVED_ID}`);
    const person = await courier();
    expect(within(person).getByTestId('party-linked')).toBeInTheDocument();
    expect(within(person).getByTestId('party-unlink')).toBeEnabled();
    expect(screen.queryAllByTestId('party-link')).toEqual([]);
  });

  it('says that the sender withdrew the case meanwhile (409 withdrawn), reading it again', async () => {
    let withdrawn = false;
    const server = fakeServer(null, {
      refuse: () => {
        withdrawn = true;
        return problem(409, 'withdrawn', { detail: 'withdrawn by the sender' });
      },
    });
    const calls = stubApi((req) =>
      req.method === 'GET' && req.url.pathname === CASE_PATH && withdrawn ? json(kase(null, { withdrawal: WITHDRAWAL })) : server(req),
    );
    renderAs(ROUTES, `/exchange/received/${RECEIVED_ID}`);
    const person = await courier();
    await userEvent.click(within(person).getAllByTestId('party-link')[0]!);
    const error = await within(person).findByTestId('party-link-error');
    expect(error).toHaveAttribute('data-code', 'withdrawn');
    expect(error).toHaveTextContent('The sender withdrew this case meanwhile: its persons and companies can no longer be linked.');
    // read again: the withdrawal is shown, and no more link offered
    expect(await screen.findByTestId('received-withdrawal')).toBeInTheDocument();
    expect(screen.queryAllByTestId('party-link')).toEqual([]);
    expect(reads(calls)).toBe(2);
  });

  it('says when the record is not one of the registers’ (422 record_id not_found)', async () => {
    const calls = stubApi(
      fakeServer(null, {
        refuse: () =>
          problem(422, 'validation_failed', { errors: [{ field: 'record_id', code: 'not_found', message: 'no such person' }] }),
      }),
    );
    renderAs(ROUTES, `/exchange/received/${RECEIVED_ID}`);
    const person = await courier();
    await userEvent.click(within(person).getAllByTestId('party-link')[1]!);
    expect(await within(person).findByTestId('party-link-error')).toHaveTextContent(
      'This record is no longer in our registers, or is not of the same kind.',
    );
    expect(within(person).queryByTestId('party-linked')).toBeNull();
    // not read again: nothing changed
    expect(reads(calls)).toBe(1);
  });

  it('says when the case or the party is gone (404)', async () => {
    stubApi(fakeServer(null, { refuse: () => problem(404, 'not_found') }));
    renderAs(ROUTES, `/exchange/received/${RECEIVED_ID}`);
    const person = await courier();
    await userEvent.click(within(person).getAllByTestId('party-link')[0]!);
    expect(await within(person).findByTestId('party-link-error')).toHaveTextContent('This case, or this person or company, no longer exists here.');
  });

  it('speaks French', async () => {
    await i18n.changeLanguage('fr');
    stubApi(fakeServer(LINK));
    renderAs(ROUTES, `/exchange/received/${RECEIVED_ID}`);
    const person = await courier();
    expect(within(person).getByTestId('party-link')).toHaveAccessibleName('C’est la même');
    expect(within(person).getByTestId('party-linked')).toHaveTextContent('Rattachée à BENALI, Karim (1990-04-02)');
    expect(within(person).getByTestId('party-unlink')).toHaveAccessibleName('Détacher');
  });
});
