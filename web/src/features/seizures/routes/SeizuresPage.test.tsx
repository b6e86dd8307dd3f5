import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { meQuery } from '@/api/queries/me';
import type { CasePage, CaseSummary, CodeListEntry, Me } from '@/api/types';
import i18n from '@/i18n';
import { session } from '@/lib/session';
import { renderRoutes } from '@/test/render';
import { COLUMNS_STORAGE_KEY } from '../lib/columns';
import { SeizuresPage } from './SeizuresPage';

const OFFICER = ['units.read', 'codelists.read', 'seizures.read', 'seizures.write', 'registers.read', 'registers.write'];
const UNIT = '0193a000-0000-7000-8000-0000000000a1';

const entry = (code: string, en: string, extra: Partial<CodeListEntry> = {}): CodeListEntry =>
  ({ code, labels: { en, fr: en, ar: en }, attributes: {}, retired: false, sort_order: 0, ...extra }) as CodeListEntry;

const CODE_LISTS: Record<string, CodeListEntry[]> = {
  commodity_groups: [entry('drugs', 'Drugs'), entry('tobacco', 'Tobacco and cigarettes')],
  commodity_types: [entry('cocaine', 'Cocaine', { parent_code: 'drugs' })],
  units_of_measure: [entry('kg', 'Kilogram (kg)'), entry('sticks', 'Sticks (cigarettes)')],
  countries: [entry('CO', 'Colombia'), entry('NL', 'Netherlands'), entry('FR', 'France')],
  detection_methods: [entry('xray', 'X-ray')],
  concealment_methods: [entry('container', 'In the container structure')],
};

const CASE: CaseSummary = {
  id: 'c1',
  reference: 'FR-2026-000123',
  status: 'submitted',
  kind: 'seizure',
  detected_at: '2026-03-01T10:00:00Z',
  place: 'Quay 4',
  country: 'FR',
  commodity_groups: ['drugs', 'tobacco'],
  detection_methods: ['xray'],
  concealment_method: 'container',
  goods: [
    { commodity_group: 'drugs', commodity_type: 'cocaine', quantity: 2.5, unit: 'kg' },
    { commodity_group: 'tobacco', commodity_type: null, quantity: 12000, unit: 'sticks' },
  ],
  route: ['CO', 'NL', 'FR'],
  reporting_unit_id: UNIT,
  version: 3,
};

const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };

function setup({ page = { items: [CASE], next_cursor: null, total: 1, total_exact: true } as CasePage, path = '/seizures' } = {}) {
  const requests: { url: URL; auth: string | null }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url);
      requests.push({ url, auth: req.headers.get('Authorization') });
      const json = (body: unknown, status = 200, type = 'application/json') =>
        new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
      if (url.pathname === '/api/v1/seizures') return json(page);
      if (url.pathname === '/api/v1/units') return json({ items: [{ id: UNIT, name: 'Le Havre port' }] });
      if (url.pathname.startsWith('/api/v1/codelists/')) {
        const name = url.pathname.split('/').pop() ?? '';
        return json({ name, description: '', entries: CODE_LISTS[name] ?? [] });
      }
      if (url.pathname === '/api/v1/seizures/export/csv') {
        return new Response('\ufeffreference,kind\nFR-2026-000123,seizure\n', {
          status: 200,
          headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="seizures-20260301-0900.csv"' },
        });
      }
      if (url.pathname === '/api/v1/seizures/export/xlsx') {
        return json(
          {
            type: 'about:blank',
            title: 'Validation failed',
            status: 422,
            code: 'validation_failed',
            detail: 'more than 5000 cases match: narrow the filters',
            errors: [{ field: 'limit', code: 'too_many_rows', message: 'more than 5000 cases match: narrow the filters' }],
          },
          422,
          'application/problem+json',
        );
      }
      return new Response(null, { status: 404 });
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  client.setQueryData(meQuery.queryKey, { id: 'me', username: 'officer', roles: ['officer'], permissions: OFFICER } as unknown as Me);
  const view = renderRoutes([{ path: '/seizures', element: <SeizuresPage /> }], path, client);
  return { ...view, requests };
}

const headers = () =>
  within(screen.getByTestId('seizures-table'))
    .getAllByRole('columnheader')
    .map((h) => h.textContent);

