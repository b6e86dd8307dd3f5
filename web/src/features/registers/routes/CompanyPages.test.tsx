import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { codeBookQuery } from '@/api/queries/codelists';
import { meQuery } from '@/api/queries/me';
import type { CodeListEntry, Company, Me } from '@/api/types';
import { renderRoutes } from '@/test/render';
import { mergeKeys } from '../api/merges';
import { recordKeys } from '../api/registers';
import { CompanyEditPage } from './RecordEditPages';
import { CompanyPage } from './RecordPages';

// Mantine's pickers and the form's re-renders, in a jsdom that may share the machine with other work
configure({ asyncUtilTimeout: 5000 });

const entry = (code: string, en: string, attributes: Record<string, string> = {}) =>
  ({ code, labels: { en }, attributes, retired: false, sort_order: 0 }) as unknown as CodeListEntry;

const company = {
  id: 'c1',
  version: 4,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-02T00:00:00Z',
  name: 'Acme Freight BV',
  aliases: ['Acme'],
  country: 'NL',
  legal_form: 'nl_bv',
  incorporation_country: null,
  incorporated_on: '2001-02-03',
  status: 'dissolved',
  status_since: '2025-12-31',
  former_names: [{ name: 'Acme Shipping BV', from: '2001-02-03', until: '2015-06-30' }],
  registration_number: '12345678',
  tax_id: null,
  eori: 'NL123456789',
  identifiers: [
    { kind: 'vat', value: 'NL123456789B01', country: 'NL' },
    { kind: 'lei', value: '5493001KJTIIGC8Y1R12', country: null },
  ],
  activities: [],
  addresses: [
    { kind: 'registered', street: '1 Quay Street', postcode: '3011 AA', city: 'Rotterdam', country: 'NL' },
    { kind: 'warehouse', street: null, postcode: null, city: 'Venlo', country: 'NL' },
  ],
  phones: ['+31 10 555 0100'],
  emails: ['info@acme.example'],
  websites: [],
  hs_chapters: ['24', '85'],
  trade_countries: ['CN', 'NL'],
  notes: null,
  cases: [],
  correction_locked: false,
} as unknown as Company;

const WRITER = ['registers.read', 'registers.write'];

