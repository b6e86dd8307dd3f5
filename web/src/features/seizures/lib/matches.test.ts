import { describe, expect, it } from 'vitest';
import type { CompanyRecord, PersonRecord } from '@/api/types';
import i18n from '@/i18n';
import { companyNames, personMatches } from './matches';

const meta = { version: 1, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' };
const t = i18n.getFixedT('en');

describe('possible matches', () => {
  it('say when a person is found by a typed document number, however it is written', () => {
    const persons = [
      { ...meta, id: 'p1', family_name: 'Mejía', given_names: 'Ana', documents: [{ document_type: 'passport', number: 'PE 123-456' }] },
      { ...meta, id: 'p2', family_name: 'Restrepo', date_of_birth: '1980', documents: [] },
    ] as PersonRecord[];
    expect(personMatches(persons, ['Mejia Ana', 'pe123456'], t)).toEqual([
      { id: 'p1', label: 'MEJÍA Ana', detail: 'Holds document PE 123-456' },
      { id: 'p2', label: 'RESTREPO (1980)' },
    ]);
  });

  it('suggest each company name once', () => {
    const companies = [
      { ...meta, id: 'c1', name: 'Avianca', country: 'CO' },
      { ...meta, id: 'c2', name: 'Avianca ', country: 'SV' },
      { ...meta, id: 'c3', name: 'Avian Cargo' },
    ] as CompanyRecord[];
    expect(companyNames(companies)).toEqual(['Avianca', 'Avian Cargo']);
  });
});
