import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from '@mantine/form';
import { QueryClient } from '@tanstack/react-query';
import { codeBookQuery } from '@/api/queries/codelists';
import type { CodeListEntry } from '@/api/types';
import { renderRoutes } from '@/test/render';
import { emptyCase, emptyCompany, emptyConveyance, formToInput, newKey, type CaseFormValues } from '../lib/caseForm';
import { CompanyLinks, ConveyanceLinks, PersonLinks } from './LinkEditors';

// debounced searches, in a jsdom that may share the machine with other work
configure({ asyncUtilTimeout: 5000 });

const entry = (code: string, en: string) => ({ code, labels: { en }, retired: false, sort_order: 0 }) as unknown as CodeListEntry;

function json(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

const meta = { version: 1, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' };
const existing = { ...meta, id: 'p7', family_name: 'Mejía', given_names: 'Ana', date_of_birth: '1990', documents: [{ document_type: 'passport', number: 'PE 123456' }] };

/** The register as the links meet it: `GET /persons?q=` and `GET /companies?q=`, each search kept. */
function api({ persons = {} as Record<string, unknown[]>, companies = {} as Record<string, unknown[]> } = {}) {
  const searches: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url);
      const q = url.searchParams.get('q') ?? '';
      if (url.pathname === '/api/v1/persons') {
        searches.push(`persons:${q}`);
        return json({ items: persons[q] ?? [] });
      }
      if (url.pathname === '/api/v1/companies') {
        searches.push(`companies:${q}`);
        return json({ items: companies[q] ?? [] });
      }
      return json({ entries: [] });
    }),
  );
  return searches;
}

/** The link editors on a form of their own; `values()` is what the case form would hold. */
function setup(initial: CaseFormValues) {
  let current: CaseFormValues = initial;
  function Harness() {
    const form = useForm<CaseFormValues>({ mode: 'controlled', initialValues: initial });
    current = form.values;
    return (
      <>
        <PersonLinks form={form} />
        <CompanyLinks form={form} />
        <ConveyanceLinks form={form} />
      </>
    );
  }
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  qc.setQueryData(codeBookQuery('countries').queryKey, [entry('CO', 'Colombia'), entry('ES', 'Spain')]);
  qc.setQueryData(codeBookQuery('document_types').queryKey, [entry('passport', 'Passport'), entry('id_card', 'Identity card')]);
  renderRoutes([{ path: '/', element: <Harness /> }], '/', qc);
  return { values: () => current };
}

/** A link's card (its legend sits in the card's header, so the fieldset is not named by it). */
const card = (title: string) => screen.getByText(title, { selector: 'legend' }).closest('fieldset') as HTMLElement;

