import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { codeBookQuery } from '@/api/queries/codelists';
import type { CodeListEntry } from '@/api/types';
import { renderRoutes } from '@/test/render';
import { PersonQuickForm, type PersonQuickFormProps } from './PersonQuickForm';

// debounced checks and navigation, in a jsdom that may share the machine with other work
configure({ asyncUtilTimeout: 5000 });

const entry = (code: string, en: string) => ({ code, labels: { en }, retired: false, sort_order: 0 }) as unknown as CodeListEntry;

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

const created = {
  id: 'p9',
  version: 1,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  family_name: 'RESTREPO GÓMEZ',
  given_names: 'Juan Carlos',
  documents: [{ document_type: 'passport', number: 'AB 123456', issuing_country: 'CO' }],
  cases: [],
  correction_locked: false,
};

interface Sent {
  path: string;
  body: unknown;
}

/**
 * The API as the form meets it: `duplicates` answers the duplicate checks, `create` the POST
 * of the person; every request is kept (path and body).
 */
function api({ duplicates = [] as unknown[], create = () => json(created, 201) } = {}) {
  const sent: Sent[] = [];
  const fetchMock = vi.fn(async (req: Request) => {
    const path = new URL(req.url).pathname;
    const body = req.method === 'POST' ? await req.clone().json() : null;
    sent.push({ path, body });
    if (path === '/api/v1/persons/duplicates') return json({ items: duplicates });
    if (path === '/api/v1/persons' && req.method === 'POST') return create();
    return json({ entries: [] });
  });
  vi.stubGlobal('fetch', fetchMock);
  return sent;
}

/** The form alone, or (`outerSubmit`) placed inside another form, as the case form would. */
function setup(props: Partial<PersonQuickFormProps> = {}, outerSubmit?: () => void) {
  const onCreated = vi.fn();
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  qc.setQueryData(codeBookQuery('countries').queryKey, [entry('CO', 'Colombia'), entry('ES', 'Spain')]);
  qc.setQueryData(codeBookQuery('document_types').queryKey, [entry('passport', 'Passport'), entry('id_card', 'Identity card')]);
  const quick = <PersonQuickForm onCreated={onCreated} {...props} />;
  const element = outerSubmit ? (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        outerSubmit();
      }}
    >
      {quick}
    </form>
  ) : (
    quick
  );
  const utils = renderRoutes([{ path: '/', element }], '/', qc);
  return { ...utils, onCreated };
}

const form = () => screen.getByTestId('person-quick-form');
const input = (label: RegExp) => within(form()).getByRole('textbox', { name: label });

