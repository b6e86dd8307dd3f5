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

describe('comparing two companies’ structured fields', () => {
  it('compares addresses as lines, identifiers by kind and value, former names by name', () => {
    const company = (c: Partial<Company>) => ({ id: 'c', version: 1, name: 'Lagos Freight', cases: [], ...c }) as Company;
    const rows = companyRows(
      company({
        addresses: [{ kind: 'registered', street: '12 Marina Road', city: 'Lagos', country: 'NG' }],
        identifiers: [{ kind: 'vat', value: 'NG12345678', country: 'NG' }],
        former_names: [{ name: 'Lagos Shipping', from: '2001-01-01', until: '2010-12-31' }],
      }),
      company({
        addresses: [
          { kind: 'operational', street: '12  marina road', city: 'LAGOS', country: 'NG' },
          { kind: 'warehouse', city: 'Accra', country: 'GH' },
        ],
        identifiers: [{ kind: 'vat', value: 'ng 1234-5678', country: 'NG' }],
      }),
      { ...labels, identifierKind: (k) => ({ vat: 'VAT number' })[k] ?? k },
    );
    const by = Object.fromEntries(rows.map((r) => [r.field, r]));
    expect(by.addresses?.state).toBe('different');
    expect(by.addresses?.right).toEqual([
      { text: '12  marina road, LAGOS, Nigeria', shared: true },
      { text: 'Accra, Ghana', shared: false },
    ]);
    expect(by.identifiers?.state).toBe('same');
    expect(by.identifiers?.left[0]?.text).toBe('VAT number NG12345678 (Nigeria)');
    expect(by.former_names?.state).toBe('one_side');
    expect(by.former_names?.left[0]?.text).toBe('Lagos Shipping (2001-01-01 – 2010-12-31)');
    expect(by.former_names?.labelKey).toBe('companies:fields.former_names');
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
