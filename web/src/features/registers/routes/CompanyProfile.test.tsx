import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ANALYST, OFFICER, json, problem, profile, renderCompany } from '../test/companyFixtures';

// Mantine's pickers and dialogs, in a jsdom that may share the machine with other work
configure({ asyncUtilTimeout: 5000 });

beforeAll(() => {
  // jsdom has no FontFaceSet; Mantine's autosize textarea listens to it
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
});
afterEach(() => vi.unstubAllGlobals());

const PROFILE = '/api/v1/companies/c1/profile';
const rows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);
const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);

/** Picks `option` of the select labelled `label` (inside `scope`). */
async function choose(scope: HTMLElement, label: RegExp | string, option: string) {
  await userEvent.click(within(scope).getByRole('combobox', { name: label }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

describe('the company database tabs', { timeout: 60_000 }, () => {
  it('reads the profile only when one of its tabs opens, and once for all of them', async () => {
    const { to } = renderCompany('/registers/companies/c1');
    expect(screen.getByRole('tab', { name: 'Identity' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('region', { name: 'Details' })).toBeInTheDocument();
    expect(to(PROFILE)).toHaveLength(0);

    await userEvent.click(screen.getByRole('tab', { name: 'People' }));
    expect(await screen.findByTestId('people-table')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: /^Relations/ }));
    await screen.findByTestId('relations-table');
    await userEvent.click(screen.getByRole('tab', { name: /^Links/ }));
    await screen.findByTestId('company-links');
    await userEvent.click(screen.getByRole('tab', { name: 'Risk' }));
    await screen.findByTestId('risk-table');
    expect(to(PROFILE)).toHaveLength(1);
    // the counts come with it
    expect(screen.getByRole('tab', { name: 'People (2)' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Typologies & flags (3)' })).toBeInTheDocument();
  });
});

describe('people', { timeout: 60_000 }, () => {
  it('lists each person with a link, role, share, period and note', async () => {
    renderCompany('/registers/companies/c1?tab=people');
    const table = await screen.findByRole('table', { name: 'People of the company' });
    expect(rows(table).map(cells)).toEqual([
      ['DUPONT Jean', 'Director', '—', '2020-01-01 –', 'Since the takeover', ''],
      ['MARTIN Anne', 'Shareholder', '40%', '—', '—', ''],
    ]);
    expect(within(table).getByRole('link', { name: 'DUPONT Jean' })).toHaveAttribute('href', '/registers/persons/p1');
  });

  it('adds a person found in the register, with a share only for shareholders, and shows the server’s field errors', async () => {
    let refused = false;
    const { to } = renderCompany('/registers/companies/c1?tab=people', {
      handler: (c) => {
        if (c.path === '/api/v1/persons') return json({ items: [{ id: 'p9', family_name: 'Novak', given_names: 'Eva', date_of_birth: '1980-05-06' }], next_cursor: null });
        if (c.path === '/api/v1/companies/c1/people' && c.method === 'POST') {
          if (!refused) {
            refused = true;
            return problem([
              { field: 'share_percent', code: 'over_100', message: 'the shares held at the same time would add up to 120.00 %' },
              { field: 'until', code: 'before_start', message: 'must not be before `from`' },
            ]);
          }
          return json({ id: 'l9', person: { id: 'p9', name: 'NOVAK Eva' }, role: 'shareholder', share_percent: 80, created_at: '2026-01-07T00:00:00Z' }, 201);
        }
      },
    });
    await screen.findByTestId('people-table');
    await userEvent.click(screen.getByRole('button', { name: 'Add person' }));
    const form = await screen.findByTestId('add-person-form');

    await userEvent.type(within(form).getByRole('combobox', { name: /Find a person/ }), 'nov');
    await userEvent.click(await screen.findByRole('option', { name: 'NOVAK Eva (1980-05-06)' }));
    expect(within(form).getByTestId('picked')).toHaveTextContent('NOVAK Eva (1980-05-06)');

    await choose(form, /^Role/, 'Director');
    expect(within(form).queryByRole('textbox', { name: /Share held/ })).not.toBeInTheDocument();
    await choose(form, /^Role/, 'Shareholder');
    const share = within(form).getByRole('textbox', { name: /Share held/ });
    await userEvent.type(share, '150');
    await userEvent.click(within(form).getByRole('button', { name: 'Add person' }));
    expect(await within(form).findByText('Over 0 and at most 100.')).toBeInTheDocument();
    expect(to('/api/v1/companies/c1/people', 'POST')).toHaveLength(0);

    await userEvent.clear(share);
    await userEvent.type(share, '80');
    fireEvent.change(within(form).getByLabelText('From'), { target: { value: '2024-06-01' } });
    fireEvent.change(within(form).getByLabelText('Until'), { target: { value: '2024-07-01' } });
    await userEvent.click(within(form).getByRole('button', { name: 'Add person' }));
    expect(await within(form).findByText('The shares held at the same time would add up to more than 100 %.')).toBeInTheDocument();
    expect(within(form).getByText('Must not be before the start date.')).toBeInTheDocument();
    expect(share).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByLabelText('Until')).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).queryByTestId('form-error')).not.toBeInTheDocument();

    await userEvent.click(within(form).getByRole('button', { name: 'Add person' }));
    await waitFor(() => expect(screen.queryByTestId('add-person-form')).not.toBeInTheDocument());
    const posts = to('/api/v1/companies/c1/people', 'POST');
    expect(posts.at(-1)?.body).toEqual({ person_id: 'p9', role: 'shareholder', share_percent: 80, from: '2024-06-01', until: '2024-07-01', note: null });
    // the profile (and with it the risk) is read again after the change
    await waitFor(() => expect(to(PROFILE)).toHaveLength(2));
  });

  it('removes a person’s link after asking', async () => {
    const { to } = renderCompany('/registers/companies/c1?tab=people');
    await screen.findByTestId('people-table');
    await userEvent.click(screen.getByRole('button', { name: 'Remove MARTIN Anne' }));
    expect(await screen.findByText(/MARTIN Anne will no longer be linked to the company as Shareholder/)).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('confirm'));
    await waitFor(() => expect(to('/api/v1/companies/c1/people/l2', 'DELETE')).toHaveLength(1));
    await waitFor(() => expect(to(PROFILE)).toHaveLength(2));
  });

  it('offers no change without registers.write', async () => {
    renderCompany('/registers/companies/c1?tab=people', { permissions: ANALYST });
    await screen.findByTestId('people-table');
    expect(screen.queryByRole('button', { name: 'Add person' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Remove/ })).not.toBeInTheDocument();
  });
});

describe('relations', { timeout: 60_000 }, () => {
  it('words each relation from this company, with the other company’s status, risk, share and period', async () => {
    renderCompany('/registers/companies/c1?tab=relations');
    const table = await screen.findByRole('table', { name: 'Relations of the company' });
    const [holding, old] = rows(table);
    expect(cells(holding!)).toEqual(['Subsidiary of', 'Acme Holding SA', 'Active', 'Risk: High (65/100)', '100%', '2015-01-01 –', '—', '']);
    // read with its column: "This company is" "Subsidiary of" "Acme Holding SA"
    expect(within(table).getAllByRole('columnheader')[0]).toHaveTextContent('This company is');
    expect(within(holding!).getByRole('link', { name: 'Acme Holding SA' })).toHaveAttribute('href', '/registers/companies/c2');
    expect(cells(old!)[0]).toBe('Successor of');
    // a dissolved company says so next to its name
    expect(cells(old!)[1]).toBe('Old Acme BVDissolved');
  });

  it('records a relation (the share for a parent only, the company itself not offered) and shows why it is refused', async () => {
    let refused = false;
    const { to } = renderCompany('/registers/companies/c1?tab=relations', {
      handler: (c) => {
        if (c.path === '/api/v1/companies' && c.method === 'GET')
          return json({
            items: [
              { id: 'c1', name: 'Acme Freight BV', country: 'NL' },
              { id: 'c8', name: 'Acme Group', country: 'LU' },
            ],
            next_cursor: null,
          });
        if (c.path === '/api/v1/companies/c1/relations' && c.method === 'POST') {
          if (!refused) {
            refused = true;
            return problem([
              { field: 'company_id', code: 'cycle', message: 'the other company already stands above this one in that chain' },
              { field: 'share_percent', code: 'over_100', message: 'the shares held at the same time would add up to 150.00 %' },
            ]);
          }
          return json({ id: 'r9', kind: 'parent', company: { id: 'c8', name: 'Acme Group', status: 'active', risk_score: 0, risk_band: 'low' }, created_at: '2026-01-07T00:00:00Z' }, 201);
        }
      },
    });
    await screen.findByTestId('relations-table');
    await userEvent.click(screen.getByRole('button', { name: 'Add relation' }));
    const form = await screen.findByTestId('add-relation-form');

    await choose(form, /^Relation/, 'In the same group as');
    expect(within(form).queryByRole('textbox', { name: /Share the parent holds/ })).not.toBeInTheDocument();
    await choose(form, /^Relation/, 'Parent of');
    await userEvent.type(within(form).getByRole('textbox', { name: /Share the parent holds/ }), '60');

    await userEvent.type(within(form).getByRole('combobox', { name: /Find a company/ }), 'acme');
    const offered = await screen.findAllByRole('option');
    expect(offered.map((o) => o.textContent)).toEqual(['Acme Group (LU)']);
    await userEvent.click(offered[0]!);

    await userEvent.click(within(form).getByRole('button', { name: 'Add relation' }));
    expect(await within(form).findByText('The other company already stands above this one in that chain.')).toBeInTheDocument();
    expect(within(form).getByText('The shares held at the same time would add up to more than 100 %.')).toBeInTheDocument();

    await userEvent.click(within(form).getByRole('button', { name: 'Add relation' }));
    await waitFor(() => expect(screen.queryByTestId('add-relation-form')).not.toBeInTheDocument());
    expect(to('/api/v1/companies/c1/relations', 'POST').at(-1)?.body).toEqual({
      kind: 'parent',
      company_id: 'c8',
      share_percent: 60,
      from: null,
      until: null,
      note: null,
    });
    await waitFor(() => expect(to(PROFILE)).toHaveLength(2));
  });

  it('says a relation to itself or one recorded already in words', async () => {
    renderCompany('/registers/companies/c1?tab=relations', {
      handler: (c) => {
        if (c.path === '/api/v1/companies' && c.method === 'GET') return json({ items: [{ id: 'c8', name: 'Acme Group', country: 'LU' }], next_cursor: null });
        if (c.path === '/api/v1/companies/c1/relations') return problem([{ field: 'company_id', code: 'duplicate', message: 'this relation is already recorded' }]);
      },
    });
    await screen.findByTestId('relations-table');
    await userEvent.click(screen.getByRole('button', { name: 'Add relation' }));
    const form = await screen.findByTestId('add-relation-form');
    await choose(form, /^Relation/, 'Agent of');
    await userEvent.type(within(form).getByRole('combobox', { name: /Find a company/ }), 'acme');
    await userEvent.click(await screen.findByRole('option', { name: 'Acme Group (LU)' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Add relation' }));
    expect(await within(form).findByText('This relation is already recorded.')).toBeInTheDocument();
  });

  it('removes a relation after asking', async () => {
    const { to } = renderCompany('/registers/companies/c1?tab=relations');
    await screen.findByTestId('relations-table');
    await userEvent.click(screen.getByRole('button', { name: 'Remove the relation with Old Acme BV' }));
    expect(await screen.findByText(/“This company is the successor of Old Acme BV” will no longer be recorded/)).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('confirm'));
    await waitFor(() => expect(to('/api/v1/companies/c1/relations/r2', 'DELETE')).toHaveLength(1));
  });
});

describe('links', () => {
  it('groups the linked companies by what they share, counts the hubs and names the shared identifiers', async () => {
    renderCompany('/registers/companies/c1?tab=links');
    const address = await screen.findByTestId('links-address');
    expect(within(address).getByRole('heading')).toHaveTextContent('Same address (2)');
    const addressRows = rows(within(address).getByRole('table'));
    expect(addressRows.map(cells)).toEqual([
      ['Quay Traders', 'Active', 'Risk: Medium (40/100)', '1 Quay Street, 3011 AA Rotterdam'],
      ['Dock Services', 'Dormant', 'Risk: Low (12/100)', '1 Quay Street, 3011 AA Rotterdam'],
    ]);
    expect(within(addressRows[0]!).getByRole('link', { name: 'Quay Traders' })).toHaveAttribute('href', '/registers/companies/c4');

    const director = screen.getByTestId('links-director');
    expect(within(director).getByRole('link', { name: 'DUPONT Jean' })).toHaveAttribute('href', '/registers/persons/p1');
    // groups in their order: address before director
    expect(address.compareDocumentPosition(director) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    expect(screen.getByTestId('company-hubs')).toHaveTextContent('Address: 10 Formation Lane, Dublinshared by 240 companies');
    const shared = screen.getByTestId('shared-identifier');
    expect(shared).toHaveTextContent('This VAT number NL123456789B01 is also on:');
    expect(within(shared).getByRole('link', { name: 'Twin Freight' })).toHaveAttribute('href', '/registers/companies/c7');
    expect(shared).toHaveTextContent('and 2 more');
  });
});

describe('risk', () => {
  it('shows the score, band, thresholds and each contribution with the records it counts, adding up to the score', async () => {
    renderCompany('/registers/companies/c1?tab=risk');
    const table = await screen.findByRole('table', { name: 'What makes up the score' });
    expect(screen.getByTestId('risk-score')).toHaveTextContent('72/100');
    expect(within(screen.getByTestId('company-risk')).getByTestId('risk-badge')).toHaveTextContent('Risk: High (72/100)');
    expect(screen.getByTestId('risk-thresholds')).toHaveTextContent('Medium from 30, high from 60.');
    expect(screen.getByTestId('risk-computed-at')).toHaveTextContent(/^Computed /);
    expect(screen.queryByTestId('risk-pending')).not.toBeInTheDocument();

    const body = within(table).getAllByRole('row').slice(1, -1);
    expect(body.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Seizure cases naming the company',
      'Investigations linking the company',
      'High-risk linked companies',
      'Its people under alert or in cases',
      'Analysts’ flags',
    ]);
    expect(within(body[0]!).getByRole('link', { name: 'NL-2026-000001' })).toHaveAttribute('href', '/seizures/s1');
    expect(within(body[0]!).getByRole('cell', { name: '+30' })).toBeInTheDocument();
    // an investigation the reader is not on: counted, not named, no link
    expect(within(body[1]!).getByTestId('risk-ref-restricted')).toHaveTextContent('Restricted');
    expect(within(body[1]!).queryByRole('link')).not.toBeInTheDocument();
    expect(within(body[2]!).getByRole('link', { name: 'Acme Holding SA' })).toHaveAttribute('href', '/registers/companies/c2');
    expect(within(body[3]!).getByRole('link', { name: 'DUPONT, Jean' })).toHaveAttribute('href', '/registers/persons/p1');
    expect(within(body[4]!).queryByRole('link')).not.toBeInTheDocument();
    expect(within(body[4]!).getByTestId('risk-ref')).toHaveTextContent(/^Flag: Known front company\s*\(\+15 points\)$/);

    const total = screen.getByTestId('risk-total');
    expect(total).toHaveTextContent('Total72The contributions add up to the score, 72.');
  });

  it('says the score waits for a recomputation, and reads it again on demand', async () => {
    const { to } = renderCompany('/registers/companies/c1?tab=risk', {
      handler: (c) => (c.path === PROFILE ? json({ ...profile, risk: { ...profile.risk, pending: true } }) : undefined),
    });
    const pending = await screen.findByTestId('risk-pending');
    expect(pending).toHaveTextContent('Waiting for recomputation');
    await userEvent.click(within(pending).getByRole('button', { name: 'Read again' }));
    await waitFor(() => expect(to(PROFILE)).toHaveLength(2));
  });
});

describe('typologies and flags', { timeout: 60_000 }, () => {
  it('lists the typologies with their case and who recorded them, and the flags with their points', async () => {
    renderCompany('/registers/companies/c1?tab=assessment', { permissions: ANALYST });
    const typologies = await screen.findByRole('table', { name: 'Fraud typologies' });
    const [first, second] = rows(typologies);
    expect(cells(first!).slice(0, 3)).toEqual(['Undervaluation', 'Case: NL-2026-000001', 'Invoices at half price']);
    expect(within(first!).getByRole('link', { name: 'NL-2026-000001' })).toHaveAttribute('href', '/seizures/s1');
    expect(cells(first!)[3]).toMatch(/^Ana Analyst, /);
    expect(cells(second!).slice(0, 2)).toEqual(['Phoenix company', 'An investigation you are not on']);
    const flags = screen.getByRole('table', { name: 'Analysts’ flags' });
    expect(cells(rows(flags)[0]!).slice(0, 2)).toEqual(['+15', 'Known front company']);
  });

  it('records a typology against one of the company’s cases, and withdraws one', async () => {
    const { to } = renderCompany('/registers/companies/c1?tab=assessment', {
      permissions: ANALYST,
      handler: (c) =>
        c.path === '/api/v1/companies/c1/typologies' && c.method === 'POST'
          ? json({ id: 't9', typology: 'phoenix', recorded_by: { id: 'u1', name: 'Me' }, recorded_at: '2026-01-07T00:00:00Z' }, 201)
          : undefined,
    });
    await screen.findByTestId('typologies-table');
    await userEvent.click(screen.getByRole('button', { name: 'Record typology' }));
    const form = await screen.findByTestId('add-typology-form');
    await userEvent.click(within(form).getByRole('button', { name: 'Record typology' }));
    expect(await within(form).findByText('Choose one of the company’s cases.')).toBeInTheDocument();

    await choose(form, /^Typology/, 'Phoenix company');
    await userEvent.click(within(form).getByRole('combobox', { name: /^Case/ }));
    const offered = await screen.findAllByRole('option');
    // each case once, though the company has two roles in the first
    expect(offered.map((o) => o.textContent)).toEqual(['NL-2026-000001', 'NL-2026-000002']);
    await userEvent.click(offered[1]!);
    await userEvent.click(within(form).getByRole('button', { name: 'Record typology' }));
    await waitFor(() => expect(screen.queryByTestId('add-typology-form')).not.toBeInTheDocument());
    expect(to('/api/v1/companies/c1/typologies', 'POST')[0]?.body).toEqual({ typology: 'phoenix', case_id: 's2', note: null });
    await waitFor(() => expect(to(PROFILE)).toHaveLength(2));

    await userEvent.click(screen.getByRole('button', { name: 'Withdraw Undervaluation' }));
    await userEvent.click(await screen.findByTestId('confirm'));
    await waitFor(() => expect(to('/api/v1/companies/c1/typologies/t1', 'DELETE')).toHaveLength(1));
  });

  it('says a typology recorded already against that case in words', async () => {
    renderCompany('/registers/companies/c1?tab=assessment', {
      permissions: ANALYST,
      handler: (c) => (c.path === '/api/v1/companies/c1/typologies' ? json({ type: 'about:blank', title: 'Conflict', status: 409, code: 'already_recorded' }, 409, 'application/problem+json') : undefined),
    });
    await screen.findByTestId('typologies-table');
    await userEvent.click(screen.getByRole('button', { name: 'Record typology' }));
    const form = await screen.findByTestId('add-typology-form');
    await choose(form, /^Typology/, 'Undervaluation');
    await choose(form, /^Case/, 'NL-2026-000001');
    await userEvent.click(within(form).getByRole('button', { name: 'Record typology' }));
    expect(await within(form).findByText('This typology is already recorded against that case.')).toBeInTheDocument();
  });

  it('adds a flag of −50 to 50 points (not 0) with its reason, and removes one', async () => {
    let refused = false;
    const { to } = renderCompany('/registers/companies/c1?tab=assessment', {
      permissions: ANALYST,
      handler: (c) => {
        if (c.path === '/api/v1/companies/c1/flags' && c.method === 'POST') {
          if (!refused) {
            refused = true;
            return problem([{ field: 'reason', code: 'length', message: 'must be at most 1000 characters long' }]);
          }
          return json({ id: 'f9', points: -10, reason: 'Cleared by audit', set_by: { id: 'u1', name: 'Me' }, set_at: '2026-01-07T00:00:00Z' }, 201);
        }
      },
    });
    await screen.findByTestId('flags-table');
    await userEvent.click(screen.getByRole('button', { name: 'Add flag' }));
    const form = await screen.findByTestId('add-flag-form');
    const points = within(form).getByRole('textbox', { name: /^Points/ });
    await userEvent.type(points, '0');
    await userEvent.click(within(form).getByRole('button', { name: 'Add flag' }));
    expect(await within(form).findByText('A whole number from −50 to 50, not 0.')).toBeInTheDocument();
    expect(within(form).getByText('Required')).toBeInTheDocument();

    await userEvent.clear(points);
    await userEvent.type(points, '-10');
    await userEvent.type(within(form).getByRole('textbox', { name: /^Reason/ }), 'Cleared by audit');
    await userEvent.click(within(form).getByRole('button', { name: 'Add flag' }));
    expect(await within(form).findByText('must be at most 1000 characters long')).toBeInTheDocument();
    await userEvent.click(within(form).getByRole('button', { name: 'Add flag' }));
    await waitFor(() => expect(screen.queryByTestId('add-flag-form')).not.toBeInTheDocument());
    expect(to('/api/v1/companies/c1/flags', 'POST').at(-1)?.body).toEqual({ points: -10, reason: 'Cleared by audit' });

    await userEvent.click(screen.getByRole('button', { name: 'Remove the flag +15 (Known front company)' }));
    await userEvent.click(await screen.findByTestId('confirm'));
    await waitFor(() => expect(to('/api/v1/companies/c1/flags/f1', 'DELETE')).toHaveLength(1));
  });

  it('offers no assessment without companies.assess (an officer)', async () => {
    renderCompany('/registers/companies/c1?tab=assessment', { permissions: OFFICER });
    await screen.findByTestId('typologies-table');
    expect(screen.queryByRole('button', { name: 'Record typology' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add flag' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Withdraw|^Remove/ })).not.toBeInTheDocument();
  });
});
