import { describe, expect, it } from 'vitest';
import type { Company, Person } from '@/api/types';
import { companyRows, personRows, type CompareLabels } from './compare';
import { formatContribution, formatScore } from './format';

const labels: CompareLabels = {
  country: (c) => ({ NG: 'Nigeria', GH: 'Ghana' })[c] ?? c,
  documentType: (c) => ({ passport: 'Passport' })[c] ?? c,
  gender: (g) => g,
};

const person = (p: Partial<Person>) => ({ id: 'x', version: 1, family_name: '', cases: [], ...p }) as Person;

describe('comparing two persons', () => {
  it('says per field whether the sides are the same, differ, or only one has it', () => {
    const rows = personRows(
      person({
        family_name: 'Okonkwo',
        given_names: 'Chinedu',
        date_of_birth: '1985-03-02',
        nationalities: ['NG'],
        documents: [{ document_type: 'passport', number: 'A08251482', issuing_country: 'NG' }],
        phones: ['+234 803 555 0199'],
      }),
      person({
        family_name: 'OKONKOW',
        given_names: 'chinedu ',
        nationalities: ['NG', 'GH'],
        documents: [{ document_type: 'passport', number: 'A0825-1482', issuing_country: 'NG' }],
        phones: ['0803 555 0199'],
        emails: ['c@example.org'],
      }),
      labels,
    );
    const by = Object.fromEntries(rows.map((r) => [r.field, r]));
    expect(rows.map((r) => r.field)).toEqual(['family_name', 'given_names', 'date_of_birth', 'nationalities', 'documents', 'phones', 'emails']);
    expect(by.family_name?.state).toBe('different');
    // case and spacing do not matter
    expect(by.given_names?.state).toBe('same');
    expect(by.date_of_birth?.state).toBe('one_side');
    // the same passport, written with a hyphen; the same phone, national and international
    expect(by.documents?.state).toBe('same');
    expect(by.documents?.left[0]?.text).toBe('Passport A08251482 (Nigeria)');
    expect(by.phones?.state).toBe('same');
    // a list that differs marks what the other side lacks
    expect(by.nationalities?.state).toBe('different');
    expect(by.nationalities?.right).toEqual([
      { text: 'Nigeria', shared: true },
      { text: 'Ghana', shared: false },
    ]);
    expect(by.emails?.labelKey).toBe('registers.person.emails');
  });

  it('compares companies by their identifiers as the register stores them', () => {
    const company = (c: Partial<Company>) => ({ id: 'c', version: 1, name: '', cases: [], ...c }) as Company;
    const rows = companyRows(
      company({ name: 'Lagos Freight Ltd', registration_number: 'RC-12345', eori: 'NG123' }),
      company({ name: 'Lagos Freight Limited', registration_number: 'rc 12345', country: 'NG' }),
      labels,
    );
    expect(rows.map((r) => [r.field, r.state])).toEqual([
      ['name', 'different'],
      ['registration_number', 'same'],
      ['eori', 'one_side'],
      ['country', 'one_side'],
    ]);
  });
});

describe('numbers of the explanation', () => {
  it('rounds the score down and signs each contribution', () => {
    expect(formatScore(0.879, 'en')).toBe('87%');
    expect(formatScore(1, 'en')).toBe('100%');
    expect(formatContribution(-0.2, 'en')).toBe('\u22120.20');
    expect(formatContribution(0.15, 'en')).toBe('+0.15');
  });
});