function setup(path: string, handler: (req: Request) => Promise<Response | undefined> | Response | undefined = () => undefined) {
  const requests: { method: string; path: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const body = req.method === 'GET' ? null : await req.clone().json();
      requests.push({ method: req.method, path: new URL(req.url).pathname, body });
      return (await handler(req)) ?? new Response(JSON.stringify({ items: [], entries: [] }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  qc.setQueryData(meQuery.queryKey, { id: 'u1', username: 'officer1', roles: ['officer'], permissions: WRITER } as unknown as Me);
  qc.setQueryData(recordKeys.detail('companies', 'c1'), company);
  qc.setQueryData(recordKeys.history('companies', 'c1'), []);
  qc.setQueryData(mergeKeys.forRecord('c1'), []);
  qc.setQueryData(recordKeys.companyRisk('c1'), { score: 72, band: 'high', pending: false, explanation: [], thresholds: { medium: 30, high: 60 } });
  qc.setQueryData(codeBookQuery('countries').queryKey, [entry('NL', 'Netherlands'), entry('FR', 'France'), entry('CN', 'China')]);
  qc.setQueryData(codeBookQuery('company_roles').queryKey, []);
  qc.setQueryData(codeBookQuery('legal_forms').queryKey, [
    entry('nl_bv', 'BV — Private limited company', { country: 'NL' }),
    entry('nl_nv', 'NV — Public limited company', { country: 'NL' }),
    entry('fr_sas', 'SAS — Simplified joint-stock company', { country: 'FR' }),
  ]);
  const utils = renderRoutes(
    [
      { path: '/registers/companies/:id', element: <CompanyPage /> },
      { path: '/registers/companies/:id/edit', element: <CompanyEditPage /> },
    ],
    path,
    qc,
  );
  return { ...utils, requests };
}

beforeAll(() => {
  // jsdom has no FontFaceSet; Mantine's autosize textarea listens to it
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
});
afterEach(() => vi.unstubAllGlobals());

describe('a company’s page', () => {
  it('shows its risk, status since, legal form, incorporation and former names', () => {
    setup('/registers/companies/c1');
    const risk = screen.getByTestId('risk-badge');
    expect(risk).toHaveTextContent('Risk: High (72/100)');
    expect(risk).toHaveAttribute('data-band', 'high');
    expect(screen.getByTestId('company-status')).toHaveTextContent('Dissolved since 2025-12-31');

    const details = screen.getByRole('region', { name: 'Details' });
    expect(details).toHaveTextContent('Legal formBV — Private limited company');
    expect(details).toHaveTextContent('Incorporation2001-02-03');
    expect(within(details).getByTestId('company-former-names')).toHaveTextContent('Acme Shipping BV (2001-02-03 – 2015-06-30)');
  });

  it('shows each address on one line with its type, and the other identifiers with their kind and country', () => {
    setup('/registers/companies/c1');
    const addresses = within(screen.getByTestId('company-addresses')).getAllByRole('listitem');
    expect(addresses.map((a) => a.textContent)).toEqual([
      'Registered office: 1 Quay Street, 3011 AA Rotterdam, Netherlands',
      'Warehouse: Venlo, Netherlands',
    ]);
    const ids = screen.getByRole('table', { name: 'Other identifiers' });
    const rows = within(ids).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['VAT number', 'NL123456789B01', 'Netherlands'],
      ['LEI', '5493001KJTIIGC8Y1R12', '—'],
    ]);
    const trade = screen.getByRole('region', { name: 'Trade' });
    expect(trade).toHaveTextContent('24, 85');
    expect(trade).toHaveTextContent('China, Netherlands');
  });
});

describe('correcting a company', { timeout: 60_000 }, () => {
  it('edits the addresses as rows, and sends only them', async () => {
    const { requests, router } = setup('/registers/companies/c1/edit', (req) =>
      req.method === 'PATCH' ? new Response(JSON.stringify({ ...company, version: 5 }), { status: 200, headers: { 'Content-Type': 'application/json' } }) : undefined,
    );
    const form = screen.getByTestId('company-form');
    let rows = within(form).getAllByTestId('address-fields');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('textbox', { name: 'Street' })).toHaveValue('1 Quay Street');
    expect(within(rows[0]!).getByRole('combobox', { name: 'Type' })).toHaveValue('Registered office');
    expect(within(rows[1]!).getByRole('textbox', { name: 'City' })).toHaveValue('Venlo');
    expect(within(form).getByRole('button', { name: 'Save changes' })).toBeDisabled();

    await userEvent.click(within(form).getByRole('button', { name: 'Remove address 2' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Add address' }));
    rows = within(form).getAllByTestId('address-fields');
    expect(rows).toHaveLength(2);
    expect(within(rows[1]!).getByRole('textbox', { name: 'Street' })).toHaveValue('');
    await userEvent.type(within(rows[1]!).getByRole('textbox', { name: 'Street' }), '9 Dock Road');
    await userEvent.type(within(rows[1]!).getByRole('textbox', { name: 'City' }), 'Venlo');

    await userEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/registers/companies/c1'));
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({
      addresses: [
        { kind: 'registered', street: '1 Quay Street', postcode: '3011 AA', city: 'Rotterdam', country: 'NL' },
        { kind: null, street: '9 Dock Road', postcode: null, city: 'Venlo', country: null },
      ],
    });
  });

  it('refuses an address row without a street, postcode or city before sending it', async () => {
    const { requests } = setup('/registers/companies/c1/edit');
    const form = screen.getByTestId('company-form');
    await userEvent.click(within(form).getByRole('button', { name: 'Add address' }));
    const row = within(form).getAllByTestId('address-fields')[2]!;
    await userEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    const street = within(row).getByRole('textbox', { name: 'Street' });
    expect(street).toHaveAttribute('aria-invalid', 'true');
    expect(within(row).getByText('An address needs a street, a postcode or a city.')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'PATCH')).toBe(false);
  });

  it('shows the server’s field errors at the identifier and address they name', async () => {
    setup('/registers/companies/c1/edit', (req) =>
      req.method === 'PATCH'
        ? new Response(
            JSON.stringify({
              type: 'about:blank',
              title: 'Validation failed',
              status: 422,
              code: 'validation_failed',
              errors: [
                { field: 'identifiers[1].value', code: 'check_digit', message: 'the check digits are wrong' },
                { field: 'identifiers[0].country', code: 'country_mismatch', message: 'the prefix says NL' },
                { field: 'addresses[0].postcode', code: 'length', message: 'must be at most 20 characters long' },
              ],
            }),
            { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
          )
        : undefined,
    );
    const form = screen.getByTestId('company-form');
    const ids = within(form).getAllByTestId('identifier-fields');
    await userEvent.clear(within(ids[1]!).getByRole('textbox', { name: /^Number/ }));
    await userEvent.type(within(ids[1]!).getByRole('textbox', { name: /^Number/ }), '5493001KJTIIGC8Y1R13');
    await userEvent.click(within(form).getByRole('button', { name: 'Save changes' }));

    const lei = within(ids[1]!).getByRole('textbox', { name: /^Number/ });
    await waitFor(() => expect(lei).toHaveAttribute('aria-invalid', 'true'));
    expect(within(ids[1]!).getByText('The check digit does not match.')).toBeInTheDocument();
    expect(within(ids[0]!).getByText('Does not match the country.')).toBeInTheDocument();
    const address = within(form).getAllByTestId('address-fields')[0]!;
    expect(within(address).getByRole('textbox', { name: 'Postcode' })).toHaveAttribute('aria-invalid', 'true');
    expect(within(address).getByText('must be at most 20 characters long')).toBeInTheDocument();
  });

  it('offers the legal forms of the company’s country, and drops one that the new country does not have', async () => {
    setup('/registers/companies/c1/edit');
    const card = screen.getByRole('region', { name: 'Incorporation and status' });
    const legalForm = within(card).getByRole('combobox', { name: /^Legal form/ });
    expect(legalForm).toHaveValue('BV — Private limited company');
    await userEvent.click(legalForm);
    const offered = await screen.findAllByRole('option');
    expect(offered.map((o) => o.textContent)).toEqual(['BV — Private limited company', 'NV — Public limited company']);
    await userEvent.keyboard('{Escape}');

    await userEvent.click(within(card).getByRole('combobox', { name: /^Country of incorporation/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'France' }));
    await waitFor(() => expect(legalForm).toHaveValue(''));
    await userEvent.click(legalForm);
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(['SAS — Simplified joint-stock company']);
  });
});
