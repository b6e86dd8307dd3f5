import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { codeBookQuery } from '@/api/queries/codelists';
import { meQuery } from '@/api/queries/me';
import type { CodeListEntry, Me, Person } from '@/api/types';
import { renderRoutes } from '@/test/render';
import { duplicateKeys } from '../api/duplicates';
import type { DuplicatePair, Merge } from '../api/types';
import { DuplicatePairPage } from './DuplicatePairPage';
import { DuplicatesPage } from './DuplicatesPage';

const pair: DuplicatePair = {
  id: 'd1',
  kind: 'person',
  first: { id: 'p1', label: 'OKONKWO, Chinedu (1985-03-02)', merged_into: null },
  second: { id: 'p2', label: 'OKONKOW, Chinedu', merged_into: null },
  score: 0.938,
  exact: true,
  features: [
    { feature: 'name_tokens', detail: 'okonkwo~okonkow chinedu=chinedu', contribution: 0.91 },
    { feature: 'document', detail: 'A08251482 = A08251482', contribution: 0.3 },
    { feature: 'date_of_birth', detail: '1985-03-02 / —', contribution: 0 },
  ],
  status: 'open',
  detected_at: '2026-03-01T10:00:00Z',
  reviewed_by: null,
  reviewed_at: null,
  review_reason: null,
  merge_id: null,
};

const companyPair: DuplicatePair = {
  ...pair,
  id: 'd2',
  kind: 'company',
  first: { id: 'c1', label: 'Lagos Freight Ltd', merged_into: null },
  second: { id: 'c2', label: 'Lagos Freight Limited', merged_into: null },
  score: 0.71,
  exact: false,
  features: [],
};

const base = {
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-02T00:00:00Z',
  aliases: [],
  nationalities: [],
  addresses: [],
  phones: [],
  emails: [],
  notes: null,
  cases: [],
  correction_locked: false,
};
const p1 = {
  ...base,
  id: 'p1',
  version: 4,
  family_name: 'Okonkwo',
  given_names: 'Chinedu',
  date_of_birth: '1985-03-02',
  nationalities: ['NG'],
  documents: [{ document_type: 'passport', number: 'A08251482', issuing_country: 'NG' }],
} as Person;
const p2 = {
  ...base,
  id: 'p2',
  version: 2,
  family_name: 'Okonkow',
  given_names: 'Chinedu',
  aliases: ['Chi-Chi'],
  nationalities: ['NG'],
  documents: [{ document_type: 'passport', number: 'A0825-1482', issuing_country: 'NG' }],
} as Person;

const merge: Merge = {
  id: 'm1',
  kind: 'person',
  survivor: { id: 'p1', label: 'OKONKWO, Chinedu (1985-03-02)', merged_into: null },
  merged: { id: 'p2', label: 'OKONKOW, Chinedu', merged_into: 'p1' },
  reason: 'Same passport',
  merged_by: { id: 'sup', name: 'Claire Martin' },
  merged_at: '2026-03-02T10:00:00Z',
  moved: { links: 1, duplicate_links: 0, alerts: 0, fields: ['aliases'] },
  undone_by: null,
  undone_at: null,
  undo_reason: null,
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });
const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  json({ type: 'about:blank', title: 'Refused', status, code, detail: code, ...extra }, status);

const entry = (code: string, en: string) => ({ code, labels: { en }, retired: false, sort_order: 0 }) as unknown as CodeListEntry;

type Handler = (req: Request, url: URL) => Response | Promise<Response> | undefined;