async function pick(scope: HTMLElement, label: RegExp, option: string) {
  await userEvent.click(within(scope).getByRole('combobox', { name: label }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

function withPerson(): CaseFormValues {
  const v = emptyCase();
  v.persons = [{ key: newKey(), role: 'courier', person_id: null, label: '', person: null }];
  return v;
}

async function createPerson(name: string) {
  const search = within(card('Person 1')).getByRole('combobox', { name: /^Find or create a person/ });
  await userEvent.type(search, name);
  await userEvent.click(await screen.findByRole('option', { name: `Create new person “${name}”` }));
}

describe('a person created with the case', { timeout: 60_000 }, () => {
  beforeEach(() => {
    if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('takes the typed name apart, and is sent with a passport and a nationality', async () => {
    api();
    const { values } = setup(withPerson());
    await createPerson('RESTREPO GÓMEZ Juan Carlos');
    const person = card('Person 1');
    expect(within(person).getByRole('textbox', { name: /^Family name/ })).toHaveValue('RESTREPO GÓMEZ');
    expect(within(person).getByRole('textbox', { name: /^Given names/ })).toHaveValue('Juan Carlos');

    await pick(person, /^Nationalities/, 'Colombia');
    await userEvent.click(within(person).getByRole('button', { name: 'Add document' }));
    const row = within(person).getByTestId('document-fields');
    await pick(row, /^Document type/, 'Passport');
    await userEvent.type(within(row).getByRole('textbox', { name: /^Number/ }), 'AB 123456');
    await pick(row, /^Issued by/, 'Colombia');
    // the register's own form asks for an expiry; here it is left for later
    expect(within(row).queryByLabelText(/^Expires/)).not.toBeInTheDocument();

    expect(formToInput(values()).persons).toEqual([
      {
        role: 'courier',
        person: {
          family_name: 'RESTREPO GÓMEZ',
          given_names: 'Juan Carlos',
          date_of_birth: null,
          gender: null,
          nationalities: ['CO'],
          documents: [{ document_type: 'passport', number: 'AB 123456', issuing_country: 'CO', expires_on: null }],
        },
      },
    ]);

    // a row can be removed again
    await userEvent.click(within(person).getByRole('button', { name: 'Remove document 1' }));
    expect(values().persons[0]?.person?.documents).toEqual([]);
  });

  it('offers the person the register holds with a typed document number, and links them instead', async () => {
    const searches = api({ persons: { 'PE-123456': [existing] } });
    const { values } = setup(withPerson());
    await createPerson('Mejia, Ana');
    const person = card('Person 1');
    await userEvent.click(within(person).getByRole('button', { name: 'Add document' }));
    await userEvent.type(within(person).getByRole('textbox', { name: /^Number/ }), 'PE-123456');

    const matches = await screen.findByTestId('possible-matches');
    expect(matches).toHaveTextContent('MEJÍA Ana (1990)');
    // found by the number (written another way), not by the name: it says so
    expect(matches).toHaveTextContent('Holds document PE 123456');
    expect(searches).toContain('persons:Mejia Ana');
    expect(searches).toContain('persons:PE-123456');

    await userEvent.click(within(matches).getByRole('button', { name: 'Use the record MEJÍA Ana (1990)' }));
    expect(within(card('Person 1')).getByTestId('linked-record')).toHaveTextContent('MEJÍA Ana (1990)');
    expect(values().persons[0]).toMatchObject({ person_id: 'p7', person: null });
  });
});

describe('a company created with the case', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is matched by its name, and by a registration number or EORI as typed', async () => {
    const nordic = { ...meta, id: 'c5', name: 'Nordic Freight AB', country: 'SE', eori: 'SE5560000001' };
    const searches = api({ companies: { 'se 5560000001': [nordic] } });
    const v = emptyCase();
    v.companies = [{ key: newKey(), role: 'importer', company_id: null, label: '', company: emptyCompany('Nordfrakt') }];
    const { values } = setup(v);
    const company = card('Company 1');
    await userEvent.type(within(company).getByRole('textbox', { name: /^EORI/ }), 'se 5560000001');
    const matches = await screen.findByTestId('possible-matches');
    expect(matches).toHaveTextContent('Nordic Freight AB (SE)');
    expect(searches).toContain('companies:Nordfrakt');
    await userEvent.click(within(matches).getByRole('button', { name: 'Use the record Nordic Freight AB (SE)' }));
    expect(values().companies[0]).toMatchObject({ company_id: 'c5', company: null });
  });
});

describe('a conveyance’s name', { timeout: 60_000 }, () => {
  beforeEach(() => {
    if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
  });
  afterEach(() => vi.unstubAllGlobals());

  const company = (id: string, name: string, country: string) => ({ ...meta, id, name, country });

  it('suggests airlines and carriers of the company register as it is typed, and takes free text too', async () => {
    const searches = api({ companies: { Avian: [company('c1', 'Avianca', 'CO'), company('c2', 'Avianca', 'SV'), company('c3', 'Avian Cargo', 'ES')] } });
    const v = emptyCase();
    v.conveyances = [{ key: newKey(), role: 'carrying', conveyance_id: null, label: '', conveyance: emptyConveyance('AV010') }];
    const { values } = setup(v);
    const name = within(card('Conveyance 1')).getByRole('combobox', { name: /^Name \(vessel, airline, carrier\)/ });

    // one letter: nothing asked
    await userEvent.type(name, 'A');
    await new Promise((r) => setTimeout(r, 400));
    expect(searches.filter((s) => s.startsWith('companies:'))).toEqual([]);

    await userEvent.type(name, 'vian');
    const list = await screen.findByRole('listbox');
    // each name once, as the register's search found them
    await waitFor(() => expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['Avianca', 'Avian Cargo']));
    await userEvent.click(within(list).getByRole('option', { name: 'Avianca' }));
    expect(name).toHaveValue('Avianca');
    expect(values().conveyances[0]?.conveyance?.name).toBe('Avianca');

    // a name the register does not hold is kept as typed
    await userEvent.clear(name);
    await userEvent.type(name, 'MV Nordic Star');
    expect(values().conveyances[0]?.conveyance?.name).toBe('MV Nordic Star');
  });
});