async function pick(label: RegExp, option: string, scope: HTMLElement = form()) {
  await userEvent.click(within(scope).getByRole('combobox', { name: label }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

async function addPassport(number: string) {
  await userEvent.click(within(form()).getByRole('button', { name: 'Add document' }));
  const row = within(form()).getAllByTestId('document-fields').at(-1)!;
  await pick(/^Document type/, 'Passport', row);
  await userEvent.type(within(row).getByRole('textbox', { name: /^Number/ }), number);
  await pick(/^Issued by/, 'Colombia', row);
  return row;
}

const duplicateChecks = (sent: Sent[]) => sent.filter((s) => s.path === '/api/v1/persons/duplicates');

describe('PersonQuickForm', { timeout: 60_000 }, () => {
  beforeEach(() => {
    if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('takes the family and given names apart from what was typed, and creates the person with a document', async () => {
    const sent = api();
    const { onCreated } = setup({ name: 'RESTREPO GÓMEZ Juan Carlos' });
    expect(input(/^Family name/)).toHaveValue('RESTREPO GÓMEZ');
    expect(input(/^Given names/)).toHaveValue('Juan Carlos');
    // no single "name" field, and documents carry no expiry here
    expect(within(form()).queryByRole('textbox', { name: /^Name$/ })).not.toBeInTheDocument();

    await userEvent.type(input(/^Date of birth/), '1984-03-02');
    await addPassport('AB 123456');
    expect(within(form()).queryByLabelText(/^Expires/)).not.toBeInTheDocument();
    await userEvent.click(within(form()).getByRole('button', { name: 'Create person' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ id: 'p9' })));
    const post = sent.find((s) => s.path === '/api/v1/persons');
    expect(post?.body).toMatchObject({
      family_name: 'RESTREPO GÓMEZ',
      given_names: 'Juan Carlos',
      date_of_birth: '1984-03-02',
      documents: [{ document_type: 'passport', number: 'AB 123456', issuing_country: 'CO', expires_on: null }],
    });
  });

  it('refuses a name without a letter before sending, and shows the server’s field errors at their fields', async () => {
    const sent = api({
      create: () =>
        json(
          {
            type: 'about:blank',
            title: 'Unprocessable',
            status: 422,
            code: 'validation_failed',
            errors: [
              { field: 'family_name', code: 'no_letters', message: 'must contain at least one letter' },
              { field: 'documents[0].number', code: 'length', message: 'must be at most 64 characters long' },
            ],
          },
          422,
          'application/problem+json',
        ),
    });
    const { onCreated } = setup();
    await userEvent.type(input(/^Family name/), '0');
    await userEvent.click(within(form()).getByRole('button', { name: 'Create person' }));
    expect(await within(form()).findByText('A name must contain at least one letter.')).toBeInTheDocument();
    expect(sent.some((s) => s.path === '/api/v1/persons')).toBe(false);

    // past the client check, the server's codes are shown in the UI language, at their fields
    await userEvent.clear(input(/^Family name/));
    await userEvent.type(input(/^Family name/), 'Lindqvist');
    const row = await addPassport('X'.repeat(10));
    await userEvent.click(within(form()).getByRole('button', { name: 'Create person' }));
    await waitFor(() => expect(input(/^Family name/)).toHaveAccessibleDescription('A name must contain at least one letter.'));
    expect(within(row).getByRole('textbox', { name: /^Number/ })).toHaveAccessibleDescription('must be at most 64 characters long');
    expect(sent.filter((s) => s.path === '/api/v1/persons')).toHaveLength(1);
    expect(onCreated).not.toHaveBeenCalled();
  });
});

describe('PersonQuickForm inside another form', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('creates the person without submitting the enclosing form', async () => {
    const sent = api();
    const outerSubmit = vi.fn();
    const { onCreated } = setup({ embedded: true, name: 'Lindqvist, Eva' }, outerSubmit);
    expect(form().tagName).not.toBe('FORM');
    await userEvent.click(within(form()).getByRole('button', { name: 'Create person' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(sent.find((s) => s.path === '/api/v1/persons')?.body).toMatchObject({ family_name: 'Lindqvist', given_names: 'Eva', documents: [] });
    expect(outerSubmit).not.toHaveBeenCalled();
  });
});

describe('duplicate warning', { timeout: 60_000 }, () => {
  beforeEach(() => {
    if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
  });
  afterEach(() => vi.unstubAllGlobals());

  const match = { id: 'p1', label: 'PETROV, Ivan (1980)', reasons: ['document', 'name_and_birth_date'], score: 1, features: [] };

  it('asks the register about a document number once typing rests, and links each match with what it shares', async () => {
    const sent = api({ duplicates: [match] });
    const onUseExisting = vi.fn();
    setup({ onUseExisting });
    await addPassport('ab-123 456');

    const warning = await screen.findByTestId('duplicate-warning');
    expect(warning).toHaveTextContent('This person may already be registered');
    const link = within(warning).getByRole('link', { name: 'PETROV, Ivan (1980)' });
    expect(link).toHaveAttribute('href', '/registers/persons/p1');
    expect(link).toHaveAttribute('target', '_blank');
    expect(warning).toHaveTextContent('same identity document number, same name and date of birth');
    // the number as typed: the server compares without spaces, hyphens or case
    expect(duplicateChecks(sent).at(-1)?.body).toEqual({
      family_name: '',
      given_names: null,
      date_of_birth: null,
      documents: [{ document_type: '', number: 'ab-123 456' }],
    });
    // debounced: not one check per key stroke
    expect(duplicateChecks(sent).length).toBeLessThanOrEqual(2);

    // a warning, not a block: the existing record may be taken, or the person still created
    await userEvent.click(within(warning).getByRole('button', { name: 'Use this record (PETROV, Ivan (1980))' }));
    expect(onUseExisting).toHaveBeenCalledWith(match);
    expect(within(form()).getByRole('button', { name: 'Create person' })).toBeEnabled();
  });

  it('asks nothing for a name alone, and asks about a name with a full date of birth', async () => {
    const sent = api({ duplicates: [{ ...match, reasons: ['name_and_birth_date'] }] });
    setup({ name: 'Petrov, Ivan', openMatchesInNewTab: false });
    await userEvent.type(input(/^Date of birth/), '1980');
    await new Promise((r) => setTimeout(r, 600));
    expect(duplicateChecks(sent)).toHaveLength(0);
    expect(screen.queryByTestId('duplicate-warning')).not.toBeInTheDocument();

    await userEvent.type(input(/^Date of birth/), '-05-17');
    const warning = await screen.findByTestId('duplicate-warning');
    expect(warning).toHaveTextContent('same name and date of birth');
    expect(within(warning).getByRole('link', { name: 'PETROV, Ivan (1980)' })).not.toHaveAttribute('target');
    expect(duplicateChecks(sent).at(-1)?.body).toEqual({ family_name: 'Petrov', given_names: 'Ivan', date_of_birth: '1980-05-17', documents: [] });
  });

  it('shows nothing when the register holds no match', async () => {
    const sent = api({ duplicates: [] });
    setup();
    await addPassport('CO998877');
    await waitFor(() => expect(duplicateChecks(sent).length).toBeGreaterThan(0));
    expect(screen.queryByTestId('duplicate-warning')).not.toBeInTheDocument();
  });
});