/** Answers the records of the pair unless `handler` answers first. */
function setup(path: string, handler: Handler, seedPair?: DuplicatePair) {
  const requests: Request[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      requests.push(req.clone());
      const url = new URL(req.url);
      const answer = await handler(req, url);
      if (answer) return answer;
      if (req.method === 'GET' && url.pathname === '/api/v1/persons/p1') return json(p1);
      if (req.method === 'GET' && url.pathname === '/api/v1/persons/p2') return json(p2);
      return new Response(null, { status: 404 });
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  client.setQueryData(meQuery.queryKey, { id: 'sup', permissions: ['registers.read', 'registers.merge'], roles: ['supervisor'] } as unknown as Me);
  client.setQueryData(codeBookQuery('countries').queryKey, [entry('NG', 'Nigeria')]);
  client.setQueryData(codeBookQuery('document_types').queryKey, [entry('passport', 'Passport')]);
  if (seedPair) client.setQueryData(duplicateKeys.pair(seedPair.id), seedPair);
  const { router } = renderRoutes(
    [
      { path: '/duplicates', element: <DuplicatesPage /> },
      { path: '/duplicates/:id', element: <DuplicatePairPage /> },
      { path: '/registers/persons/:id', element: <p>record page</p> },
    ],
    path,
    client,
  );
  const sent = (method: string, pathname: string) => requests.filter((r) => r.method === method && new URL(r.url).pathname === pathname);
  return { requests, router, sent };
}

beforeAll(() => {
  // jsdom has no FontFaceSet; Mantine's autosize textarea listens to it
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
});
afterEach(() => vi.unstubAllGlobals());

describe('the duplicates queue', () => {
  it('lists open pairs best first, each record a link, the score and a shared identifier; loads more', async () => {
    const user = userEvent.setup();
    const { sent } = setup('/duplicates', (_req, url) => {
      if (url.pathname !== '/api/v1/duplicates') return undefined;
      return url.searchParams.get('cursor') === 'next'
        ? json({ items: [companyPair], next_cursor: null })
        : json({ items: [pair], next_cursor: 'next' });
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Duplicates' })).toBeInTheDocument();
    const row = (await screen.findAllByTestId('duplicate-row'))[0]!;
    expect(within(row).getByRole('link', { name: 'OKONKWO, Chinedu (1985-03-02)' })).toHaveAttribute('href', '/registers/persons/p1');
    expect(within(row).getByRole('link', { name: 'OKONKOW, Chinedu' })).toHaveAttribute('href', '/registers/persons/p2');
    expect(within(row).getByTestId('pair-score')).toHaveTextContent('93%');
    expect(within(row).getByTestId('pair-exact')).toHaveTextContent('Same identifier');
    expect(within(row).getByTestId('pair-status')).toHaveTextContent('To review');
    const first = new URL(sent('GET', '/api/v1/duplicates')[0]!.url);
    expect(first.searchParams.get('status')).toBe('open');
    expect(first.searchParams.has('kind')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(screen.getAllByTestId('duplicate-row')).toHaveLength(2));
    const second = screen.getAllByTestId('duplicate-row')[1]!;
    expect(within(second).getByRole('link', { name: 'Lagos Freight Ltd' })).toHaveAttribute('href', '/registers/companies/c1');
    expect(within(second).queryByTestId('pair-exact')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('filters by register and status through the address', async () => {
    const user = userEvent.setup();
    const { router, sent } = setup('/duplicates', (_req, url) => {
      if (url.pathname !== '/api/v1/duplicates') return undefined;
      return json({ items: url.searchParams.get('status') === 'open' ? [pair] : [], next_cursor: null });
    });
    await screen.findByTestId('duplicates-table');
    await user.click(screen.getByRole('radio', { name: 'Persons' }));
    await waitFor(() => expect(router.state.location.search).toBe('?kind=person'));
    await user.click(screen.getByRole('radio', { name: 'Merged' }));
    await waitFor(() => expect(router.state.location.search).toBe('?kind=person&status=merged'));
    expect(await screen.findByText('No merged pair.')).toBeInTheDocument();
    const last = new URL(sent('GET', '/api/v1/duplicates').at(-1)!.url);
    expect(last.searchParams.get('kind')).toBe('person');
    expect(last.searchParams.get('status')).toBe('merged');
  });
});

describe('a pair', () => {
  it('opens from the queue with both records side by side and the explanation', async () => {
    const user = userEvent.setup();
    const { sent } = setup('/duplicates', (_req, url) =>
      url.pathname === '/api/v1/duplicates' ? json({ items: [pair], next_cursor: null }) : undefined,
    );
    await user.click(await screen.findByRole('link', { name: /^Review: / }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Are these the same?' })).toBeInTheDocument();
    const table = await screen.findByTestId('pair-comparison');
    expect(within(table).getByTestId('record-link-left')).toHaveAttribute('href', '/registers/persons/p1');
    expect(within(table).getByTestId('record-link-right')).toHaveTextContent('OKONKOW Chinedu');
    const rows = within(table).getAllByTestId('compare-row');
    const state = Object.fromEntries(rows.map((r) => [r.dataset.field, r.dataset.state]));
    expect(state).toEqual({
      family_name: 'different',
      given_names: 'same',
      aliases: 'one_side',
      date_of_birth: 'one_side',
      nationalities: 'same',
      documents: 'same',
    });
    const dob = rows.find((r) => r.dataset.field === 'date_of_birth')!;
    expect(within(dob).getByRole('rowheader')).toHaveTextContent('Date of birth');
    expect(within(dob).getByTestId('compare-right')).toHaveTextContent('—');
    expect(within(rows.find((r) => r.dataset.field === 'documents')!).getByTestId('compare-left')).toHaveTextContent('Passport A08251482 (Nigeria)');

    const why = screen.getByTestId('pair-why');
    expect(within(why).getByRole('heading', { name: 'Why?' })).toBeInTheDocument();
    expect(within(why).getByTestId('pair-why-score')).toHaveTextContent('93%');
    const features = within(why).getAllByTestId('pair-feature');
    expect(features.map((f) => f.dataset.feature)).toEqual(['name_tokens', 'document', 'date_of_birth']);
    expect(features[1]).toHaveTextContent('Identity document');
    expect(within(features[1]!).getByTestId('pair-contribution')).toHaveTextContent('+0.30');
    // the queue handed the pair over: it is not looked for again
    expect(sent('GET', '/api/v1/duplicates')).toHaveLength(1);
  });

  it('merges into the left record with its version in If-Match and the other’s in the body, then opens the survivor', async () => {
    const user = userEvent.setup();
    const { router, sent } = setup(
      '/duplicates/d1',
      (req, url) => (req.method === 'POST' && url.pathname === '/api/v1/persons/p1/merge' ? json(merge) : undefined),
      pair,
    );
    const mergeLeft = await screen.findByRole('button', { name: 'Merge into left' });
    await waitFor(() => expect(mergeLeft).toBeEnabled());
    await user.click(mergeLeft);
    const dialog = await screen.findByRole('dialog', { name: 'Merge into OKONKWO Chinedu?' });
    expect(within(dialog).getByTestId('merge-summary')).toHaveTextContent('OKONKOW Chinedu will be merged into OKONKWO Chinedu, which is kept.');
    expect(within(dialog).getByTestId('merge-consequences')).toHaveTextContent('A supervisor can undo the merge');
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));
    expect(await within(dialog).findByText('Required')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /Why they are the same/ }), 'Same passport');
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/registers/persons/p1'));
    const [post] = sent('POST', '/api/v1/persons/p1/merge');
    expect(post?.headers.get('If-Match')).toBe('"4"');
    expect(await post?.json()).toEqual({ merged_id: 'p2', merged_version: 2, reason: 'Same passport' });
  });

  it('merges into the right record the other way round', async () => {
    const user = userEvent.setup();
    const { router, sent } = setup(
      '/duplicates/d1',
      (req, url) =>
        req.method === 'POST' && url.pathname === '/api/v1/persons/p2/merge'
          ? json({ ...merge, survivor: merge.merged, merged: merge.survivor })
          : undefined,
      pair,
    );
    const mergeRight = await screen.findByRole('button', { name: 'Merge into right' });
    await waitFor(() => expect(mergeRight).toBeEnabled());
    await user.click(mergeRight);
    const dialog = await screen.findByRole('dialog', { name: 'Merge into OKONKOW Chinedu?' });
    await user.type(within(dialog).getByRole('textbox', { name: /Why they are the same/ }), 'Typo');
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/registers/persons/p2'));
    const [post] = sent('POST', '/api/v1/persons/p2/merge');
    expect(post?.headers.get('If-Match')).toBe('"2"');
    expect(await post?.json()).toEqual({ merged_id: 'p1', merged_version: 4, reason: 'Typo' });
  });

  it('on 412 closes the dialog, says the records changed and reads both again', async () => {
    const user = userEvent.setup();
    const { router, sent } = setup(
      '/duplicates/d1',
      (req, url) =>
        req.method === 'POST' && url.pathname === '/api/v1/persons/p1/merge' ? problem(412, 'precondition_failed') : undefined,
      pair,
    );
    const mergeLeft = await screen.findByRole('button', { name: 'Merge into left' });
    await waitFor(() => expect(mergeLeft).toBeEnabled());
    await user.click(mergeLeft);
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /Why they are the same/ }), 'Same passport');
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));

    const alert = await screen.findByTestId('pair-problem');
    expect(alert).toHaveTextContent('The records changed');
    expect(alert).toHaveTextContent('Both have been reloaded');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => {
      expect(sent('GET', '/api/v1/persons/p1')).toHaveLength(2);
      expect(sent('GET', '/api/v1/persons/p2')).toHaveLength(2);
    });
    expect(router.state.location.pathname).toBe('/duplicates/d1');
    // the reason typed is kept for the next try
    await user.click(screen.getByRole('button', { name: 'Merge into left' }));
    expect(within(await screen.findByRole('dialog')).getByRole('textbox', { name: /Why they are the same/ })).toHaveValue('Same passport');
  });

  it('on 409 says a record is already merged; on 422 same_record says so in the dialog', async () => {
    const user = userEvent.setup();
    let answer = problem(409, 'conflict');
    setup(
      '/duplicates/d1',
      (req, url) => (req.method === 'POST' && url.pathname === '/api/v1/persons/p1/merge' ? answer : undefined),
      pair,
    );
    const mergeLeft = await screen.findByRole('button', { name: 'Merge into left' });
    await waitFor(() => expect(mergeLeft).toBeEnabled());
    await user.click(mergeLeft);
    let dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /Why they are the same/ }), 'Same passport');
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));
    expect(await screen.findByTestId('pair-problem')).toHaveTextContent('already merged into another record');

    answer = problem(422, 'validation_failed', { errors: [{ field: 'merged_id', code: 'same_record', message: 'same' }] });
    await user.click(screen.getByRole('button', { name: 'Merge into left' }));
    dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));
    expect(await within(dialog).findByTestId('form-error')).toHaveTextContent('a record cannot be merged into itself');
  });

  it('declares the pair not duplicates with a required reason', async () => {
    const user = userEvent.setup();
    const reviewed: DuplicatePair = {
      ...pair,
      status: 'distinct',
      reviewed_by: { id: 'sup', name: 'Claire Martin' },
      reviewed_at: '2026-03-02T10:00:00Z',
      review_reason: 'Two brothers',
    };
    const { sent } = setup(
      '/duplicates/d1',
      (req, url) => (req.method === 'POST' && url.pathname === '/api/v1/duplicates/d1/distinct' ? json(reviewed) : undefined),
      pair,
    );
    await user.click(await screen.findByRole('button', { name: 'Not duplicates' }));
    const dialog = await screen.findByRole('dialog', { name: 'Not duplicates?' });
    await user.click(within(dialog).getByRole('button', { name: 'Not duplicates' }));
    expect(await within(dialog).findByText('Required')).toBeInTheDocument();
    expect(sent('POST', '/api/v1/duplicates/d1/distinct')).toHaveLength(0);
    await user.type(within(dialog).getByRole('textbox', { name: /Why they are different/ }), 'Two brothers');
    await user.click(within(dialog).getByRole('button', { name: 'Not duplicates' }));

    await waitFor(() => expect(screen.getByTestId('pair-status')).toHaveTextContent('Not duplicates'));
    expect(await sent('POST', '/api/v1/duplicates/d1/distinct')[0]?.json()).toEqual({ reason: 'Two brothers' });
    expect(screen.getByTestId('pair-reviewed')).toHaveTextContent('Declared not duplicates by Claire Martin');
    expect(screen.getByTestId('pair-review-reason')).toHaveTextContent('Two brothers');
    expect(screen.queryByTestId('pair-review')).not.toBeInTheDocument();
  });

  it('opened by its address, is read by its id', async () => {
    const { sent } = setup('/duplicates/d1', (_req, url) =>
      url.pathname === '/api/v1/duplicates/d1' ? json({ ...pair, status: 'merged' }) : undefined,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Are these the same?' })).toBeInTheDocument();
    expect(screen.getByTestId('pair-status')).toHaveTextContent('Merged');
    expect(screen.queryByTestId('pair-review')).not.toBeInTheDocument();
    expect(sent('GET', '/api/v1/duplicates/d1')).toHaveLength(1);
  });

  it('says to open the pair from the queue when there is no such pair', async () => {
    setup('/duplicates/gone', () => undefined);
    expect(await screen.findByText('This pair could not be found')).toBeInTheDocument();
    expect(screen.getByTestId('pair-back-to-queue')).toHaveAttribute('href', '/duplicates');
  });

  it('says there is nothing left to decide when a record was merged since', async () => {
    setup(
      '/duplicates/d1',
      (req, url) => (req.method === 'GET' && url.pathname === '/api/v1/persons/p2' ? json({ ...p1, id: 'p9' }) : undefined),
      pair,
    );
    expect(await screen.findByTestId('pair-not-open')).toHaveTextContent('there is nothing left to decide');
    expect(screen.getByTestId('record-resolved-right')).toBeInTheDocument();
    expect(screen.queryByTestId('pair-review')).not.toBeInTheDocument();
  });
});
