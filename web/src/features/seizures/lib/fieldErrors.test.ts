import { describe, expect, it } from 'vitest';
import { emptyCase, emptyGoods, emptyLeg, emptyPerson, newKey } from './caseForm';
import { emptyDocument } from '@/lib/persons';
import { placeServerErrors, serverPathToFormPath } from '@/lib/forms';
import { caseFieldLabel, formErrorPaths, orderedErrors } from './fieldErrors';
import i18n from '@/i18n';

describe('server field paths', () => {
  it('turns JSON paths into form paths', () => {
    expect(serverPathToFormPath('goods[1].quantity')).toBe('goods.1.quantity');
    expect(serverPathToFormPath('route[0].country')).toBe('route.0.country');
    expect(serverPathToFormPath('persons[2].person.documents[0].number')).toBe('persons.2.person.documents.0.number');
    expect(serverPathToFormPath('detected_at')).toBe('detected_at');
  });

  it('places errors at their field, at the nearest enclosing part, or lists them', () => {
    const v = emptyCase();
    v.goods = [emptyGoods(), emptyGoods()];
    v.route = [emptyLeg(), emptyLeg()];
    v.persons = [{ key: newKey(), role: 'courier', person_id: null, label: '', person: emptyPerson() }];
    v.conveyances = [{ key: newKey(), role: 'container', conveyance_id: 'x', label: 'X', conveyance: null }];
    const placed = placeServerErrors(
      [
        { field: 'goods[1].quantity', message: 'must be greater than 0' },
        { field: 'goods[1].quantity', message: 'second message ignored' },
        { field: 'route[0].country', message: 'is not in the countries code list' },
        { field: 'route[1].position', message: 'positions must run from 1 to 2' },
        { field: 'persons[0].person.family_name', message: 'is required' },
        { field: 'persons[0].person.emails[0]', message: 'must be an e-mail address' },
        { field: 'conveyances[0].conveyance_id', message: 'no such record' },
        { field: 'goods', message: 'a seizure needs at least one goods item' },
        { field: 'mystery', message: 'unknown field' },
      ],
      formErrorPaths(v),
    );
    expect(placed.fields).toEqual({
      'goods.1.quantity': 'must be greater than 0',
      'route.0.country': 'is not in the countries code list',
      'route.1': 'positions must run from 1 to 2',
      'persons.0.person.family_name': 'is required',
      'persons.0': 'must be an e-mail address',
      'conveyances.0.conveyance_id': 'no such record',
      goods: 'a seizure needs at least one goods item',
    });
    expect(placed.unplaced).toEqual([{ field: 'mystery', message: 'unknown field' }]);
  });

  it('places errors of a new person’s documents at the row’s field, or at the row', () => {
    const v = emptyCase();
    v.persons = [{ key: newKey(), role: 'courier', person_id: null, label: '', person: { ...emptyPerson('Doe'), documents: [emptyDocument(), emptyDocument()] } }];
    const placed = placeServerErrors(
      [
        { field: 'persons[0].person.documents[1].number', message: 'must be at most 64 characters long' },
        { field: 'persons[0].person.documents[0].expires_on', message: 'not a date' },
        { field: 'persons[0].person.documents[0].other', message: 'odd' },
        { field: 'persons[0].person.documents', message: 'too many' },
        { field: 'persons[0].person.documents[2].number', message: 'no such row' },
      ],
      formErrorPaths(v),
    );
    expect(placed.fields).toEqual({
      'persons.0.person.documents.1.number': 'must be at most 64 characters long',
      'persons.0.person.documents.0.expires_on': 'not a date',
      'persons.0.person.documents.0': 'odd',
      'persons.0.person.documents': 'too many',
    });
  });

  it('an inline record error falls back to the link when the record is picked from the register', () => {
    const v = emptyCase();
    v.companies = [{ key: newKey(), role: 'importer', company_id: 'c1', label: 'Acme', company: null }];
    const placed = placeServerErrors([{ field: 'companies[0].company.name', message: 'is required' }], formErrorPaths(v));
    expect(placed.fields).toEqual({ 'companies.0': 'is required' });
  });
});

describe('the error summary', () => {
  const t = i18n.getFixedT('en');

  it('names each field as the officer sees it', () => {
    expect(caseFieldLabel('detected_at', t)).toBe('Detected at');
    expect(caseFieldLabel('goods', t)).toBe('Goods');
    expect(caseFieldLabel('goods.1.quantity', t)).toBe('Goods item 2 · Quantity');
    expect(caseFieldLabel('goods.0.unit', t)).toBe('Goods item 1 · Unit of measure');
    expect(caseFieldLabel('goods.0', t)).toBe('Goods item 1');
    expect(caseFieldLabel('route.2.role', t)).toBe('Leg 3 · Role in the route');
    expect(caseFieldLabel('persons.0.person.family_name', t)).toBe('Person 1 · Family name');
    expect(caseFieldLabel('persons.0.person.documents.1.number', t)).toBe('Person 1 · Document 2 · Number');
    expect(caseFieldLabel('persons.0.person.documents.0.document_type', t)).toBe('Person 1 · Document 1 · Document type');
    expect(caseFieldLabel('persons.1.person.documents.0', t)).toBe('Person 2 · Document 1');
    expect(caseFieldLabel('persons.1.person.documents', t)).toBe('Person 2 · Identity documents');
    expect(caseFieldLabel('companies.1.company_id', t)).toBe('Company 2 · Find or create a company');
    expect(caseFieldLabel('conveyances.0.role', t)).toBe('Conveyance 1 · Role');
    expect(caseFieldLabel('mystery', t)).toBe('mystery');
  });

  it('lists errors in the order of the page', () => {
    const v = emptyCase();
    v.goods = [emptyGoods(), emptyGoods()];
    v.route = [emptyLeg()];
    const errors = {
      narrative: 'Too long',
      'route.0.country': 'Required',
      'goods.1.quantity': 'Required',
      'goods.0.unit': 'Required',
      detected_at: 'Required',
      mystery: 'odd',
      place: null,
    };
    expect(orderedErrors(errors, v).map((e) => e.path)).toEqual(['detected_at', 'goods.0.unit', 'goods.1.quantity', 'route.0.country', 'narrative', 'mystery']);
  });

  it('lists a new person’s document errors after their other fields, before the next person', () => {
    const v = emptyCase();
    v.persons = [
      { key: newKey(), role: null, person_id: null, label: '', person: { ...emptyPerson('Doe'), documents: [emptyDocument()] } },
      { key: newKey(), role: null, person_id: null, label: '', person: null },
    ];
    const errors = {
      'persons.1.role': 'Required',
      'persons.0.person.documents.0.number': 'Required',
      'persons.0.person.nationalities': 'Unknown',
      'persons.0.role': 'Required',
    };
    expect(orderedErrors(errors, v).map((e) => e.path)).toEqual([
      'persons.0.role',
      'persons.0.person.nationalities',
      'persons.0.person.documents.0.number',
      'persons.1.role',
    ]);
  });
});
