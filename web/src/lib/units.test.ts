import { describe, expect, it } from 'vitest';
import { myUnitName, unitName } from './units';

describe('unitName', () => {
  const unit = { name: 'Port du Havre', name_translations: { en: 'Le Havre port', ar: 'ميناء لوهافر', fr: null } };

  it('gives the name in the current language where the unit has one', () => {
    expect(unitName(unit, 'en')).toBe('Le Havre port');
    expect(unitName(unit, 'ar')).toBe('ميناء لوهافر');
    expect(unitName(unit, 'en-GB')).toBe('Le Havre port');
  });

  it('falls back to the unit’s own name', () => {
    expect(unitName(unit, 'fr')).toBe('Port du Havre');
    expect(unitName(unit, 'de')).toBe('Port du Havre');
    expect(unitName({ name: 'Roissy' }, 'ar')).toBe('Roissy');
    expect(unitName({ name: 'Roissy', name_translations: null }, 'en')).toBe('Roissy');
    expect(unitName({ name: 'Roissy', name_translations: { ar: '  ' } }, 'ar')).toBe('Roissy');
  });
});

describe('myUnitName', () => {
  it('names the signed-in user’s unit from their office, in the current language', () => {
    const office = { unit_name: 'Port du Havre', unit_name_translations: { ar: 'ميناء لوهافر' } };
    expect(myUnitName({ unit_name: 'Port du Havre', office }, 'ar')).toBe('ميناء لوهافر');
    expect(myUnitName({ unit_name: 'Port du Havre', office }, 'en')).toBe('Port du Havre');
    expect(myUnitName({ unit_name: 'Port du Havre', office: null }, 'ar')).toBe('Port du Havre');
    expect(myUnitName({ unit_name: null }, 'ar')).toBe('');
  });
});
