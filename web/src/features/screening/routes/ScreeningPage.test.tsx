import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { codeBookQuery } from '@/api/queries/codelists';
import { meQuery } from '@/api/queries/me';
import type { CodeListEntry, Me } from '@/api/types';
import { renderRoutes } from '@/test/render';
import type { ScreeningResult } from '../api/screening';
import { ScreeningPage } from './ScreeningPage';

// pickers and a mutation, in a jsdom that may share the machine with other work
configure({ asyncUtilTimeout: 5000 });

const entry = (code: string, en: string) => ({ code, labels: { en }, retired: false, sort_order: 0 }) as unknown as CodeListEntry;

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

const problem = (errors: { field: string; code: string; message: string }[]) =>
  json({ type: 'about:blank', title: 'Validation failed', status: 422, code: 'validation_failed', errors }, 422, 'application/problem+json');

const PERSON_ID = '0193a000-0000-7000-8000-0000000000a1';
const OTHER_ID = '0193a000-0000-7000-8000-0000000000a2';

const HIT: ScreeningResult = {
  candidates: [
    {
      kind: 'person',
      id: PERSON_ID,
      label: 'بن صالح, عبد القادر (1979-11-07)',
      score: 0.9129,
      band: 'hit',
      features: [
        { feature: 'name_tokens', detail: 'abdelkader=عبد القادر (transliterated)', contribution: 0.86 },
        { feature: 'date_of_birth', detail: '1979-11-07 / 1979', contribution: 0.15 },
        { feature: 'gender', detail: 'male / female', contribution: -0.35 },
      ],
    },
    {
      kind: 'person',
      id: OTHER_ID,
      label: 'BENSALAH, Kader',
      score: 0.6999,
      band: 'review',
      features: [{ feature: 'name_joined', detail: 'bensaleh~bensalah', contribution: 0.7 }],
    },
  ],
  thresholds: { hit: 0.8, review: 0.65 },
  scored: 57,
  alerts: [
    {
      alert_reference: 'FR-ALR-2026-000001',
      requested_action: 'discreet_check',
      handling_instructions: 'Do not alert the subject.',
      contact: { id: 'u9', name: 'Nathalie Richard' },
      contact_unit: { id: 'n1', name: 'National Intelligence and Targeting Unit' },
      score: 1,
    },
  ],
};

/**
 * The API as the page meets it: `answer` replies to each screening; every screening request's
 * body is kept.
 */
function api(answer: (body: { person?: Record<string, unknown>; company?: Record<string, unknown> }) => Response) {
  const sent: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/v1/screening' && req.method === 'POST') {
        const body = await req.clone().json();
        sent.push(body);
        return answer(body);
      }
      return json({ items: [], entries: [] });
    }),
  );
  return sent;
}

function setup(path = '/screening') {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  qc.setQueryData(meQuery.queryKey, { id: 'u1', username: 'officer1', roles: ['officer'], permissions: ['registers.read'] } as unknown as Me);
  qc.setQueryData(codeBookQuery('countries').queryKey, [entry('DZ', 'Algeria'), entry('FR', 'France')]);
  return renderRoutes(
    [
      { path: '/screening', element: <ScreeningPage /> },
      { path: '/registers/persons/:id', element: <p>person record</p> },
    ],
    path,
    qc,
  );
}

const form = () => screen.getByTestId('screening-form');
const textbox = (name: RegExp | string) => within(form()).getByRole('textbox', { name });
const screenIt = () => userEvent.click(within(form()).getByRole('button', { name: 'Screen' }));

