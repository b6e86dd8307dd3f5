import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { codeBookQuery } from '@/api/queries/codelists';
import { meQuery } from '@/api/queries/me';
import type { Company, Me, Person } from '@/api/types';
import { renderRoutes } from '@/test/render';
import { mergeKeys, type RecordMerge } from '../api/merges';
import { recordKeys } from '../api/registers';
import { CompanyPage, PersonPage } from './RecordPages';

const base = {
  version: 5,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-03-02T10:00:00Z',
  aliases: ['Chi-Chi', 'Chinedu Okonkow'],
  nationalities: [],
  documents: [],
  addresses: [],
  phones: [],
  emails: [],
  notes: null,
  cases: [],
  correction_locked: false,
};
const survivor = { ...base, id: 'p1', family_name: 'Okonkwo', given_names: 'Chinedu' } as Person;

const merge: RecordMerge = {
  id: 'm1',
  kind: 'person',
  survivor: { id: 'p1', label: 'OKONKWO, Chinedu (1985-03-02)', merged_into: null },
  merged: { id: 'p2', label: 'OKONKOW, Chinedu', merged_into: 'p1' },
  reason: 'Same passport, typo in the name',
  merged_by: { id: 'sup', name: 'Claire Martin' },
  merged_at: '2026-03-02T10:00:00Z',
  moved: { links: 2, duplicate_links: 1, alerts: 0, fields: ['aliases', 'phones'] },
  undone_by: null,
  undone_at: null,
  undo_reason: null,
};
const undone: RecordMerge = {
  ...merge,
  merged: { ...merge.merged, merged_into: null },
  undone_by: { id: 'sup', name: 'Claire Martin' },
  undone_at: '2026-03-03T10:00:00Z',
  undo_reason: 'Two brothers',
};

const history = [
  {
    id: 1,
    version: 1,
    action: 'create',
    actor_id: null,
    actor_username: null,
    at: '2026-01-01T00:00:00Z',
    changes: { family_name: { old: null, new: 'Okonkwo' } },
  },
  {
    id: 2,
    version: 5,
    action: 'merge',
    actor_id: 'sup',
    actor_username: 'supervisor1',
    at: '2026-03-02T10:00:00Z',
    changes: { aliases: { old: [], new: ['Chi-Chi', 'Chinedu Okonkow'] }, merged_record: { old: null, new: 'p2' } },
  },
];

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });

const SUPERVISOR = ['registers.read', 'registers.write', 'registers.merge'];
const OFFICER = ['registers.read', 'registers.write'];

function setup(
  path: string,
  permissions: string[],
  { record = survivor, merges = [merge] }: { record?: Person; merges?: RecordMerge[] } = {},
  handler: (req: Request, url: URL) => Response | undefined = () => undefined,
) {
  const requests: Request[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      requests.push(req.clone());
      return handler(req, new URL(req.url)) ?? new Response(null, { status: 404 });
    }),
  );
  const asked = path.split('/').at(-1)!;
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  qc.setQueryData(meQuery.queryKey, { id: 'u1', username: 'someone', roles: [], permissions } as unknown as Me);
  qc.setQueryData(recordKeys.detail('persons', asked), record);
  qc.setQueryData(recordKeys.history('persons', record.id), history);
  qc.setQueryData(mergeKeys.forRecord(record.id), merges);
  for (const list of ['countries', 'document_types', 'person_roles', 'company_roles']) qc.setQueryData(codeBookQuery(list).queryKey, []);
  renderRoutes([{ path: '/registers/persons/:id', element: <PersonPage /> }], path, qc);
  return requests;
}

beforeAll(() => {
  // jsdom has no FontFaceSet; Mantine's autosize textarea listens to it
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
});
afterEach(() => vi.unstubAllGlobals());

describe('a merged record’s page', () => {
  it('says the id asked was merged into the record shown', () => {
    setup('/registers/persons/p2', SUPERVISOR);
    expect(screen.getByTestId('record-title')).toHaveTextContent('OKONKWO Chinedu');
    expect(screen.getByTestId('merged-banner')).toHaveTextContent('This record was merged into OKONKWO Chinedu; you are seeing the survivor.');
  });

  it('says nothing of it on the survivor’s own page', () => {
    setup('/registers/persons/p1', SUPERVISOR);
    expect(screen.getByTestId('record-title')).toHaveTextContent('OKONKWO Chinedu');
    expect(screen.queryByTestId('merged-banner')).not.toBeInTheDocument();
  });
});

