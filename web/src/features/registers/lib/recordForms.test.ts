import { describe, expect, it } from 'vitest';
import type { CompanyRecord, ConveyanceRecord, PersonRecord } from '@/api/types';
import { placeServerErrors } from '@/lib/forms';
import { mergePatch } from '@/lib/patch';
import {
  companyFormToInput,
  companyToForm,
  conveyanceFormToInput,
  conveyanceToForm,
  emptyDocument,
  personErrorPaths,
  personFormToInput,
  personName,
  personToForm,
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
