import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { meQuery } from '@/api/queries/me';
import type { ImportReport, Me } from '@/api/types';
import { renderRoutes } from '@/test/render';
import { json, problem, type Call } from '../test/companyFixtures';
import { CompanyImportPage } from './CompanyImportPage';

configure({ asyncUtilTimeout: 5000 });
afterEach(() => vi.unstubAllGlobals());

const CSV = 'name,country,vat\nAtlas Trading,FR,FR40303265045\nAcme Freight,NL,NL123456789B01\nAcme Frieght,NL,\nBad Co,XX,\n';

const rows = (dryRun: boolean): ImportReport['items'] => [
  { line: 2, name: 'Atlas Trading', outcome: 'created', company_id: dryRun ? null : 'n1', existing_label: null, score: null, errors: [] },
  { line: 3, name: 'Acme Freight', outcome: 'matched_identifier', company_id: 'c1', existing_label: 'Acme Freight BV (NL)', score: 1, errors: [] },
  { line: 4, name: 'Acme Frieght', outcome: 'proposal', company_id: dryRun ? null : 'n2', existing_label: 'Acme Freight BV (NL)', score: 0.82, errors: [] },
  { line: 5, name: 'Bad Co', outcome: 'rejected', company_id: null, existing_label: null, score: null, errors: [{ field: 'country', code: 'unknown_code', message: 'not a code of `countries`' }] },
];
const report = (dryRun: boolean): ImportReport => ({ dry_run: dryRun, rows: 4, created: 2, matched: 1, proposals: 1, rejected: 1, items: rows(dryRun) });

function setup(answer: (c: Call) => Response) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url);
      const call = { method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), body: await req.clone().text(), type: req.headers.get('Content-Type') };
      calls.push(call);
      return answer(call);
    }),
  );
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  qc.setQueryData(meQuery.queryKey, { id: 'u1', username: 'officer1', roles: ['officer'], permissions: ['registers.read', 'registers.write'] } as unknown as Me);
  renderRoutes([{ path: '/registers/companies/import', element: <CompanyImportPage /> }], '/registers/companies/import', qc);
  return calls;
}

async function pick(content: string, name = 'extract.csv') {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  await userEvent.upload(input, new File([content], name, { type: 'text/csv' }));
}

describe('importing a register extract', { timeout: 60_000 }, () => {
  it('documents the columns of the file', () => {
    setup(() => json({}));
    const columns = within(screen.getByTestId('import-columns')).getAllByRole('row').slice(1);
    expect(columns.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual([
      'namerequired',
      'legal_form',
      'country',
      'status',
      'status_since',
      'incorporated_on',
      'registration_number',
      'tax_id',
      'eori',
      'vat',
      'lei',
      'iban',
      'aeo',
      'street',
      'postcode',
      'city',
      'address_country',
      'phone',
      'email',
      'website',
      'activities',
      'former_names',
    ]);
    expect(screen.getByRole('button', { name: 'Check' })).toBeDisabled();
  });

  it('checks the file (a dry run), shows the report, then imports it and links the companies created', async () => {
    const calls = setup((c) => json(report(c.query.dry_run === 'true')));
    await pick(CSV);
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));

    const checked = await screen.findByTestId('import-report');
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/v1/companies/import', query: { dry_run: 'true' }, type: 'text/csv', body: CSV });
    expect(within(checked).getByRole('heading')).toHaveTextContent('Check of the extract (nothing written)');
    const counts = within(checked).getByTestId('import-counts');
    expect(within(counts).getAllByText(/\d+/).map((n) => n.textContent)).toEqual(['4', '2', '1', '1', '1']);
    expect(counts).toHaveTextContent('To create');
    const table = within(checked).getByRole('table', { name: 'Rows of the extract' });
    expect(within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['2', 'Atlas Trading', 'To create', '—', '—'],
      ['3', 'Acme Freight', 'Known (same identifier)', 'Acme Freight BV (NL)score 100%', '—'],
      ['4', 'Acme Frieght', 'To create, possible duplicate', 'Acme Freight BV (NL)score 82%', '—'],
      ['5', 'Bad Co', 'Rejected', '—', 'country: not a code of `countries`'],
    ]);
    expect(within(table).getByRole('link', { name: 'Acme Freight BV (NL)' })).toHaveAttribute('href', '/registers/companies/c1');
    // a proposal's likely duplicate is named, not linked (its id is not sent)
    expect(within(table).getAllByRole('link')).toHaveLength(1);

    await userEvent.click(screen.getByRole('button', { name: 'Import the new companies (2)' }));
    const done = await screen.findByRole('heading', { name: 'Extract imported' });
    expect(calls[1]).toMatchObject({ query: { dry_run: 'false' }, type: 'text/csv', body: CSV });
    const created = screen.getByTestId('import-created');
    expect(created).toHaveTextContent('Companies created (2)');
    expect(within(created).getByRole('link', { name: 'Atlas Trading' })).toHaveAttribute('href', '/registers/companies/n1');
    expect(within(created).getByRole('link', { name: 'Acme Frieght' })).toHaveAttribute('href', '/registers/companies/n2');
    expect(done).toBeInTheDocument();
    // imported: nothing more to import from this check
    expect(screen.queryByRole('button', { name: /^Import the new companies/ })).not.toBeInTheDocument();
  });

  it('says why the whole file is refused', async () => {
    setup(() => problem([{ field: 'file', code: 'columns', message: 'unknown column `colour`; columns: name, legal_form' }]));
    await pick('name,colour\nAtlas,blue\n');
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByTestId('import-file-error')).toHaveTextContent('unknown column `colour`');
    expect(screen.queryByTestId('import-report')).not.toBeInTheDocument();
  });

  it('refuses a file over 5 MB before sending it', async () => {
    const calls = setup(() => json({}));
    const big = new File(['x'], 'big.csv', { type: 'text/csv' });
    Object.defineProperty(big, 'size', { value: 6 * 1024 * 1024 });
    fireEvent.change(document.querySelector<HTMLInputElement>('input[type="file"]')!, { target: { files: [big] } });
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(screen.getByText('The file is over 5 MB.')).toBeInTheDocument());
    expect(calls).toHaveLength(0);
  });
});