describe('the merges of a record', () => {
  it('lists each merge: kept ⇐ merged, who, when, why and what moved', () => {
    setup('/registers/persons/p1', OFFICER);
    const panel = screen.getByRole('region', { name: 'Merges' });
    const entry = within(panel).getByTestId('merge-entry');
    expect(within(entry).getByTestId('merge-survivor')).toHaveAttribute('href', '/registers/persons/p1');
    expect(within(entry).getByTestId('merge-merged')).toHaveAttribute('href', '/registers/persons/p2');
    expect(entry).toHaveTextContent('Merged by Claire Martin');
    expect(within(entry).getByTestId('merge-reason')).toHaveTextContent('Same passport, typo in the name');
    expect(within(entry).getByTestId('merge-moved')).toHaveTextContent('Case links moved: 2 · already linked: 1 · alerts moved: 0');
    expect(within(entry).getByTestId('merge-fields')).toHaveTextContent('Fields completed: Aliases, Phones');
  });

  it('offers Undo merge only to a supervisor, and only until undone', () => {
    setup('/registers/persons/p1', OFFICER);
    expect(screen.getByTestId('merge-entry')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Undo merge' })).not.toBeInTheDocument();
  });

  it('shows an undone merge as such, with no Undo', () => {
    setup('/registers/persons/p1', SUPERVISOR, { merges: [undone] });
    const entry = screen.getByTestId('merge-entry');
    expect(within(entry).getByTestId('merge-undone')).toHaveTextContent('Undone');
    expect(within(entry).getByTestId('merge-undone-note')).toHaveTextContent('Undone by Claire Martin');
    expect(within(entry).getByTestId('merge-undo-reason')).toHaveTextContent('Two brothers');
    expect(screen.queryByRole('button', { name: 'Undo merge' })).not.toBeInTheDocument();
  });

  it('stays quiet when the record took part in none', () => {
    setup('/registers/persons/p1', SUPERVISOR, { merges: [] });
    expect(screen.getByTestId('record-title')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Merges' })).not.toBeInTheDocument();
  });

  it('undoes a merge with a required reason, then reads the page again', async () => {
    const user = userEvent.setup();
    let merges = [merge];
    const restored = { ...survivor, version: 6, aliases: [] } as Person;
    const requests = setup('/registers/persons/p1', SUPERVISOR, {}, (req, url) => {
      if (req.method === 'POST' && url.pathname === '/api/v1/register-merges/m1/undo') {
        merges = [undone];
        return json(undone);
      }
      if (url.pathname === '/api/v1/register-merges') return json({ items: merges });
      if (url.pathname === '/api/v1/persons/p1') return json(restored);
      if (url.pathname === '/api/v1/persons/p1/history') return json({ items: history });
      return undefined;
    });
    await user.click(screen.getByRole('button', { name: 'Undo merge' }));
    const dialog = await screen.findByRole('dialog', { name: 'Undo this merge?' });
    expect(dialog).toHaveTextContent('OKONKOW, Chinedu comes back as it was');
    await user.click(within(dialog).getByRole('button', { name: 'Undo merge' }));
    expect(await within(dialog).findByText('Required')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /Why the merge is undone/ }), 'Two brothers');
    await user.click(within(dialog).getByRole('button', { name: 'Undo merge' }));

    expect(await screen.findByTestId('merge-undone')).toHaveTextContent('Undone');
    const post = requests.find((r) => r.method === 'POST');
    expect(new URL(post!.url).pathname).toBe('/api/v1/register-merges/m1/undo');
    expect(await post!.json()).toEqual({ reason: 'Two brothers' });
    // the record itself is read again
    await waitFor(() => expect(requests.some((r) => r.method === 'GET' && new URL(r.url).pathname === '/api/v1/persons/p1')).toBe(true));
    expect(screen.queryByRole('button', { name: 'Undo merge' })).not.toBeInTheDocument();
  });

  it('explains a 409 on undo', async () => {
    const user = userEvent.setup();
    setup('/registers/persons/p1', SUPERVISOR, {}, (req, url) =>
      req.method === 'POST' && url.pathname === '/api/v1/register-merges/m1/undo'
        ? json({ type: 'about:blank', title: 'Conflict', status: 409, code: 'conflict', detail: 'already undone' }, 409)
        : undefined,
    );
    await user.click(screen.getByRole('button', { name: 'Undo merge' }));
    const dialog = await screen.findByRole('dialog', { name: 'Undo this merge?' });
    await user.type(within(dialog).getByRole('textbox', { name: /Why the merge is undone/ }), 'Two brothers');
    await user.click(within(dialog).getByRole('button', { name: 'Undo merge' }));
    expect(await within(dialog).findByTestId('form-error')).toHaveTextContent('This merge was already undone');
  });
});

describe('the history of a merged record', () => {
  it('names the merge and the record merged in', () => {
    setup('/registers/persons/p1', OFFICER);
    const entries = within(screen.getByTestId('record-history')).getAllByTestId('record-history-entry');
    expect(entries[0]).toHaveAttribute('data-action', 'merge');
    expect(entries[0]).toHaveTextContent('Merged with another record');
    const row = entries[0]!.querySelector('[data-testid="history-change"][data-field="merged_record"]') as HTMLElement;
    expect(within(row).getByRole('rowheader')).toHaveTextContent('Record merged into this one');
  });
});

describe('a merged company', () => {
  it('says which company the id asked was merged into', () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 404 })));
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    qc.setQueryData(meQuery.queryKey, { id: 'u1', permissions: OFFICER, roles: [] } as unknown as Me);
    const company = { ...base, id: 'c1', name: 'Lagos Freight Ltd', aliases: [] } as unknown as Company;
    qc.setQueryData(recordKeys.detail('companies', 'c2'), company);
    qc.setQueryData(recordKeys.history('companies', 'c1'), []);
    qc.setQueryData(mergeKeys.forRecord('c1'), []);
    for (const list of ['countries', 'company_roles']) qc.setQueryData(codeBookQuery(list).queryKey, []);
    renderRoutes([{ path: '/registers/companies/:id', element: <CompanyPage /> }], '/registers/companies/c2', qc);
    expect(screen.getByTestId('merged-banner')).toHaveTextContent('This record was merged into Lagos Freight Ltd; you are seeing the survivor.');
  });
});
