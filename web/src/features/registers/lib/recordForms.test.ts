import { describe, expect, it } from 'vitest';
import type { CompanyRecord, ConveyanceRecord, PersonRecord } from '@/api/types';
import { placeServerErrors } from '@/lib/forms';
import { mergePatch } from '@/lib/patch';
import { emptyDocument } from '@/lib/persons';
import {
  birthYear,
  companyDuplicateProbe,
  companyFormToInput,
  companyToForm,
  conveyanceFormToInput,
  conveyanceToForm,
  emptyCompanyForm,
  emptyPersonForm,
  personDuplicateProbe,
  personErrorPaths,
  personFormToInput,
  personName,
  personToForm,
  registerFieldErrorMessage,
  validateCompany,
  validateConveyance,
  validatePerson,
} from './recordForms';

const meta = { id: 'p1', version: 3, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-02T00:00:00Z' };
const person: PersonRecord = {
  ...meta,
  family_name: 'Petrov',
  given_names: 'Ivan',
  aliases: ['Vanya'],
  date_of_birth: '1980-05',
  nationalities: ['RU'],
  documents: [{ document_type: 'passport', number: '751234567', issuing_country: 'RU', expires_on: '2030-01-31' }],
  addresses: ['1 Quay Street, Le Havre', '2 Dock Road'],
  phones: [],
  emails: ['ivan@example.org'],
  notes: null,
};
const now = new Date('2026-06-15T12:00:00');

describe('person form', () => {
  it('round-trips a record without changes (an empty patch)', () => {
    const v = personToForm(person);
    expect(v.addresses).toBe('1 Quay Street, Le Havre\n2 Dock Road');
    expect(mergePatch(personFormToInput(personToForm(person)), personFormToInput(v))).toEqual({});
  });

  it('sends only the changed fields: a new name, an added document, a cleared alias list', () => {
    const initial = personToForm(person);
    const v = personToForm(person);
    v.given_names = '  Ivan Sergeyevich ';
    v.aliases = [];
    v.documents = [...v.documents, { ...emptyDocument(), document_type: 'national_id_card', number: ' AB 123 ', issuing_country: null }];
    expect(mergePatch(personFormToInput(initial), personFormToInput(v))).toEqual({
      given_names: 'Ivan Sergeyevich',
      aliases: [],
      documents: [
        { document_type: 'passport', number: '751234567', issuing_country: 'RU', expires_on: '2030-01-31' },
        { document_type: 'national_id_card', number: 'AB 123', issuing_country: null, expires_on: null },
      ],
    });
  });

  it('clears a blanked text with null and trims list items', () => {
    const initial = personToForm(person);
    const v = personToForm(person);
    v.date_of_birth = ' ';
    v.addresses = '1 Quay Street, Le Havre\n\n 3 New Road \n';
    expect(mergePatch(personFormToInput(initial), personFormToInput(v))).toEqual({
      date_of_birth: null,
      addresses: ['1 Quay Street, Le Havre', '3 New Road'],
    });
  });

  it('checks what the server checks', () => {
    const v = personToForm(person);
    v.family_name = ' ';
    v.date_of_birth = '2027';
    v.emails = ['not-an-address'];
    v.documents.push(emptyDocument(), { ...emptyDocument(), document_type: 'passport', number: '--' });
    expect(validatePerson(v, now)).toEqual({
      family_name: 'validation.required',
      date_of_birth: 'validation.future',
      emails: 'validation.email',
      'documents.1.document_type': 'validation.required',
      'documents.1.number': 'validation.required',
      'documents.2.number': 'validation.lettersOrDigits',
    });
    expect(validatePerson(personToForm(person), now)).toEqual({});
  });

  it('puts server errors of documents at the row field, list items at the list', () => {
    const v = personToForm(person);
    const placed = placeServerErrors(
      [
        { field: 'documents[0].number', message: 'must contain letters or digits' },
        { field: 'emails[0]', message: 'must be an e-mail address' },
        { field: 'documents[0].foo', message: 'odd' },
        { field: 'unknown', message: '?' },
      ],
      personErrorPaths(v),
    );
    expect(placed.fields).toEqual({ 'documents.0.number': 'must contain letters or digits', emails: 'must be an e-mail address', 'documents.0': 'odd' });
    expect(placed.unplaced).toEqual([{ field: 'unknown', message: '?' }]);
  });

  it('names a person as the register does', () => {
    expect(personName(person)).toBe('PETROV Ivan');
    expect(personName({ family_name: 'Doe', given_names: null })).toBe('DOE');
  });
});

describe('company form', () => {
  const company: CompanyRecord = { ...meta, name: 'Acme Freight', country: 'NL', status: 'active', eori: 'NL123456789', activities: ['importer'], aliases: [], addresses: [] };
  it('sends only the changed fields and checks the EORI', () => {
    const v = companyToForm(company);
    v.eori = 'nl 1234';
    v.status = 'dissolved';
    expect(mergePatch(companyFormToInput(companyToForm(company)), companyFormToInput(v))).toEqual({ eori: 'nl 1234', status: 'dissolved' });
    expect(validateCompany(v)).toEqual({});
    v.eori = '12345';
    v.name = '';
    expect(validateCompany(v)).toEqual({ name: 'validation.required', eori: 'validation.eori' });
  });
});

describe('conveyance form', () => {
  const conveyance: ConveyanceRecord = {
    ...meta,
    conveyance_type: 'container',
    identifier_kind: 'container',
    identifier: 'MSCU 123456 5',
    identifier_norm: 'MSCU1234565',
    name: null,
  };
  it('sends only the changed identifier, requires type, kind and identifier', () => {
    const v = conveyanceToForm(conveyance);
    v.identifier = 'MSCU1234560';
    v.make = 'Maersk';
    expect(mergePatch(conveyanceFormToInput(conveyanceToForm(conveyance)), conveyanceFormToInput(v))).toEqual({ identifier: 'MSCU1234560', make: 'Maersk' });
    v.identifier = ' ';
    v.conveyance_type = null;
    expect(validateConveyance(v)).toEqual({ conveyance_type: 'validation.required', identifier: 'validation.required' });
  });
});

describe('a new person', () => {
  it('refuses a name without a letter, as the server does (`no_letters`)', () => {
    expect(validatePerson(emptyPersonForm({ family_name: '0' }), now)).toEqual({ family_name: 'registers.errors.noLetters' });
    expect(validatePerson(emptyPersonForm({ family_name: ' ' }), now)).toEqual({ family_name: 'validation.required' });
    expect(validateCompany({ ...emptyCompanyForm('123') })).toEqual({ name: 'registers.errors.noLetters' });
    const t = (k: string) => `t:${k}`;
    expect(registerFieldErrorMessage(t, { code: 'no_letters', message: 'must contain at least one letter' })).toBe('t:registers.errors.noLetters');
    expect(registerFieldErrorMessage(t, { code: 'required', message: 'is required' })).toBe('t:validation.required');
    expect(registerFieldErrorMessage(t, { code: 'length', message: 'too long' })).toBe('too long');
  });

  it('asks about duplicates only with a document number, or a family name and a full date of birth', () => {
    const v = emptyPersonForm({ family_name: 'Petrov', given_names: 'Ivan' });
    expect(personDuplicateProbe(v)).toBeNull();
    v.date_of_birth = '1980-05';
    expect(personDuplicateProbe(v)).toBeNull();
    v.date_of_birth = '1980-05-17';
    expect(personDuplicateProbe(v)).toEqual({ family_name: 'Petrov', given_names: 'Ivan', date_of_birth: '1980-05-17', documents: [] });
    v.date_of_birth = '1980-02-31';
    expect(personDuplicateProbe(v)).toBeNull();
    v.documents = [
      { ...emptyDocument(), number: ' 75 1234567 ' },
      { ...emptyDocument(), number: '-' },
      { ...emptyDocument(), number: '75 1234567' },
    ];
    expect(personDuplicateProbe(v)).toEqual({ family_name: '', given_names: null, date_of_birth: null, documents: [{ document_type: '', number: '75 1234567' }] });
  });
});

describe('a new company', () => {
  it('asks about duplicates once a name or an identifier is filled', () => {
    const v = emptyCompanyForm();
    expect(companyDuplicateProbe(v)).toBeNull();
    v.name = '0';
    expect(companyDuplicateProbe(v)).toBeNull();
    v.eori = ' FR123 ';
    expect(companyDuplicateProbe(v)).toEqual({ name: '', registration_number: null, tax_id: null, eori: 'FR123' });
    v.name = 'Acme';
    expect(companyDuplicateProbe(v)).toMatchObject({ name: 'Acme', eori: 'FR123' });
  });
});

describe('the persons search', () => {
  it('takes a year of birth of four digits, from 1900 to this year', () => {
    expect(birthYear('1985', now)).toBe(1985);
    expect(birthYear(' 2026 ', now)).toBe(2026);
    expect(birthYear('2027', now)).toBeNull();
    expect(birthYear('1899', now)).toBeNull();
    expect(birthYear('198', now)).toBeNull();
    expect(birthYear('', now)).toBeNull();
  });
});
