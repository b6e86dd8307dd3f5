import { describe, expect, it } from 'vitest';
import type { CompanyRecord, ConveyanceRecord, PersonRecord } from '@/api/types';
import { placeServerErrors } from '@/lib/forms';
import { mergePatch } from '@/lib/patch';
import { emptyDocument } from '@/lib/persons';
import {
  birthYear,
  checkDate,
  companyDuplicateProbe,
  companyErrorPaths,
  companyFormToInput,
  companyToForm,
  conveyanceFormToInput,
  conveyanceToForm,
  emptyAddress,
  emptyCompanyForm,
  emptyFormerName,
  emptyIdentifier,
  emptyPersonForm,
  isHsChapter,
  legalFormCountry,
  legalFormCountryOf,
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
  const company: CompanyRecord = {
    ...meta,
    name: 'Acme Freight',
    country: 'NL',
    status: 'active',
    eori: 'NL123456789',
    activities: ['importer'],
    aliases: [],
    addresses: [
      { kind: 'registered', street: '1 Quay Street', postcode: '3011', city: 'Rotterdam', country: 'NL' },
      // an address recorded before addresses had a type
      { street: null, city: 'Venlo' },
    ],
    former_names: [{ name: 'Acme Shipping BV', from: '2001-02-03', until: '2015-06-30' }],
    legal_form: 'nl_bv',
    identifiers: [{ kind: 'vat', value: 'NL123456789B01', country: 'NL' }],
    incorporated_on: '2001-02-03',
    status_since: null,
    phones: ['+31 10 555 0100'],
    hs_chapters: ['24', '85'],
    trade_countries: ['CN'],
  };

  it('maps a record to rows and back without changes (an empty patch)', () => {
    const v = companyToForm(company);
    expect(v.addresses.map(({ key: _, ...a }) => a)).toEqual([
      { kind: 'registered', street: '1 Quay Street', postcode: '3011', city: 'Rotterdam', country: 'NL' },
      { kind: null, street: '', postcode: '', city: 'Venlo', country: null },
    ]);
    expect(v.former_names.map(({ key: _, ...n }) => n)).toEqual([{ name: 'Acme Shipping BV', from: '2001-02-03', until: '2015-06-30' }]);
    expect(v.identifiers.map(({ key: _, ...i }) => i)).toEqual([{ kind: 'vat', value: 'NL123456789B01', country: 'NL' }]);
    // every row has its own React key
    expect(new Set([...v.addresses, ...v.former_names, ...v.identifiers].map((r) => r.key)).size).toBe(4);
    expect(mergePatch(companyFormToInput(companyToForm(company)), companyFormToInput(v))).toEqual({});
    expect(validateCompany(v, now)).toEqual({});
  });

  it('sends only the changed fields, lists whole, blanks as null', () => {
    const v = companyToForm(company);
    v.eori = 'nl 1234';
    v.status = 'dissolved';
    v.status_since = '2026-01-31';
    v.incorporated_on = '';
    v.addresses = [...v.addresses, { ...emptyAddress('warehouse'), street: ' 9 Dock Road ', city: 'Venlo ', country: 'NL' }];
    v.identifiers = [...v.identifiers, { ...emptyIdentifier(), kind: 'lei', value: ' 5493001kjtiigc8y1r12 ' }];
    v.hs_chapters = ['24', ' 7', '85'];
    expect(mergePatch(companyFormToInput(companyToForm(company)), companyFormToInput(v))).toEqual({
      eori: 'nl 1234',
      status: 'dissolved',
      status_since: '2026-01-31',
      incorporated_on: null,
      addresses: [
        { kind: 'registered', street: '1 Quay Street', postcode: '3011', city: 'Rotterdam', country: 'NL' },
        { kind: null, street: null, postcode: null, city: 'Venlo', country: null },
        { kind: 'warehouse', street: '9 Dock Road', postcode: null, city: 'Venlo', country: 'NL' },
      ],
      identifiers: [
        { kind: 'vat', value: 'NL123456789B01', country: 'NL' },
        { kind: 'lei', value: '5493001kjtiigc8y1r12', country: null },
      ],
      // a one-digit chapter is sent with its leading zero
      hs_chapters: ['24', '07', '85'],
    });
    expect(validateCompany(v, now)).toEqual({});
  });

  it('sends a new company with its structured fields', () => {
    const v = emptyCompanyForm('Nova Trading');
    v.country = 'FR';
    v.legal_form = 'fr_sas';
    v.former_names = [{ ...emptyFormerName(), name: ' Nova Import ', until: '2020-12-31' }];
    v.addresses = [{ ...emptyAddress('registered'), street: '3 rue du Port', postcode: '76600', city: 'Le Havre', country: 'FR' }];
    v.emails = [' info@nova.example '];
    v.websites = ['https://nova.example'];
    expect(companyFormToInput(v)).toMatchObject({
      name: 'Nova Trading',
      country: 'FR',
      legal_form: 'fr_sas',
      former_names: [{ name: 'Nova Import', from: null, until: '2020-12-31' }],
      addresses: [{ kind: 'registered', street: '3 rue du Port', postcode: '76600', city: 'Le Havre', country: 'FR' }],
      identifiers: [],
      emails: ['info@nova.example'],
      websites: ['https://nova.example'],
      incorporated_on: null,
      status_since: null,
    });
  });

  it('checks what the server checks, at the row and field the server names', () => {
    const v = companyToForm(company);
    v.eori = '12345';
    v.name = '';
    v.incorporated_on = '2026-02-30';
    v.status_since = '2027-01-01';
    v.addresses.push({ ...emptyAddress('warehouse'), country: 'NL' });
    v.former_names.push({ ...emptyFormerName(), name: 'Old', from: '2010-01-01', until: '2009-12-31' }, emptyFormerName());
    v.identifiers.push(
      { ...emptyIdentifier(), kind: 'registration', value: '12345' },
      { ...emptyIdentifier(), kind: 'vat', value: 'nl 1234.56789.b01' },
      emptyIdentifier(),
      { ...emptyIdentifier(), kind: 'eori', value: '123' },
    );
    v.emails = ['not-an-address'];
    v.hs_chapters = ['24', '77'];
    expect(validateCompany(v, now)).toEqual({
      name: 'validation.required',
      eori: 'validation.eori',
      incorporated_on: 'companies:errors.date',
      status_since: 'validation.future',
      'addresses.2.street': 'companies:errors.addressPlace',
      'former_names.1.until': 'companies:errors.untilBeforeFrom',
      'former_names.2.name': 'validation.required',
      'identifiers.1.country': 'companies:errors.countryRequired',
      'identifiers.2.value': 'companies:errors.duplicate',
      'identifiers.3.kind': 'validation.required',
      'identifiers.3.value': 'validation.required',
      'identifiers.4.value': 'validation.eori',
      emails: 'validation.email',
      hs_chapters: 'companies:errors.hsChapter',
    });
  });

  it('refuses a status that begins before the company was incorporated', () => {
    const v = companyToForm(company);
    v.status_since = '2000-12-31';
    expect(validateCompany(v, now)).toEqual({ status_since: 'companies:errors.beforeIncorporation' });
    expect(checkDate('1850-06-01', now)).toBeNull();
    expect(checkDate('2026-06-16', now)).toBe('validation.future');
    expect(checkDate('2026-6-1', now)).toBe('companies:errors.date');
    expect(isHsChapter('01')).toBe(true);
    expect(isHsChapter('98')).toBe(false);
  });

  it('puts server errors at the identifier, address and former name fields, list items at the list', () => {
    const v = companyToForm(company);
    v.identifiers.push({ ...emptyIdentifier(), kind: 'tax', value: '99' });
    const placed = placeServerErrors(
      [
        { field: 'identifiers[0].value', message: 'the check digits are wrong' },
        { field: 'identifiers[1].country', message: 'name the issuing country' },
        { field: 'addresses[1].street', message: 'an address needs a street, postcode or city' },
        { field: 'former_names[0].until', message: 'must not be before `from`' },
        { field: 'legal_form', message: 'is a legal form of FR, not of NL' },
        { field: 'emails[1]', message: 'must be an e-mail address' },
        { field: 'hs_chapters[0]', message: 'an HS chapter' },
        { field: 'addresses[7].city', message: 'no such row' },
      ],
      companyErrorPaths(v),
    );
    expect(placed.fields).toEqual({
      'identifiers.0.value': 'the check digits are wrong',
      'identifiers.1.country': 'name the issuing country',
      'addresses.1.street': 'an address needs a street, postcode or city',
      'former_names.0.until': 'must not be before `from`',
      legal_form: 'is a legal form of FR, not of NL',
      emails: 'must be an e-mail address',
      hs_chapters: 'an HS chapter',
      addresses: 'no such row',
    });
    expect(placed.unplaced).toEqual([]);
  });

  it('says the company register’s error codes in the UI language', () => {
    const t = (k: string) => `t:${k}`;
    expect(registerFieldErrorMessage(t, { code: 'country_required', message: 'name the issuing country' })).toBe('t:companies:errors.countryRequired');
    expect(registerFieldErrorMessage(t, { code: 'country_mismatch', message: 'is a legal form of FR' })).toBe('t:companies:errors.countryMismatch');
    expect(registerFieldErrorMessage(t, { code: 'check_digit', message: 'the check digits are wrong' })).toBe('t:validation.checkDigit');
    expect(registerFieldErrorMessage(t, { code: 'format', message: 'an LEI has 20 letters or digits' })).toBe('an LEI has 20 letters or digits');
  });

  it('offers the legal forms of the country of incorporation, else of the company’s country', () => {
    expect(legalFormCountry({ country: 'NL', incorporation_country: null })).toBe('NL');
    expect(legalFormCountry({ country: 'NL', incorporation_country: 'GB' })).toBe('GB');
    expect(legalFormCountry({ country: null, incorporation_country: null })).toBeNull();
    expect(legalFormCountryOf({ attributes: { country: 'FR', abbreviation: 'SAS' } })).toBe('FR');
    expect(legalFormCountryOf({ attributes: {} })).toBeNull();
    expect(legalFormCountryOf(undefined)).toBeNull();
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
