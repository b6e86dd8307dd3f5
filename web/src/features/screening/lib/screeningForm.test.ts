import { describe, expect, it } from 'vitest';
import {
  emptyDocumentQuery,
  emptyScreeningForm,
  formatContribution,
  formatScore,
  formatThreshold,
  screeningErrorPaths,
  screeningFieldErrorMessage,
  screeningRequest,
  validateScreening,
} from './screeningForm';

const t = (key: string) => `t:${key}`;

describe('the screening request', () => {
  it('sends only the name fields of the chosen entry, trimmed, lists without blanks', () => {
    const v = emptyScreeningForm();
    v.person.name = '  Abdelkader Bensaleh ';
    v.person.family_name = 'ignored';
    v.person.phones = [' +213 555 01 02 ', '', '+213 555 01 02'];
    expect(screeningRequest('person', v)).toEqual({
      person: {
        name: 'Abdelkader Bensaleh',
        family_name: null,
        given_names: null,
        date_of_birth: null,
        gender: null,
        nationalities: [],
        documents: [],
        phones: ['+213 555 01 02'],
        emails: [],
      },
    });
    v.person.nameEntry = 'parts';
    v.person.given_names = 'Abdelkader';
    const parts = screeningRequest('person', v);
    expect('person' in parts && parts.person).toMatchObject({ name: null, family_name: 'ignored', given_names: 'Abdelkader' });
  });

  it('sends the company alone', () => {
    const v = emptyScreeningForm();
    v.company.name = 'Acme';
    v.company.country = 'FR';
    expect(screeningRequest('company', v)).toEqual({
      company: { name: 'Acme', country: 'FR', registration_number: null, tax_id: null, eori: null },
    });
  });
});

describe('the client checks', () => {
  it('checks the date of birth and blank document rows of a person only', () => {
    const v = emptyScreeningForm();
    v.person.date_of_birth = '1979-13';
    v.person.documents = [emptyDocumentQuery()];
    const now = new Date('2026-03-01T00:00:00Z');
    expect(validateScreening('person', v, now)).toEqual({
      'person.date_of_birth': 'validation.partialDate',
      'person.documents.0.number': 'validation.required',
    });
    expect(validateScreening('company', v, now)).toEqual({});
    v.person.date_of_birth = '1979';
    v.person.documents[0]!.number = 'AB1';
    expect(validateScreening('person', v, now)).toEqual({});
  });

  it('knows where the server’s errors go', () => {
    const v = emptyScreeningForm();
    v.person.documents = [emptyDocumentQuery()];
    const paths = screeningErrorPaths(v);
    for (const p of ['person', 'person.name', 'person.documents.0.number', 'company', 'company.eori']) expect(paths.has(p)).toBe(true);
  });

  it('names nothing_to_match for a person or a company', () => {
    expect(screeningFieldErrorMessage(t, { field: 'person', code: 'nothing_to_match', message: 'x' })).toBe('t:screening.errors.nothingToMatch.person');
    expect(screeningFieldErrorMessage(t, { field: 'company', code: 'nothing_to_match', message: 'x' })).toBe('t:screening.errors.nothingToMatch.company');
    expect(screeningFieldErrorMessage(t, { field: 'person.date_of_birth', code: 'format', message: 'x' })).toBe('t:validation.partialDate');
    expect(screeningFieldErrorMessage(t, { field: 'person.name', code: 'length', message: 'too long' })).toBe('too long');
  });
});

describe('numbers', () => {
  it('rounds a score down, so it never reads as a threshold it does not reach', () => {
    expect(formatScore(0.79999, 'en')).toBe('79.9%');
    expect(formatScore(0.8, 'en')).toBe('80%');
    expect(formatScore(1, 'en')).toBe('100%');
    expect(formatThreshold(0.65, 'en')).toBe('65%');
  });

  it('signs every contribution, with a true minus', () => {
    expect(formatContribution(0.15, 'en')).toBe('+0.15');
    expect(formatContribution(-0.35, 'en')).toBe('\u22120.35');
    expect(formatContribution(0, 'en')).toBe('0.00');
    expect(formatContribution(-0.001, 'en')).toBe('0.00');
    expect(formatContribution(0.15, 'fr')).toBe('+0,15');
  });
});