async function pick(label: RegExp, option: string) {
  await userEvent.click(within(form()).getByRole('combobox', { name: label }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

describe('the screening page', { timeout: 60_000 }, () => {
  beforeEach(() => {
    if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('screens a person by full name and year of birth, and shows a hit with why', async () => {
    const sent = api(() => json(HIT));
    setup();
    expect(screen.getByRole('heading', { name: 'Screening', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Person' })).toBeChecked();
    expect(screen.getByTestId('screening-audit-note')).toHaveTextContent('recorded in the audit trail');
    const name = textbox('Full name');
    expect(name).toHaveAccessibleDescription('In any order and any script.');
    await userEvent.type(name, 'Abdelkader Bensaleh');
    const dob = textbox('Date of birth');
    expect(dob).toHaveAccessibleDescription('YYYY, YYYY-MM or YYYY-MM-DD');
    await userEvent.type(dob, '1979');
    await pick(/^Nationalities/, 'Algeria');
    await userEvent.click(within(form()).getByRole('button', { name: 'Add a document number' }));
    await userEvent.type(textbox('Document number 1'), 'AB 123456');
    await screenIt();

    const table = await screen.findByTestId('screening-results');
    // the alert the query hits: what to do and whom to call, never why
    const alert = screen.getByTestId('screening-alert');
    expect(alert).toHaveTextContent('Alert FR-ALR-2026-000001');
    expect(alert).toHaveTextContent('Requested action: Discreet check.');
    expect(alert).toHaveTextContent('Do not alert the subject.');
    expect(alert).toHaveTextContent('Contact Nathalie Richard (National Intelligence and Targeting Unit).');
    expect(sent).toEqual([
      {
        person: {
          name: 'Abdelkader Bensaleh',
          family_name: null,
          given_names: null,
          date_of_birth: '1979',
          gender: null,
          nationalities: ['DZ'],
          documents: [{ number: 'AB 123456', country: null }],
          phones: [],
          emails: [],
        },
      },
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('2 possible matches found.');
    const rows = within(table).getAllByTestId('screening-candidate');
    expect(rows).toHaveLength(2);
    // best first: the hit, filled, with its score rounded down and a link to the record
    const hit = rows[0]!;
    expect(within(hit).getByTestId('screening-band')).toHaveTextContent('Hit');
    expect(within(hit).getByTestId('screening-score')).toHaveTextContent('91.2%');
    expect(within(hit).getByRole('link', { name: 'بن صالح, عبد القادر (1979-11-07)' })).toHaveAttribute('href', `/registers/persons/${PERSON_ID}`);
    // a score just under the hit threshold never reads as the threshold
    expect(within(rows[1]!).getByTestId('screening-band')).toHaveTextContent('Review');
    expect(within(rows[1]!).getByTestId('screening-score')).toHaveTextContent('69.9%');
    expect(screen.getByTestId('screening-summary')).toHaveTextContent('Hit at 80%, review from 65%.');
    expect(screen.getByTestId('screening-summary')).toHaveTextContent('57 records compared.');

    // why: each piece of evidence named, its detail as the server wrote it, its part signed
    expect(screen.queryByTestId('screening-explanation')).not.toBeInTheDocument();
    const why = within(hit).getByRole('button', { name: 'Why?' });
    expect(why).toHaveAccessibleDescription('بن صالح, عبد القادر (1979-11-07)');
    expect(why).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(why);
    expect(why).toHaveAttribute('aria-expanded', 'true');
    const panel = screen.getByTestId('screening-explanation');
    expect(why).toHaveAttribute('aria-controls', panel.id);
    const features = within(panel).getAllByTestId('screening-feature').map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(features).toEqual([
      ['Name (token by token)', 'abdelkader=عبد القادر (transliterated)', '+0.86'],
      ['Date of birth', '1979-11-07 / 1979', '+0.15'],
      ['Gender', 'male / female', '\u22120.35'],
    ]);
    // the detail is isolated (it may mix scripts)
    expect(within(panel).getByText('abdelkader=عبد القادر (transliterated)').tagName).toBe('BDI');
    await userEvent.click(why);
    expect(screen.queryByTestId('screening-explanation')).not.toBeInTheDocument();
  });

  it('shows the server’s field errors: nothing to match, and a document number at its row', async () => {
    const sent = api((body) =>
      body.person?.documents && (body.person.documents as unknown[]).length > 0
        ? problem([{ field: 'person.documents[0].number', code: 'length', message: 'must be at most 64 characters long' }])
        : problem([{ field: 'person', code: 'nothing_to_match', message: 'give a name, a document number, a phone or an e-mail' }]),
    );
    setup();
    await pick(/^Gender/, 'Male');
    await screenIt();
    const alert = await within(form()).findByTestId('screening-subject-error');
    expect(alert).toHaveTextContent('Give a name, a document number, a phone or an e-mail.');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(within(form()).getByTestId('form-invalid')).toHaveTextContent('1 field needs attention.');
    expect(sent).toHaveLength(1);
    expect(screen.queryByTestId('screening-results')).not.toBeInTheDocument();

    // a server error on a document row is shown at that row's number
    await userEvent.click(within(form()).getByRole('button', { name: 'Add a document number' }));
    await userEvent.type(textbox('Document number 1'), 'X'.repeat(10));
    await screenIt();
    const number = textbox('Document number 1');
    await waitFor(() => expect(number).toHaveAccessibleDescription('must be at most 64 characters long'));
    expect(number).toHaveAttribute('aria-invalid', 'true');
    expect(within(form()).queryByTestId('screening-subject-error')).not.toBeInTheDocument();
  });

  it('checks the date of birth and blank document rows before asking', async () => {
    const sent = api(() => json(HIT));
    setup();
    await userEvent.type(textbox('Full name'), 'Bensaleh');
    await userEvent.type(textbox('Date of birth'), '1979-13');
    await userEvent.click(within(form()).getByRole('button', { name: 'Add a document number' }));
    await screenIt();
    expect(await within(form()).findByText('Use YYYY, YYYY-MM or YYYY-MM-DD.')).toBeInTheDocument();
    expect(textbox('Document number 1')).toHaveAccessibleDescription('Required');
    expect(sent).toHaveLength(0);
    // a removed row is not sent
    await userEvent.click(within(form()).getByRole('button', { name: 'Remove document 1' }));
    await userEvent.clear(textbox('Date of birth'));
    await userEvent.type(textbox('Date of birth'), '1979-11');
    await screenIt();
    await screen.findByTestId('screening-results');
    expect(sent).toMatchObject([{ person: { name: 'Bensaleh', date_of_birth: '1979-11', documents: [] } }]);
  });

  it('screens a company, and says so when nothing comes close', async () => {
    const sent = api(() => json({ candidates: [], thresholds: { hit: 0.8, review: 0.65 }, scored: 3, alerts: [] }));
    const { router } = setup();
    await userEvent.click(screen.getByRole('radio', { name: 'Company' }));
    await waitFor(() => expect(router.state.location.search).toBe('?subject=company'));
    await userEvent.type(textbox('Company name'), 'Acme Trading');
    await userEvent.type(textbox('EORI'), 'FR 1234');
    await screenIt();
    const empty = await screen.findByTestId('screening-no-candidates');
    expect(empty).toHaveTextContent('No record comes close enough.');
    expect(empty).toHaveTextContent('Hit at 80%, review from 65%.');
    expect(empty).toHaveTextContent('3 records compared.');
    expect(sent).toEqual([{ company: { name: 'Acme Trading', country: null, registration_number: null, tax_id: null, eori: 'FR 1234' } }]);
  });

  it('keeps the query and its answer in the history entry, not the address: back from a record shows them again', async () => {
    const sent = api(() => json(HIT));
    const { router } = setup();
    await userEvent.type(textbox('Full name'), 'Abdelkader Bensaleh');
    await screenIt();
    const link = await screen.findByRole('link', { name: 'بن صالح, عبد القادر (1979-11-07)' });
    expect(router.state.location.search).toBe('');
    await userEvent.click(link);
    expect(await screen.findByText('person record')).toBeInTheDocument();
    await act(() => router.navigate(-1));
    expect(await screen.findByTestId('screening-results')).toBeInTheDocument();
    expect(textbox('Full name')).toHaveValue('Abdelkader Bensaleh');
    // shown again, not screened again
    expect(sent).toHaveLength(1);
  });
});
