import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/lib/session';
import { isoDate } from '@/lib/validation';
import type { Agreement } from '../api/exchange';
import { MA, SN, agreement, json, partner, problem, renderAs, stubApi, stubFonts, type Req } from '../test/fake';
import { AgreementsPage } from './AgreementsPage';

const ENDED = '0193b000-0000-7000-8000-0000000000b2';
const PARTNERS = [partner(), partner({ id: SN, country: 'SN', name: 'Douanes sénégalaises', public_key: 'c'.repeat(64) })];

function fakeAgreements(items: Agreement[]) {
  let current = [...items];
  return (req: Req) => {
    const { pathname, searchParams } = req.url;
    if (pathname === '/api/v1/exchange/partners') return json({ items: PARTNERS });
    if (pathname === '/api/v1/exchange/agreements' && req.method === 'GET') {
      const of = searchParams.get('partner_id');
      return json({ items: current.filter((a) => !of || a.partner_id === of) });
    }
    if (pathname === '/api/v1/exchange/agreements' && req.method === 'POST') {
      const body = req.body as Partial<Agreement> & { partner_id: string };
      if (body.valid_until && body.valid_from && body.valid_until < body.valid_from) {
        return problem(422, 'validation_failed', { errors: [{ field: 'valid_until', code: 'before_start', message: 'must not be before valid_from' }] });
      }
      const p = PARTNERS.find((x) => x.id === body.partner_id)!;
      const created = agreement({ ...body, id: 'new-agreement', partner_name: p.name, partner_country: p.country });
      current = [created, ...current];
      return json(created, 201);
    }
    const m = /^\/api\/v1\/exchange\/agreements\/([^/]+)$/.exec(pathname);
    if (m && req.method === 'PATCH') {
      const found = current.find((a) => a.id === m[1])!;
      const next = { ...found, ...(req.body as object), version: found.version + 1, in_force: false };
      current = current.map((a) => (a.id === found.id ? next : a));
      return json(next);
    }
    return undefined;
  };
}

const ITEMS = [
  agreement({ version: 2 }),
  agreement({
    id: ENDED,
    reference: 'MoU 2015',
    instrument: 'mou',
    scope: 'nominal',
    commodity_groups: ['drugs', 'tobacco'],
    valid_from: '2015-01-01',
    valid_until: '2019-12-31',
    in_force: false,
  }),
];

const ROUTES = [{ path: '/exchange/agreements', element: <AgreementsPage /> }];

