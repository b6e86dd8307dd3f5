import { describe, expect, it } from 'vitest';
import type { Case } from '@/api/types';
import { caseToForm, emptyCase, emptyGoods, emptyLeg, emptyPerson, formToInput, move, newKey } from './caseForm';

const leg = (country: string, role: string) => ({ ...emptyLeg(), country, role });

describe('form → API', () => {
  it('numbers route legs 1..n in the order shown, after moves and removals', () => {
    const v = emptyCase();
    v.detected_at = '2026-03-01T10:30';
    v.route = [leg('CO', 'origin'), leg('ES', 'transit'), leg('NL', 'transit'), leg('FR', 'destination')];
    v.route = move(v.route, 3, 0); // FR first
    v.route.splice(2, 1); // drop ES
    const input = formToInput(v);
    expect(input.route?.map((l) => [l.position, l.country])).toEqual([
      [1, 'FR'],
      [2, 'CO'],
      [3, 'NL'],
    ]);
  });

  it('maps goods, trims text, turns empty values into null and keeps numbers', () => {
    const v = emptyCase();
    v.detected_at = '2026-03-01T10:30';
    v.place = '  Le Havre quay 4 ';
    v.unlocode = 'frleh';
    v.latitude = '49.48';
    v.longitude = 0.11;
    v.goods = [
      { ...emptyGoods(), commodity_group: 'drugs', commodity_type: 'cocaine', quantity: '12,5', unit: 'kg', hs_code: ' 2939.71 ', value: 1000, currency: 'EUR' },
    ];
    const input = formToInput(v);
    expect(input.detected_at).toBe(new Date('2026-03-01T10:30').toISOString());
    expect(input).toMatchObject({ place: 'Le Havre quay 4', unlocode: 'FRLEH', latitude: 49.48, longitude: 0.11, narrative: null, direction: null });
    expect(input.goods?.[0]).toMatchObject({
      commodity_group: 'drugs',
      commodity_type: 'cocaine',
      quantity: 12.5,
      unit: 'kg',
      hs_code: '2939.71',
      value: 1000,
      currency: 'EUR',
      description: null,
      purity_percent: null,
    });
  });

  it('sends no goods for an offence', () => {
    const v = emptyCase();
    v.kind = 'offence';
    expect(formToInput(v).goods).toEqual([]);
  });

  it('links existing records by id and new ones inline', () => {
    const v = emptyCase();
    v.persons = [
      { key: newKey(), role: 'courier', person_id: null, label: '', person: { ...emptyPerson('Ivanov'), given_names: ' Ivan ', date_of_birth: '1980-05', nationalities: ['RU'] } },
      { key: newKey(), role: 'driver', person_id: 'p-1', label: 'DOE John', person: null },
    ];
    v.companies = [{ key: newKey(), role: 'importer', company_id: 'c-1', label: 'Acme', company: null }];
    v.conveyances = [
      { key: newKey(), role: 'container', conveyance_id: null, label: '', conveyance: { conveyance_type: 'container', identifier_kind: 'container', identifier: ' MSCU 123456 6', country: null, name: '' } },
    ];
    const input = formToInput(v);
    expect(input.persons).toEqual([
      { role: 'courier', person: { family_name: 'Ivanov', given_names: 'Ivan', date_of_birth: '1980-05', gender: null, nationalities: ['RU'] } },
      { role: 'driver', person_id: 'p-1' },
    ]);
    expect(input.companies).toEqual([{ role: 'importer', company_id: 'c-1' }]);
    expect(input.conveyances?.[0]).toEqual({
      role: 'container',
      conveyance: { conveyance_type: 'container', identifier_kind: 'container', identifier: 'MSCU 123456 6', country: null, name: null },
    });
  });
});

describe('API → form', () => {
  it('orders goods and legs by position and links existing records', () => {
    const c = {
      kind: 'seizure',
      detected_at: '2026-03-01T10:30:00Z',
      place: null,
      detection_methods: ['xray_nii'],
      risk_profiling: true,
      intelligence_led: false,
      watch_list_hit: false,
      goods: [
        { id: 'g2', position: 2, commodity_group: 'tobacco', quantity: 200, unit: 'cartons' },
        { id: 'g1', position: 1, commodity_group: 'drugs', quantity: 3, unit: 'kg', mass_kg: 3 },
      ],
      route: [
        { position: 2, country: 'FR', role: 'destination' },
        { position: 1, country: 'CO', role: 'origin' },
      ],
      persons: [{ role: 'courier', person: { id: 'p1', family_name: 'Doe', given_names: 'Jane', date_of_birth: '1990' } }],
      companies: [],
      conveyances: [],
    } as unknown as Case;
    const v = caseToForm(c);
    expect(v.detected_at).toMatch(/^2026-03-01T\d\d:30$/);
    expect(v.goods.map((g) => g.commodity_group)).toEqual(['drugs', 'tobacco']);
    expect(v.route.map((l) => l.country)).toEqual(['CO', 'FR']);
    expect(v.persons[0]).toMatchObject({ role: 'courier', person_id: 'p1', label: 'DOE Jane (1990)', person: null });
    expect(v.place).toBe('');
    // and back: the same positions
    expect(formToInput(v).route?.map((l) => l.position)).toEqual([1, 2]);
  });
});
