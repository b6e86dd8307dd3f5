import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { codeBookQuery } from '@/api/queries/codelists';
import { meQuery } from '@/api/queries/me';
import type { CodeListEntry, Me } from '@/api/types';
import { renderRoutes } from '@/test/render';
import type { BatchResult } from '../api/screening';
import { ScreeningPage } from '../routes/ScreeningPage';

// a mutation and a large table, in a jsdom that may share the machine with other work
configure({ asyncUtilTimeout: 5000 });

const entry = (code: string, en: string) => ({ code, labels: { en }, retired: false, sort_order: 0 }) as unknown as CodeListEntry;

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

const problem = (errors: { field: string; code: string; message: string }[]) =>
  json({ type: 'about:blank', title: 'Validation failed', status: 422, code: 'validation_failed', errors }, 422, 'application/problem+json');

const PERSON_ID = '0193a000-0000-7000-8000-0000000000a1';
const OTHER_ID = '0193a000-0000-7000-8000-0000000000a2';
const REVIEW_ID = '0193a000-0000-7000-8000-0000000000a3';
const CONVEYANCE_ID = '0193a000-0000-7000-8000-0000000000c1';

const CSV = [
  'reference,name,date_of_birth,container',
  '12A,Ann Smith,1990,',
  '14C,Abdelkader Bensaleh,1979,',
  '15F,Kader Bensalah,,',
  ',,,CSQU3054383',
].join('\n');

/** As the server answers: hits first, then lines to review, then clear lines, each group in list order. */
const ANSWER: BatchResult = {
  lines: [
    {
      line: 2,
      reference: '14C',
      label: 'Abdelkader Bensaleh · 1979',
      outcome: 'hit',
      alerts: [
        {
          alert_reference: 'FR-ALR-2026-000001',
          requested_action: 'discreet_check',
          handling_instructions: 'Do not alert the subject.',
          contact: { id: 'u9', name: 'Nathalie Richard' },
          contact_unit: { id: 'n1', name: 'National Intelligence and Targeting Unit' },
          score: 0.93,
        },
      ],
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
    },
    {
      line: 4,
      reference: null,
      label: 'CSQU3054383',
      outcome: 'hit',
      alerts: [],
      candidates: [
        {
          kind: 'conveyance',
          id: CONVEYANCE_ID,
          label: 'CSQU3054383 (container)',
          score: 1,
          band: 'hit',
          features: [{ feature: 'container', detail: 'CSQU3054383 (same)', contribution: 1 }],
        },
      ],
    },
    {
      line: 3,
      reference: '15F',
      label: 'Kader Bensalah',
      outcome: 'review',
      alerts: [],
      candidates: [{ kind: 'person', id: REVIEW_ID, label: 'BENSALAH, K.', score: 0.71, band: 'review', features: [] }],
    },
    { line: 1, reference: '12A', label: 'Ann Smith · 1990', outcome: 'clear', alerts: [], candidates: [] },
  ],
  counts: { lines: 4, hit: 2, review: 1, clear: 1 },
  thresholds: { hit: 0.8, review: 0.65 },
};

interface Sent {
  type: string | null;
  body: string;
}

/** The API as the page meets it: `answer` replies to each list; every list request's type and body are kept. */
function api(answer: () => Response) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/v1/screening/batch' && req.method === 'POST') {
        sent.push({ type: req.headers.get('Content-Type'), body: await req.clone().text() });
        return answer();
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

const form = () => screen.getByTestId('batch-form');
const listBox = () => within(form()).getByRole('textbox', { name: 'List (CSV)' });
const screenList = () => userEvent.click(within(form()).getByRole('button', { name: 'Screen list' }));

async function paste(text: string) {
  await userEvent.click(listBox());
  await userEvent.paste(text);
}

