import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { codeBookQuery } from '@/api/queries/codelists';
import type { Case, CodeListEntry, HistoryEntry } from '@/api/types';
import { renderRoutes } from '@/test/render';
import { caseKeys } from '../api/seizures';
import { HistoryList } from './HistoryList';

const c = {
  id: 'c1',
  persons: [{ person: { id: 'p1', family_name: 'Petrov', given_names: 'Ivan' }, role: 'courier' }],
  companies: [],
  conveyances: [],
} as unknown as Case;

const history: HistoryEntry[] = [
  { id: 1, version: 1, action: 'create', actor_username: 'officer1', at: '2026-01-01T00:00:00Z', changes: { place: { old: null, new: 'Quay 4' } } },
  {
    id: 2,
    version: 2,
    action: 'record_update',
    actor_username: 'investigator1',
    at: '2026-01-02T00:00:00Z',
    record: { kind: 'person', id: 'p1', version: 4 },
    changes: { given_names: { old: 'Ivan', new: 'Ivan Sergeyevich' }, nationalities: { old: [], new: ['RU'] } },
  },
  {
    id: 3,
    version: 3,
    action: 'record_update',
    actor_username: 'investigator1',
    at: '2026-01-03T00:00:00Z',
    record: { kind: 'company', id: 'k9', version: 2 },
    changes: { country: { old: null, new: 'RU' } },
  },
];

function render() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  qc.setQueryData(caseKeys.history('c1'), history);
  qc.setQueryData(codeBookQuery('countries').queryKey, [{ code: 'RU', labels: { en: 'Russia' }, retired: false, sort_order: 0 } as unknown as CodeListEntry]);
  return renderRoutes([{ path: '*', element: <HistoryList c={c} /> }], '/', qc);
}

describe('case history: a linked record corrected', () => {
  it('names the record with a link to it and lists its fields with the record’s labels', () => {
    render();
    const entries = screen.getAllByTestId('history-entry');
    expect(entries.map((e) => e.getAttribute('data-action'))).toEqual(['record_update', 'record_update', 'create']);

    const person = entries[1] as HTMLElement;
    expect(person).toHaveTextContent('Linked record corrected');
    const record = within(person).getByTestId('history-record');
    expect(record).toHaveTextContent('Person: PETROV Ivan');
    expect(within(record).getByRole('link', { name: 'PETROV Ivan' })).toHaveAttribute('href', '/registers/persons/p1');
    const given = person.querySelector('[data-field="given_names"]') as HTMLElement;
    expect(within(given).getByRole('rowheader')).toHaveTextContent('Given names');
    expect(within(given).getByTestId('history-new')).toHaveTextContent('Ivan Sergeyevich');
    expect(within(person.querySelector('[data-field="nationalities"]') as HTMLElement).getByTestId('history-new')).toHaveTextContent('Russia');
  });

  it('links a record the case no longer links, and labels its fields as that record’s', () => {
    render();
    const company = screen.getAllByTestId('history-entry')[0] as HTMLElement;
    const record = within(company).getByTestId('history-record');
    expect(record).toHaveAttribute('data-kind', 'company');
    expect(within(record).getByRole('link')).toHaveAttribute('href', '/registers/companies/k9');
    const country = company.querySelector('[data-field="country"]') as HTMLElement;
    expect(within(country).getByRole('rowheader')).toHaveTextContent('Country');
    expect(within(country).getByTestId('history-new')).toHaveTextContent('Russia');
  });

  it('keeps the case’s own entries as they were', () => {
    render();
    const created = screen.getAllByTestId('history-entry')[2] as HTMLElement;
    expect(within(created).queryByTestId('history-record')).not.toBeInTheDocument();
    expect(within(created.querySelector('[data-field="place"]') as HTMLElement).getByRole('rowheader')).toHaveTextContent('Place or customs office');
  });
});
