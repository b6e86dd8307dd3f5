import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { codeBookQuery } from '@/api/queries/codelists';
import { meQuery } from '@/api/queries/me';
import type { Me } from '@/api/types';
import { renderRoutes } from '@/test/render';
import { CompanyPage, PersonPage } from './RecordPages';

// debounced checks and navigation, in a jsdom that may share the machine with other work
configure({ asyncUtilTimeout: 5000 });

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const acme = {
  id: 'c9',
  version: 1,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  name: 'Acme Trading',
  registration_number: 'RCS 123',
  aliases: [],
  activities: [],
  addresses: [],
  cases: [],
  correction_locked: false,
};

function setup(path: string, permissions = ['registers.read', 'registers.write']) {
  const sent: { path: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const p = new URL(req.url).pathname;
      sent.push({ path: p, body: req.method === 'POST' ? await req.clone().json() : null });
      if (p === '/api/v1/companies/duplicates')
        return json({ items: [{ id: 'c1', label: 'ACME TRADING (FR)', reasons: ['registration_number', 'name'], score: 0.967, features: [] }] });
      if (p === '/api/v1/companies' && req.method === 'POST') return json(acme, 201);
      return json({ items: [], entries: [] });
    }),
  );
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  qc.setQueryData(meQuery.queryKey, { id: 'u1', username: 'officer1', roles: ['officer'], permissions } as unknown as Me);
  for (const list of ['countries', 'company_roles', 'document_types']) qc.setQueryData(codeBookQuery(list).queryKey, []);
  const utils = renderRoutes(
    [
      { path: '/registers/companies/:id', element: <CompanyPage /> },
      { path: '/registers/persons/:id', element: <PersonPage /> },
    ],
    path,
    qc,
  );
  return { ...utils, sent };
}

describe('creating a register record', { timeout: 60_000 }, () => {
  beforeEach(() => {
    if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('warns of a company that shares the registration number and name, and still creates the new one', async () => {
    const { router, sent } = setup('/registers/companies/new');
    expect(screen.getByRole('heading', { name: 'New company', level: 1 })).toBeInTheDocument();
    const form = screen.getByTestId('company-form');
    await userEvent.type(within(form).getByRole('textbox', { name: /^Company name/ }), 'Acme Trading');
    await userEvent.type(within(form).getByRole('textbox', { name: /^Registration number/ }), 'RCS 123');

    const warning = await screen.findByTestId('duplicate-warning');
    expect(warning).toHaveTextContent('This company may already be registered');
    expect(warning).toHaveTextContent('same registration number, same name');
    // the engine's score, rounded down
    expect(within(warning).getByTestId('duplicate-score')).toHaveTextContent('96%');
    // on the register's own page the record opens in place
    const link = within(warning).getByRole('link', { name: 'ACME TRADING (FR)' });
    expect(link).toHaveAttribute('href', '/registers/companies/c1');
    expect(link).not.toHaveAttribute('target');

    await userEvent.click(within(form).getByRole('button', { name: 'Create record' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/registers/companies/c9'));
    expect(sent.find((s) => s.path === '/api/v1/companies')?.body).toMatchObject({ name: 'Acme Trading', registration_number: 'RCS 123' });
    expect(await screen.findByTestId('record-title')).toHaveTextContent('Acme Trading');
  });

  it('refuses the creation page to a reader', () => {
    setup('/registers/persons/new', ['registers.read']);
    expect(screen.getByTestId('forbidden-state')).toBeInTheDocument();
    expect(screen.queryByTestId('person-form')).not.toBeInTheDocument();
  });

  it('opens the person form empty, with the duplicate check, at /registers/persons/new', () => {
    setup('/registers/persons/new');
    const form = screen.getByTestId('person-form');
    expect(within(form).getByRole('textbox', { name: /^Family name/ })).toHaveValue('');
    expect(within(form).getByRole('button', { name: 'Create record' })).toBeEnabled();
  });
});
