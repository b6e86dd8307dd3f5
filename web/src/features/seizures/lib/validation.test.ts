import { describe, expect, it } from 'vitest';
import { emptyCase, emptyGoods, emptyLeg, emptyPerson, newKey } from './caseForm';
import { emptyDocument } from '@/lib/persons';
import { checkPartialDate } from '@/lib/validation';
import { validateCase } from './validation';

const now = new Date('2026-06-15T12:00:00');

describe('client validation (mirrors the server)', () => {
  it('requires the detection time, not in the future', () => {
    const v = emptyCase();
    expect(validateCase(v, now).detected_at).toBe('validation.required');
    v.detected_at = '2026-06-15T14:00';
    expect(validateCase(v, now).detected_at).toBe('validation.future');
    v.detected_at = '2026-06-15T11:00';
    expect(validateCase(v, now).detected_at).toBeUndefined();
  });

  it('checks goods: group, unit, quantity > 0, HS code 6–10 digits, value needs a currency', () => {
    const v = emptyCase();
    v.detected_at = '2026-06-01T10:00';
    v.goods = [
      { ...emptyGoods(), commodity_group: 'drugs', unit: 'kg', quantity: 0, hs_code: '12345' },
      { ...emptyGoods(), quantity: '5', hs_code: '0901.21', value: 100 },
    ];
    const e = validateCase(v, now);
    expect(e['goods.0.quantity']).toBe('validation.positive');
    expect(e['goods.0.hs_code']).toBe('validation.hsCode');
    expect(e['goods.1.commodity_group']).toBe('validation.required');
    expect(e['goods.1.unit']).toBe('validation.required');
    expect(e['goods.1.hs_code']).toBeUndefined();
    expect(e['goods.1.currency']).toBe('validation.currencyRequired');
  });

  it('a seizure needs goods, an offence none', () => {
    const v = emptyCase();
    v.detected_at = '2026-06-01T10:00';
    v.goods = [];
    expect(validateCase(v, now).goods).toBe('validation.goodsRequired');
    v.kind = 'offence';
    expect(validateCase(v, now).goods).toBeUndefined();
  });

  it('checks route legs and links', () => {
    const v = emptyCase();
    v.detected_at = '2026-06-01T10:00';
    v.goods = [];
    v.kind = 'offence';
    v.route = [{ ...emptyLeg(), country: 'FR', role: 'origin', departure_date: '2026-06-10', arrival_date: '2026-06-09' }, emptyLeg()];
    v.persons = [{ key: newKey(), role: null, person_id: null, label: '', person: null }];
    const e = validateCase(v, now);
    expect(e['route.0.arrival_date']).toBe('validation.arrivalOrder');
    expect(e['route.1.country']).toBe('validation.required');
    expect(e['persons.0.role']).toBe('validation.required');
    expect(e['persons.0.person_id']).toBe('validation.pickOrCreate');
  });

  it('checks a new person’s name and identity documents at their fields', () => {
    const v = emptyCase();
    v.detected_at = '2026-06-01T10:00';
    v.kind = 'offence';
    const docs = [{ ...emptyDocument(), document_type: 'passport', number: 'PE123456' }, { ...emptyDocument(), number: '--' }];
    v.persons = [
      { key: newKey(), role: 'courier', person_id: null, label: '', person: { ...emptyPerson('0'), documents: docs } },
      { key: newKey(), role: 'courier', person_id: null, label: '', person: emptyPerson('RESTREPO Juan') },
    ];
    expect(validateCase(v, now)).toEqual({
      'persons.0.person.family_name': 'registers.errors.noLetters',
      'persons.0.person.documents.1.document_type': 'validation.required',
      'persons.0.person.documents.1.number': 'validation.lettersOrDigits',
    });
  });

  it('accepts partial dates of birth', () => {
    expect(checkPartialDate('1980', now)).toBeNull();
    expect(checkPartialDate('1980-05', now)).toBeNull();
    expect(checkPartialDate('1980-02-30', now)).toBe('validation.partialDate');
    expect(checkPartialDate('1880', now)).toBe('validation.from1900');
    expect(checkPartialDate('2027', now)).toBe('validation.future');
    expect(checkPartialDate('80-05-01', now)).toBe('validation.partialDate');
  });
});
