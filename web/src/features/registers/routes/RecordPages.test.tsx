import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { codeBookQuery } from '@/api/queries/codelists';
import { meQuery } from '@/api/queries/me';
import type { CodeListEntry, Me, Person } from '@/api/types';
import { renderRoutes } from '@/test/render';
import { mergeKeys } from '../api/merges';
import { recordKeys } from '../api/registers';
import { PersonPage } from './RecordPages';
import { PersonEditPage } from './RecordEditPages';

const entry = (code: string, en: string) => ({ code, labels: { en }, retired: false, sort_order: 0 }) as unknown as CodeListEntry;

const person = (locked: boolean) =>
  ({
    id: 'p1',
    version: 3,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-02T00:00:00Z',
    family_name: 'Petrov',
    given_names: 'Ivan Sergeyevich',
    aliases: [],
    nationalities: ['RU'],
    documents: [],
    addresses: [],
    phones: [],
    emails: [],
    notes: null,
    cases: [],
    correction_locked: locked,
  }) as Person;

const history = [
  {
    id: 1,
    version: 1,
    action: 'create',
    actor_id: null,
    actor_username: null,
    at: '2026-01-01T00:00:00Z',
    changes: { family_name: { old: null, new: 'Petrov' }, given_names: { old: null, new: 'Ivan' } },
  },
  {
    id: 2,
    version: 3,
    action: 'update',
    actor_id: 'u2',
    actor_username: 'investigator1',
    at: '2026-01-02T00:00:00Z',
    changes: {
      given_names: { old: 'Ivan', new: 'Ivan Sergeyevich' },
      nationalities: { old: [], new: ['RU'] },
      documents: { old: null, new: [{ document_type: 'passport', number: '751234567', issuing_country: 'RU', expires_on: null }] },
      shoe_size: { old: null, new: 43 },
    },
  },
];

function client(locked: boolean, permissions: string[]) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  qc.setQueryData(meQuery.queryKey, { id: 'u1', username: 'officer1', roles: ['officer'], permissions } as unknown as Me);
  qc.setQueryData(recordKeys.detail('persons', 'p1'), person(locked));
  qc.setQueryData(recordKeys.history('persons', 'p1'), history);
  qc.setQueryData(mergeKeys.forRecord('p1'), []);
  qc.setQueryData(codeBookQuery('countries').queryKey, [entry('RU', 'Russia')]);
  qc.setQueryData(codeBookQuery('document_types').queryKey, [entry('passport', 'Passport')]);
  qc.setQueryData(codeBookQuery('person_roles').queryKey, []);
  return qc;
}

const WRITER = ['registers.read', 'registers.write'];

describe('person page', () => {
  it('lists the record’s changes newest first, labelled and in words', () => {
    renderRoutes([{ path: '/registers/persons/:id', element: <PersonPage /> }], '/registers/persons/p1', client(false, WRITER));
    const list = screen.getByTestId('record-history');
    const entries = within(list).getAllByTestId('record-history-entry');
    expect(entries.map((e) => e.getAttribute('data-action'))).toEqual(['update', 'create']);

    const [corrected, created] = entries as [HTMLElement, HTMLElement];
    expect(corrected).toHaveTextContent('Corrected');
    expect(corrected).toHaveTextContent('investigator1');
    expect(corrected).toHaveTextContent('v3');
    expect(created).toHaveTextContent('Created');
    expect(created).toHaveTextContent('system');

    const row = (e: HTMLElement, field: string) => e.querySelector(`[data-testid="history-change"][data-field="${field}"]`) as HTMLElement;
    const given = row(corrected, 'given_names');
    expect(within(given).getByRole('rowheader')).toHaveTextContent('Given names');
    expect(within(given).getByTestId('history-old')).toHaveTextContent('Ivan');
    expect(within(given).getByTestId('history-new')).toHaveTextContent('Ivan Sergeyevich');
    expect(within(row(corrected, 'nationalities')).getByTestId('history-old')).toHaveTextContent('—');
    expect(within(row(corrected, 'nationalities')).getByTestId('history-new')).toHaveTextContent('Russia');
    expect(within(row(corrected, 'documents')).getByTestId('history-new')).toHaveTextContent('Passport 751234567 (Russia)');
    // a field the UI does not know is shown by its API name
    expect(within(row(corrected, 'shoe_size')).getByRole('rowheader')).toHaveTextContent('shoe_size');
    expect(within(corrected).getByRole('table', { name: 'Changed fields' })).toBeInTheDocument();
  });

  it('offers a writer the Edit button when the record is not locked', () => {
    renderRoutes([{ path: '/registers/persons/:id', element: <PersonPage /> }], '/registers/persons/p1', client(false, WRITER));
    expect(screen.getByRole('link', { name: 'Edit' })).toHaveAttribute('href', '/registers/persons/p1/edit');
    expect(screen.queryByTestId('correction-locked')).not.toBeInTheDocument();
  });

  it('explains, instead of the Edit button, why a locked record cannot be corrected', () => {
    renderRoutes([{ path: '/registers/persons/:id', element: <PersonPage /> }], '/registers/persons/p1', client(true, WRITER));
    expect(screen.queryByRole('link', { name: 'Edit' })).not.toBeInTheDocument();
    expect(screen.getByTestId('correction-locked')).toHaveTextContent('only a supervisor of that unit can correct it');
  });

  it('says nothing of the lock to a reader who may not correct records anyway', () => {
    renderRoutes([{ path: '/registers/persons/:id', element: <PersonPage /> }], '/registers/persons/p1', client(true, ['registers.read']));
    expect(screen.queryByRole('link', { name: 'Edit' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('correction-locked')).not.toBeInTheDocument();
  });
});

describe('person edit page', () => {
  it('shows why a locked record cannot be corrected instead of the form', () => {
    renderRoutes([{ path: '/registers/persons/:id/edit', element: <PersonEditPage /> }], '/registers/persons/p1/edit', client(true, WRITER));
    expect(screen.getByTestId('correction-locked')).toBeInTheDocument();
    expect(screen.queryByTestId('person-form')).not.toBeInTheDocument();
  });
});
