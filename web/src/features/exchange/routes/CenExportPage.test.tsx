import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/lib/session';
import type { CenBatch, CenPending } from '../api/exchange';
import { batch, json, problem, renderAs, stubApi, stubFonts, type Req } from '../test/fake';
import { CenExportPage } from './CenExportPage';

const PENDING: CenPending = {
  cases: 3,
  sample: [
    {
      case_reference: 'FR-2026-000180',
      case_version: 4,
      seizure_date: '2026-03-05',
      country: 'FR',
      unlocode: 'FRLEH',
      direction: 'import',
      goods: [{ commodity_group: 'drugs', commodity_type: 'cocaine', quantity: 2.5, unit: 'kg', mass_kg: 2.5 }],
      origin_countries: ['EC'],
      departure_countries: ['EC'],
      transit_countries: [],
      destination_countries: ['FR'],
      conveyance_types: [],
      detection_methods: [],
    },
  ],
};

const MADE = batch({ id: '0193b000-0000-7000-8000-0000000000c2', created_at: '2026-03-10T14:00:00Z', cases: 3, content_sha256: '0123456789abcdef'.repeat(4) });

/** The CEN endpoints: a batch made takes every pending case (`nothing`: the server finds none). */
function fakeCen({ nothing = false }: { nothing?: boolean } = {}) {
  let pending = PENDING;
  let batches: CenBatch[] = [batch({ created_by: null, created_by_name: null })];
  return (req: Req) => {
    const { pathname } = req.url;
    if (pathname === '/api/v1/exchange/cen-exports/pending') return json(pending);
    if (pathname === '/api/v1/exchange/cen-exports' && req.method === 'GET') return json({ items: batches });
    if (pathname === '/api/v1/exchange/cen-exports' && req.method === 'POST') {
      if (nothing) return problem(409, 'nothing_to_export', { detail: 'no validated case to export' });
      batches = [MADE, ...batches];
      pending = { cases: 0, sample: [] };
      return json(MADE, 201);
    }
    const m = /^\/api\/v1\/exchange\/cen-exports\/([^/]+)\/content\/(json|csv)$/.exec(pathname);
    if (m) {
      return new Response(m[2] === 'json' ? '{"format":"ncen-cen-1","records":[]}' : 'case_reference\n', {
        status: 200,
        headers: { 'Content-Type': m[2] === 'json' ? 'application/json' : 'text/csv', 'Content-Disposition': `attachment; filename="cen-${m[1]}.${m[2]}"` },
      });
    }
    return undefined;
  };
}

const ROUTES = [{ path: '/exchange/cen', element: <CenExportPage /> }];

describe('the CEN export page', { timeout: 60_000 }, () => {
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  let saved: string[];

  beforeEach(() => {
    stubFonts();
    session.signedIn('tok', 900);
    saved = [];
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: vi.fn(() => 'blob:file') });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    session.reset();
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: original.create });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: original.revoke });
  });

  it('shows what the next batch holds, makes it, lists it with its hash, and downloads it', async () => {
    const calls = stubApi(fakeCen());
    renderAs(ROUTES, '/exchange/cen');
    expect(await screen.findByTestId('cen-pending-count')).toHaveTextContent('3 validated cases are new or changed since they were last exported.');
    const sample = screen.getByTestId('cen-sample');
    const row = sample.querySelector<HTMLElement>('tr[data-reference="FR-2026-000180"]')!;
    expect(row).toHaveTextContent('v4');
    expect(row).toHaveTextContent('Mar 5, 2026');
    await waitFor(() => expect(row).toHaveTextContent('France · FRLEH'));
    await waitFor(() => expect(row).toHaveTextContent('Drugs · Cocaine: 2.5 kg'));
    await waitFor(() => expect(row).toHaveTextContent('Ecuador, France'));
    expect(screen.getByTestId('cen-sample-more')).toHaveTextContent('The first 1 of 3 are shown.');

    // the batch made before, by the command line
    const batches = await screen.findByTestId('cen-batches');
    expect(within(batches).getAllByRole('row')).toHaveLength(2);
    expect(batches).toHaveTextContent('Command line');

    await userEvent.click(screen.getByRole('button', { name: 'Make a batch' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/exchange/cen-exports')).toBe(true));
    await waitFor(() => expect(within(batches).getAllByRole('row')).toHaveLength(3));
    const made = batches.querySelector<HTMLElement>(`tr[data-batch-id="${MADE.id}"]`)!;
    expect(within(made).getByTestId('batch-hash')).toHaveTextContent(MADE.content_sha256);
    expect(within(made).getByTestId('batch-cases')).toHaveTextContent('3');
    expect(made).toHaveTextContent('Louise Liaison');
    // the pending cases are read again: none left
    await waitFor(() => expect(screen.getByTestId('cen-pending-count')).toHaveTextContent('Every validated case has been exported at its current version.'));
    expect(screen.getByRole('button', { name: 'Make a batch' })).toBeDisabled();

    const downloads = within(made).getByRole('group', { name: /^Download the batch of/ });
    await userEvent.click(within(downloads).getByRole('button', { name: 'JSON' }));
    await waitFor(() => expect(saved).toEqual([`cen-${MADE.id}.json`]));
    await userEvent.click(within(downloads).getByRole('button', { name: 'CSV' }));
    await waitFor(() => expect(saved).toEqual([`cen-${MADE.id}.json`, `cen-${MADE.id}.csv`]));
    const content = calls.filter((c) => c.path.includes('/content/')).map((c) => c.path);
    expect(content).toEqual([`/api/v1/exchange/cen-exports/${MADE.id}/content/json`, `/api/v1/exchange/cen-exports/${MADE.id}/content/csv`]);
  });

  it('says so when there is nothing to export', async () => {
    stubApi(fakeCen({ nothing: true }));
    renderAs(ROUTES, '/exchange/cen');
    await screen.findByTestId('cen-pending-count');
    await userEvent.click(screen.getByRole('button', { name: 'Make a batch' }));
    expect(await screen.findByTestId('cen-nothing')).toHaveTextContent(
      'Nothing to export: no validated case is new or changed since the last batch.',
    );
  });
});
