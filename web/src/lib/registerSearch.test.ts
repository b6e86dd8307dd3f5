import { describe, expect, it } from 'vitest';
import { recordPath, registerListPath, registerSearchEntries, registerSearchOf } from './registerSearch';
import { searchFilterCount, searchListPath } from './savedSearch';

describe('a register list’s filters as a saved search', () => {
  it('keeps the register’s own filters, trimmed, and leaves out the empty ones, the order and another register’s', () => {
    const page = { q: ' acme ', country: 'RU', status: 'dormant', typology: null, risk_band: undefined, identifier: '', sort: 'last_case', nationality: 'CO', born: '1984' };
    expect(registerSearchOf('companies', page)).toEqual({ q: 'acme', country: 'RU', status: 'dormant' });
    expect(registerSearchOf('persons', page)).toEqual({ q: 'acme', country: 'RU', nationality: 'CO', born: '1984' });
    expect(registerSearchOf('conveyances', { q: '', conveyance_type: 'vessel', identifier_kind: 'imo', status: 'active' })).toEqual({
      conveyance_type: 'vessel',
      identifier_kind: 'imo',
    });
  });

  it('is empty for an unfiltered list', () => {
    const unfiltered = { q: '', sort: 'name' };
    expect(registerSearchOf('persons', unfiltered)).toEqual({});
    expect(searchFilterCount('persons', {})).toBe(0);
  });
});

describe('a saved register search back in its register', () => {
  it('opens the registers page on the register’s tab, with its filters in the page’s order', () => {
    expect(registerListPath('companies', { country: 'EC' })).toBe('/registers?register=companies&country=EC');
    expect(registerListPath('persons', { document: 'AB 123', birth_year: 1984, q: 'Petrov' })).toBe(
      '/registers?register=persons&q=Petrov&birth_year=1984&document=AB+123',
    );
    expect(registerListPath('conveyances', {})).toBe('/registers?register=conveyances');
  });

  it('gives each list its own address', () => {
    expect(searchListPath('seizures', { route_country: 'EC' })).toBe('/seizures?route_country=EC');
    expect(searchListPath('companies', { country: 'EC', person_id: 'p1' })).toBe('/registers?register=companies&country=EC&person_id=p1');
    expect(searchFilterCount('companies', { country: 'EC', person_id: 'p1' })).toBe(2);
  });

  it('ignores the fields of another register, and links a record to its page', () => {
    expect(registerSearchEntries('conveyances', { country: 'EC', nationality: 'CO' } as never)).toEqual([['country', 'EC']]);
    expect(recordPath('companies', 'c1')).toBe('/registers/companies/c1');
  });
});
