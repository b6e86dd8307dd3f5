import { describe, expect, it } from 'vitest';
import { emptyCase, emptyGoods, emptyLeg, newKey } from './caseForm';
import { placeServerErrors, serverPathToFormPath } from '@/lib/forms';
import { formErrorPaths } from './fieldErrors';

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
    v.persons = [{ key: newKey(), role: 'courier', person_id: null, label: '', person: { family_name: '', given_names: '', date_of_birth: '', gender: null, nationalities: [] } }];
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

  it('an inline record error falls back to the link when the record is picked from the register', () => {
    const v = emptyCase();
    v.companies = [{ key: newKey(), role: 'importer', company_id: 'c1', label: 'Acme', company: null }];
    const placed = placeServerErrors([{ field: 'companies[0].company.name', message: 'is required' }], formErrorPaths(v));
    expect(placed.fields).toEqual({ 'companies.0': 'is required' });
  });
});