describe('screening a list', { timeout: 60_000 }, () => {
  beforeEach(() => {
    if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends the pasted CSV as text/csv and shows the lines hits first, with their alerts, best record and why', async () => {
    const sent = api(() => json(ANSWER));
    const { router } = setup();
    // the single check first, as before; the list one tab away
    expect(screen.getByRole('tab', { name: 'One person or company' })).toHaveAttribute('aria-selected', 'true');
    await userEvent.click(screen.getByRole('tab', { name: 'A list' }));
    await waitFor(() => expect(router.state.location.search).toBe('?mode=list'));
    expect(listBox()).toHaveAttribute('placeholder', expect.stringContaining('reference,name,date_of_birth,document_number,container'));
    expect(listBox()).toHaveAccessibleDescription(/then one line per passenger or consignment \(at most 1,000 lines\)\. Columns: reference, name,/);
    expect(screen.getByTestId('batch-audit-note')).toHaveTextContent('recorded in the audit trail');

    await paste(CSV);
    await screenList();
    const table = await screen.findByTestId('batch-results');
    expect(sent).toEqual([{ type: 'text/csv', body: `${CSV}\n` }]);
    // the list is in neither the address nor the history entry
    expect(router.state.location.search).toBe('?mode=list');
    expect(router.state.location.state).toBeNull();

    expect(screen.getByRole('status')).toHaveTextContent('4 lines screened. 2 hits, 1 to review, 1 clear.');
    expect(screen.getByTestId('batch-count-hit')).toHaveTextContent('2 hits');
    expect(screen.getByTestId('batch-count-review')).toHaveTextContent('1 to review');
    expect(screen.getByTestId('batch-count-clear')).toHaveTextContent('1 clear');
    expect(screen.getByTestId('batch-thresholds')).toHaveTextContent('Hit at 80%, review from 65%.');

    // hits first, then the line to review; the clear line kept back
    const rows = within(table).getAllByTestId('batch-line');
    expect(rows.map((r) => within(r).getByTestId('batch-line-number').textContent)).toEqual(['2', '4', '3']);
    expect(rows.map((r) => within(r).getByTestId('batch-outcome').textContent)).toEqual(['Hit', 'Hit', 'Review']);
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Line',
      'Reference',
      'As listed',
      'Outcome',
      'Alerts',
      'Best match',
      'Explanation',
    ]);

    // the alert: what to do and whom to call, never why
    const hit = rows[0]!;
    expect(hit).toHaveTextContent('14C');
    expect(hit).toHaveTextContent('Abdelkader Bensaleh · 1979');
    const alert = within(hit).getByTestId('batch-alert');
    expect(alert).toHaveTextContent('Alert FR-ALR-2026-000001');
    expect(alert).toHaveTextContent('Requested action: Discreet check.');
    expect(alert).toHaveTextContent('Do not alert the subject.');
    expect(alert).toHaveTextContent('Contact Nathalie Richard (National Intelligence and Targeting Unit).');
    // the best record, linked, its score rounded down
    expect(within(hit).getByRole('link', { name: 'بن صالح, عبد القادر (1979-11-07)' })).toHaveAttribute('href', `/registers/persons/${PERSON_ID}`);
    expect(within(hit).getByTestId('batch-score')).toHaveTextContent('91.2%');
    // a conveyance sharing the container
    expect(within(rows[1]!).getByRole('link', { name: 'CSQU3054383 (container)' })).toHaveAttribute(
      'href',
      `/registers/conveyances/${CONVEYANCE_ID}`,
    );

    // why: every record of the line with its evidence
    const why = within(hit).getByRole('button', { name: 'Why?' });
    expect(why).toHaveAccessibleDescription('Abdelkader Bensaleh · 1979');
    expect(why).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(why);
    expect(why).toHaveAttribute('aria-expanded', 'true');
    const panel = screen.getByTestId('batch-why');
    expect(why).toHaveAttribute('aria-controls', panel.id);
    const candidates = within(panel).getAllByTestId('batch-candidate');
    expect(candidates).toHaveLength(2);
    const features = within(candidates[0]!)
      .getAllByTestId('screening-feature')
      .map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(features).toEqual([
      ['Name (token by token)', 'abdelkader=عبد القادر (transliterated)', '+0.86'],
      ['Date of birth', '1979-11-07 / 1979', '+0.15'],
    ]);
    // the other records of the line are linked from the explanation
    expect(within(candidates[1]!).getByRole('link', { name: 'BENSALAH, Kader' })).toHaveAttribute('href', `/registers/persons/${OTHER_ID}`);
    expect(within(candidates[1]!).getByTestId('screening-band')).toHaveTextContent('Review');
    await userEvent.click(within(rows[1]!).getByRole('button', { name: 'Why?' }));
    expect(within(screen.getAllByTestId('batch-why')[1]!).getByTestId('screening-feature')).toHaveTextContent('ContainerCSQU3054383 (same)+1.00');

    // the clear lines on demand, after the others
    expect(within(table).queryByText('Ann Smith · 1990')).not.toBeInTheDocument();
    const toggle = screen.getByRole('button', { name: 'Show 1 clear line' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveTextContent('Hide the clear lines');
    const all = within(table).getAllByTestId('batch-line');
    expect(all).toHaveLength(4);
    const clear = all[3]!;
    expect(clear).toHaveTextContent('Ann Smith · 1990');
    expect(within(clear).getByTestId('batch-outcome')).toHaveTextContent('Clear');
    expect(within(clear).queryByRole('button', { name: 'Why?' })).not.toBeInTheDocument();
  });

  it('shows each error of a refused list at its line and column, and screens nothing', async () => {
    const sent = api(() =>
      problem([
        { field: 'columns', code: 'csv', message: 'unknown column `seat`; the columns are reference, name' },
        { field: 'rows[3].container', code: 'check_digit', message: 'the check digit does not match' },
        { field: 'rows[3].date_of_birth', code: 'format', message: 'must be YYYY, YYYY-MM or YYYY-MM-DD' },
        { field: 'rows[5]', code: 'nothing_to_match', message: 'give a name, a document number, a phone, an e-mail or a conveyance identifier' },
      ]),
    );
    setup('/screening?mode=list');
    await paste(CSV);
    await screenList();
    const errors = await screen.findByTestId('batch-errors');
    expect(errors).toHaveAttribute('role', 'alert');
    expect(errors).toHaveTextContent('The list was not screened: correct these lines, then screen it again.');
    expect(within(errors).getAllByTestId('batch-error').map((e) => e.textContent)).toEqual([
      'Header line: unknown column `seat`; the columns are reference, name',
      'Line 4 · container: The check digit does not match.',
      'Line 4 · date_of_birth: Use YYYY, YYYY-MM or YYYY-MM-DD.',
      'Line 6: Give a name, a document number, a phone, an e-mail or a conveyance identifier.',
    ]);
    expect(sent).toHaveLength(1);
    expect(screen.queryByTestId('batch-results')).not.toBeInTheDocument();
    expect(screen.queryByTestId('batch-answer')).not.toBeInTheDocument();
  });

  it('asks for a list before sending, and reads a chosen CSV file into it', async () => {
    const sent = api(() => json({ ...ANSWER, lines: [ANSWER.lines[3]!], counts: { lines: 1, hit: 0, review: 0, clear: 1 } }));
    const { container } = setup('/screening?mode=list');
    await screenList();
    expect(await within(form()).findByText('Paste a list or choose a CSV file.')).toBeInTheDocument();
    expect(listBox()).toHaveAttribute('aria-invalid', 'true');
    expect(sent).toHaveLength(0);

    const file = new File(['reference,name\n12A,Ann Smith\n'], 'passengers.csv', { type: 'text/csv' });
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input).toHaveAttribute('accept', '.csv,text/csv');
    await userEvent.upload(input, file);
    await waitFor(() => expect(listBox()).toHaveValue('reference,name\n12A,Ann Smith\n'));
    expect(within(form()).queryByText('Paste a list or choose a CSV file.')).not.toBeInTheDocument();
    await screenList();
    expect(await screen.findByTestId('batch-all-clear')).toHaveTextContent('No line hits an alert or comes close to a register record.');
    expect(sent).toEqual([{ type: 'text/csv', body: 'reference,name\n12A,Ann Smith\n' }]);
    expect(screen.getByRole('button', { name: 'Show 1 clear line' })).toBeInTheDocument();
  });

  it('goes back to the single check without the mode in the address', async () => {
    api(() => json(ANSWER));
    const { router } = setup('/screening?mode=list');
    expect(screen.getByRole('tab', { name: 'A list' })).toHaveAttribute('aria-selected', 'true');
    await userEvent.click(screen.getByRole('tab', { name: 'One person or company' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(screen.getByTestId('screening-form')).toBeVisible();
    expect(screen.getByRole('radio', { name: 'Person' })).toBeChecked();
  });
});