describe('the agreements page', { timeout: 60_000 }, () => {
  beforeEach(() => {
    stubFonts();
    session.signedIn('tok', 900);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    session.reset();
  });

  it('lists the agreements with whether each covers exchanges today', async () => {
    stubApi(fakeAgreements(ITEMS));
    renderAs(ROUTES, '/exchange/agreements');
    const table = await screen.findByTestId('agreements-table');
    const current = table.querySelector<HTMLElement>('tr[data-reference="FR-MA CMAA 2019"]')!;
    expect(current).toHaveTextContent('Bilateral customs mutual assistance agreement (CMAA)');
    expect(current).toHaveTextContent('Prevention and investigation of customs offences');
    expect(current).toHaveTextContent('Non-nominal');
    expect(current).toHaveTextContent('Every commodity group');
    expect(within(current).getByTestId('validity')).toHaveTextContent('From Jan 1, 2020');
    expect(within(current).getByTestId('in-force')).toHaveTextContent('In force');
    await waitFor(() => expect(current).toHaveTextContent('Morocco'));

    const ended = table.querySelector<HTMLElement>('tr[data-reference="MoU 2015"]')!;
    expect(within(ended).getByTestId('in-force')).toHaveTextContent('Ended');
    expect(within(ended).getByTestId('validity')).toHaveTextContent('Jan 1, 2015 to Dec 31, 2019');
    await waitFor(() => expect(ended).toHaveTextContent('Drugs, Tobacco'));
    expect(ended).toHaveTextContent('Nominal');
  });

  it('records an agreement with its purposes, scope, commodity groups and validity', async () => {
    const calls = stubApi(fakeAgreements(ITEMS));
    renderAs(ROUTES, `/exchange/agreements?partner=${SN}`);
    await waitFor(() => expect(calls.some((c) => c.path === `/api/v1/exchange/agreements?partner_id=${SN}`)).toBe(true));
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No agreement is recorded with this partner yet.');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Record an agreement' })).toBeEnabled());
    await userEvent.click(screen.getByRole('button', { name: 'Record an agreement' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record an agreement' });
    // the partner of the page, preset
    expect(within(dialog).getByRole('combobox', { name: /^Partner/ })).toHaveValue('Douanes sénégalaises');

    await userEvent.click(within(dialog).getByRole('combobox', { name: /^Instrument/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Memorandum of understanding' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Reference/ }), 'FR-SN MoU, 12 May 2025');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Purposes/ }), 'Risk analysis{enter}Investigation of customs offences');
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Nominal' }));
    await userEvent.click(within(dialog).getByRole('combobox', { name: /^Commodity groups/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Drugs' }));
    fireEvent.change(within(dialog).getByLabelText(/^In force from/), { target: { value: '2025-06-01' } });
    fireEvent.change(within(dialog).getByLabelText(/^Last day in force/), { target: { value: '2025-05-01' } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record the agreement' }));
    // checked here first: the end before the start
    expect(await within(dialog).findByText('Must not be before the first day in force.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText(/^Last day in force/), { target: { value: '' } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record the agreement' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        partner_id: SN,
        instrument: 'mou',
        reference: 'FR-SN MoU, 12 May 2025',
        purposes: ['Risk analysis', 'Investigation of customs offences'],
        scope: 'nominal',
        commodity_groups: ['drugs'],
        valid_from: '2025-06-01',
        valid_until: null,
        notes: null,
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Record an agreement' })).not.toBeInTheDocument());
    const row = (await screen.findByTestId('agreements-table')).querySelector<HTMLElement>('tr[data-reference="FR-SN MoU, 12 May 2025"]')!;
    expect(row).toHaveTextContent('Memorandum of understanding');
    expect(row).toHaveTextContent('Risk analysis');
  });

  it('ends an agreement by setting its last day in force, at the version shown', async () => {
    const calls = stubApi(fakeAgreements(ITEMS));
    renderAs(ROUTES, `/exchange/agreements?partner=${MA}`);
    const table = await screen.findByTestId('agreements-table');
    // an agreement that has ended cannot be ended again
    await userEvent.click(within(table).getByRole('button', { name: 'Actions for the agreement MoU 2015' }));
    expect(await screen.findByRole('menuitem', { name: 'Edit' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'End' })).toBeNull();
    await userEvent.keyboard('{Escape}');

    await userEvent.click(within(table).getByRole('button', { name: 'Actions for the agreement FR-MA CMAA 2019' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'End' }));
    const dialog = await screen.findByRole('dialog', { name: 'End the agreement' });
    expect(dialog).toHaveTextContent('The agreement FR-MA CMAA 2019 stays on record');
    expect(within(dialog).getByLabelText('Last day in force')).toHaveValue(isoDate(new Date()));
    fireEvent.change(within(dialog).getByLabelText('Last day in force'), { target: { value: '2026-06-30' } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'End the agreement' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({
        path: `/api/v1/exchange/agreements/${ITEMS[0]!.id}`,
        ifMatch: '"2"',
        body: { valid_until: '2026-06-30' },
      }),
    );
    await waitFor(() => expect(within(table.querySelector<HTMLElement>('tr[data-reference="FR-MA CMAA 2019"]')!).getByTestId('validity')).toHaveTextContent('Jan 1, 2020 to Jun 30, 2026'));
  });

  it('corrects an agreement, sending only what changed', async () => {
    const calls = stubApi(fakeAgreements(ITEMS));
    renderAs(ROUTES, '/exchange/agreements');
    const table = await screen.findByTestId('agreements-table');
    await userEvent.click(within(table).getByRole('button', { name: 'Actions for the agreement FR-MA CMAA 2019' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit the agreement FR-MA CMAA 2019' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Notes/ }), 'Renewed tacitly');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({ ifMatch: '"2"', body: { notes: 'Renewed tacitly' } }));
    expect(Object.keys(calls.find((c) => c.method === 'PATCH')!.body as object)).toEqual(['notes']);
  });
});
