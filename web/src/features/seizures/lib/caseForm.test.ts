import { describe, expect, it } from 'vitest';
import type { Case } from '@/api/types';
import { emptyDocument } from '@/lib/persons';
import {
  caseToForm,
  emptyCase,
  emptyGoods,
  emptyLeg,
  emptyPerson,
  formToInput,
  move,
  newCaseValues,
  newKey,
  reviveDraft,
  type CaseFormValues,
} from './caseForm';

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
      { role: 'courier', person: { family_name: 'Ivanov', given_names: 'Ivan', date_of_birth: '1980-05', gender: null, nationalities: ['RU'], documents: [] } },
      { role: 'driver', person_id: 'p-1' },
    ]);
    expect(input.companies).toEqual([{ role: 'importer', company_id: 'c-1' }]);
    expect(input.conveyances?.[0]).toEqual({
      role: 'container',
      conveyance: { conveyance_type: 'container', identifier_kind: 'container', identifier: 'MSCU 123456 6', country: null, name: null },
    });
  });
});

describe('a person created with the case', () => {
  it('takes family and given names apart from what was typed in the search', () => {
    expect(emptyPerson('RESTREPO GÓMEZ Juan Carlos')).toMatchObject({ family_name: 'RESTREPO GÓMEZ', given_names: 'Juan Carlos' });
    expect(emptyPerson('Restrepo Gómez, Juan Carlos')).toMatchObject({ family_name: 'Restrepo Gómez', given_names: 'Juan Carlos' });
    expect(emptyPerson('Ivanov')).toMatchObject({ family_name: 'Ivanov', given_names: '', documents: [] });
  });

  it('is sent with their identity documents and nationalities', () => {
    const v = emptyCase();
    const person = {
      ...emptyPerson('RESTREPO GÓMEZ Juan Carlos'),
      nationalities: ['CO'],
      documents: [
        { ...emptyDocument(), document_type: 'passport', number: ' PE123456 ', issuing_country: 'CO' },
        { ...emptyDocument(), document_type: 'national_id_card', number: '79.123.456', issuing_country: null },
      ],
    };
    v.persons = [{ key: newKey(), role: 'courier', person_id: null, label: '', person }];
    expect(formToInput(v).persons).toEqual([
      {
        role: 'courier',
        person: {
          family_name: 'RESTREPO GÓMEZ',
          given_names: 'Juan Carlos',
          date_of_birth: null,
          gender: null,
          nationalities: ['CO'],
          documents: [
            { document_type: 'passport', number: 'PE123456', issuing_country: 'CO', expires_on: null },
            { document_type: 'national_id_card', number: '79.123.456', issuing_country: null, expires_on: null },
          ],
        },
      },
    ]);
  });
});

describe('API → form', () => {
  it('orders goods and legs by position and links existing records', () => {
    const c = {
      kind: 'seizure',
      detected_at: '2026-03-01T10:30:00Z',
      place: null,
      detection_methods: ['xray_nii', 'risk_profiling'],
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

describe('a new case', () => {
  const me = {
    country: 'FR',
    currency: 'EUR',
    office: { unit_id: 'u1', unit_name: 'Le Havre port', location_type: 'seaport', unlocode: 'FRLEH', country: 'FR' },
  };

  it('starts now, at the officer\'s office, valued in the national currency', () => {
    const v = newCaseValues(me, new Date('2026-03-01T10:30:00'));
    expect(v.detected_at).toBe('2026-03-01T10:30');
    expect(v).toMatchObject({ place: 'Le Havre port', location_type: 'seaport', unlocode: 'FRLEH', country: 'FR' });
    expect(v.goods).toHaveLength(1);
    expect(v.goods[0]?.currency).toBe('EUR');
  });

  it('falls back to the administration\'s country, never to "XX"', () => {
    expect(newCaseValues({ ...me, office: { ...me.office, country: null } }).country).toBe('FR');
    expect(newCaseValues({ country: 'XX', currency: null, office: null })).toMatchObject({ country: null, place: '', location_type: null, unlocode: '' });
    expect(newCaseValues(null).goods[0]?.currency).toBeNull();
  });

  it('sends the default currency only with a value', () => {
    const v = newCaseValues(me);
    v.goods[0] = { ...v.goods[0]!, commodity_group: 'drugs', quantity: 1, unit: 'kg' };
    expect(formToInput(v).goods?.[0]?.currency).toBeNull();
    v.goods[0] = { ...v.goods[0]!, value: 500 };
    expect(formToInput(v).goods?.[0]?.currency).toBe('EUR');
  });
});

describe('a restored draft', () => {
  it('gets fresh row keys, the fields it lacks, and loses those the form no longer has', () => {
    const v = emptyCase();
    v.place = 'Quay 4';
    v.goods = [{ ...emptyGoods('EUR'), commodity_group: 'drugs' }];
    v.route = [leg('CO', 'origin')];
    const saved = JSON.parse(JSON.stringify({ ...v, risk_profiling: true })) as Record<string, unknown>;
    delete saved.narrative;
    const revived = reviveDraft(saved);
    expect(revived.place).toBe('Quay 4');
    expect(revived.narrative).toBe('');
    expect(revived).not.toHaveProperty('risk_profiling');
    expect(revived.goods[0]).toMatchObject({ commodity_group: 'drugs', currency: 'EUR' });
    expect(revived.goods[0]?.key).not.toBe(v.goods[0]?.key);
    expect(revived.route[0]?.key).not.toBe(v.route[0]?.key);
    expect(revived.persons).toEqual([]);
  });

  it('gives a new person of an older draft (kept without documents) an empty list, and document rows fresh keys', () => {
    const doc = { ...emptyDocument(), document_type: 'passport', number: 'X1' };
    const saved = JSON.parse(
      JSON.stringify({
        ...emptyCase(),
        persons: [
          { key: 'k1', role: 'courier', person_id: null, label: '', person: { family_name: 'Doe', given_names: '', date_of_birth: '', gender: null, nationalities: [] } },
          { key: 'k2', role: 'driver', person_id: null, label: '', person: { ...emptyPerson('Roe'), documents: [doc] } },
          { key: 'k3', role: 'driver', person_id: 'p1', label: 'X', person: null },
        ],
      }),
    ) as Partial<CaseFormValues>;
    const revived = reviveDraft(saved);
    expect(revived.persons[0]?.person).toMatchObject({ family_name: 'Doe', documents: [] });
    expect(revived.persons[1]?.person?.documents).toEqual([{ ...doc, key: expect.not.stringMatching(`^${doc.key}$`) }]);
    expect(revived.persons[2]).toMatchObject({ person_id: 'p1', person: null });
  });
});