describe('SeizuresPage', { timeout: 30_000 }, () => {
  beforeAll(() => {
    configure({ asyncUtilTimeout: 10_000 });
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: vi.fn(() => 'blob:export') });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: vi.fn() });
  });
  afterAll(() => {
    configure({ asyncUtilTimeout: 1_000 });
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: original.create });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: original.revoke });
  });
  beforeEach(() => {
    localStorage.clear();
    session.signedIn('tok-off', 900);
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    session.reset();
    localStorage.clear();
    await i18n.changeLanguage('en');
  });

  it('shows the default columns: commodity type, quantity with unit, route', async () => {
    setup();
    const table = await screen.findByTestId('seizures-table');
    expect(headers()).toEqual(['Reference', 'Detected at', 'Status', 'Commodity types', 'Quantity', 'Route', 'Place or customs office', 'Unit']);
    const row = table.querySelector<HTMLElement>('tr[data-reference="FR-2026-000123"]')!;
    expect(within(row).getByRole('link', { name: 'FR-2026-000123' })).toHaveAttribute('href', '/seizures/c1');
    // the type, or the group when the goods item has no type
    await waitFor(() => expect(within(row).getByTestId('cell-commodity-types')).toHaveTextContent('CocaineTobacco and cigarettes'));
    const quantity = within(row).getByTestId('cell-quantity');
    await waitFor(() => expect(quantity).toHaveTextContent('2.5 kg12,000 Sticks (cigarettes)'));
    // a number and its unit never part at the end of a line
    expect(quantity.textContent).toContain('2.5\u00a0kg');
    await waitFor(() => expect(within(row).getByTestId('cell-route')).toHaveTextContent('ColombiaNetherlandsFrance'));
    expect(within(row).getAllByRole('listitem')).toHaveLength(3);
    await waitFor(() => expect(row).toHaveTextContent('Le Havre port'));
    expect(row).toHaveTextContent('Quay 4, France');
    expect(within(row).getByTestId('case-status')).toHaveTextContent('Submitted');
  });

  it('adds and removes columns through the picker, and remembers the choice', async () => {
    const first = setup();
    await screen.findByTestId('seizures-table');
    await userEvent.click(screen.getByRole('button', { name: 'Columns' }));
    const picker = await screen.findByRole('dialog', { name: 'Columns' });
    expect(within(picker).getByText('The reference is always shown.')).toBeInTheDocument();
    expect(within(picker).queryByRole('checkbox', { name: 'Reference' })).toBeNull();

    await userEvent.click(within(picker).getByRole('checkbox', { name: 'Detection methods' }));
    await userEvent.click(within(picker).getByRole('checkbox', { name: 'Route' }));
    await waitFor(() => expect(headers()).toContain('Detection methods'));
    expect(headers()).not.toContain('Route');
    await waitFor(() => expect(screen.getByTestId('seizures-table')).toHaveTextContent('X-ray'));
    expect(JSON.parse(localStorage.getItem(COLUMNS_STORAGE_KEY) ?? '')).toEqual([
      'detected_at',
      'status',
      'commodity_types',
      'quantity',
      'place',
      'unit',
      'detection_methods',
    ]);

    // a reload keeps it
    first.unmount();
    setup();
    await screen.findByTestId('seizures-table');
    expect(headers()).toEqual(['Reference', 'Detected at', 'Status', 'Commodity types', 'Quantity', 'Place or customs office', 'Unit', 'Detection methods']);

    // and the defaults come back on request
    await userEvent.click(screen.getByRole('button', { name: 'Columns' }));
    await userEvent.click(within(await screen.findByRole('dialog', { name: 'Columns' })).getByRole('button', { name: 'Default columns' }));
    await waitFor(() => expect(headers()).toContain('Route'));
    expect(headers()).not.toContain('Detection methods');
  });

  it('ignores a stored choice it cannot read', async () => {
    localStorage.setItem(COLUMNS_STORAGE_KEY, '{not json');
    setup();
    await screen.findByTestId('seizures-table');
    expect(headers()).toEqual(['Reference', 'Detected at', 'Status', 'Commodity types', 'Quantity', 'Route', 'Place or customs office', 'Unit']);
  });

  it('shows how many cases match, with the rows shown', async () => {
    setup({ page: { items: [CASE], next_cursor: 'next', total: 1234, total_exact: true } });
    expect(await screen.findByTestId('seizures-total')).toHaveTextContent('1,234 cases match');
    expect(screen.getByTestId('seizures-count')).toHaveTextContent('1,234 cases match · 1 row shown');
  });

  it('says "more than" when the count stopped at its limit', async () => {
    setup({ page: { items: [CASE], next_cursor: 'next', total: 10000, total_exact: false } });
    expect(await screen.findByTestId('seizures-total')).toHaveTextContent('More than 10,000 cases match');
  });

  it('formats the count in the UI language', async () => {
    await i18n.changeLanguage('fr');
    setup({ page: { items: [CASE], next_cursor: 'next', total: 10000, total_exact: false } });
    const total = await screen.findByTestId('seizures-total');
    expect(total.textContent?.replace(/\s/g, ' ')).toBe('Plus de 10 000 affaires correspondent');
  });

  it('keeps Latin data readable in Arabic: references, quantities and places are isolated', async () => {
    await i18n.changeLanguage('ar');
    setup();
    const table = await screen.findByTestId('seizures-table');
    expect(await screen.findByTestId('seizures-total')).toHaveTextContent('قضية واحدة مطابقة');
    const row = table.querySelector<HTMLElement>('tr[data-reference="FR-2026-000123"]')!;
    expect(within(row).getByRole('link').querySelector('bdi')).toHaveTextContent('FR-2026-000123');
    await waitFor(() => expect(within(row).getByTestId('cell-quantity').querySelectorAll('bdi')).toHaveLength(2));
    expect([...row.querySelectorAll('bdi')].map((b) => b.textContent)).toContain('Quay 4');
  });

  it('says one case in the singular', async () => {
    setup();
    expect(await screen.findByTestId('seizures-total')).toHaveTextContent(/^1 case matches$/);
  });

  it('exports the filtered cases as CSV with the bearer token', async () => {
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const { requests } = setup({ path: '/seizures?status=submitted&commodity_group=drugs&order=asc' });
    await screen.findByTestId('seizures-table');
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saved).toEqual(['seizures-20260301-0900.csv']));
    const exported = requests.find((r) => r.url.pathname === '/api/v1/seizures/export/csv');
    expect(exported?.auth).toBe('Bearer tok-off');
    // the list's filters; paging and order do not apply to an export
    expect(Object.fromEntries(exported!.url.searchParams)).toEqual({ status: 'submitted', commodity_group: 'drugs' });
    expect(screen.queryByTestId('seizures-export-error')).toBeNull();
  });

  it('tells the officer to narrow the filters when the export is refused as too large', async () => {
    setup();
    await screen.findByTestId('seizures-table');
    await userEvent.click(screen.getByRole('button', { name: 'Export XLSX' }));
    const error = await screen.findByTestId('seizures-export-error');
    expect(error).toHaveTextContent('Too many cases match to export them at once: narrow the filters');
    expect(error).toHaveAttribute('role', 'alert');
  });
});
