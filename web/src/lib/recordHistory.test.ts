import { describe, expect, it } from 'vitest';
import { companiesEn } from '@/i18n/companies/en';
import { companiesFr } from '@/i18n/companies/fr';
import { en } from '@/i18n/en';
import { fr } from '@/i18n/fr';
import {
  RECORD_FIELD_LABELS,
  RECORD_KINDS,
  changesOf,
  formatRecordChange,
  isRecordKind,
  recordChangeRows,
  recordCodeLists,
  recordFieldLabel,
  recordPath,
  type ChangeFormat,
} from './recordHistory';

/** A key of the main dictionary (`registers.notes`) or of a namespace (`companies:fields.legal_form`). */
const lookupIn =
  (dict: object, namespaces: Record<string, object> = {}) =>
  (key: string): unknown => {
    const [ns, path] = key.includes(':') ? (key.split(':', 2) as [string, string]) : [null, key];
    return path.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown> | undefined)?.[p], ns ? namespaces[ns] : dict);
  };
const lookup = lookupIn(en, { companies: companiesEn });
const lookupFr = lookupIn(fr, { companies: companiesFr });

const labels: Record<string, Record<string, string>> = {
  countries: { RU: 'Russia', FR: 'France', NL: 'Netherlands' },
  legal_forms: { nl_bv: 'BV — Private limited company' },
  document_types: { passport: 'Passport', national_id_card: 'National identity card' },
  company_roles: { importer: 'Importer', freight_forwarder: 'Freight forwarder' },
  conveyance_types: { container: 'Container', vessel: 'Vessel' },
};
const f: ChangeFormat = {
  t: (key, options) => {
    const v = lookup(key);
    return typeof v === 'string' ? v : String(options?.defaultValue ?? key);
  },
  lang: 'en',
  label: (list, code) => labels[list]?.[code] ?? code,
};

describe('record history labels', () => {
  it('labels every known field with an existing translation, in English and French', () => {
    for (const kind of RECORD_KINDS) {
      for (const [field, key] of Object.entries(RECORD_FIELD_LABELS[kind])) {
        expect(typeof lookup(key), `${kind}.${field}`).toBe('string');
        expect(typeof lookupFr(key), `${kind}.${field}`).toBe('string');
      }
    }
  });

  it('uses the labels of the record forms, per kind', () => {
    expect(f.t(recordFieldLabel('person', 'family_name') as string)).toBe('Family name');
    expect(f.t(recordFieldLabel('person', 'documents') as string)).toBe('Identity documents');
    expect(f.t(recordFieldLabel('company', 'country') as string)).toBe('Country');
    expect(f.t(recordFieldLabel('conveyance', 'country') as string)).toBe('Flag or registration country');
    expect(f.t(recordFieldLabel('conveyance', 'model') as string)).toBe('Model');
    expect(f.t(recordFieldLabel('company', 'notes') as string)).toBe('Notes');
  });

  it('leaves a field it does not know unlabelled (shown by its name)', () => {
    expect(recordFieldLabel('person', 'shoe_size')).toBeUndefined();
    expect(recordFieldLabel('person', 'constructor')).toBeUndefined();
    expect(recordFieldLabel('company', 'family_name')).toBeUndefined();
  });

  it('loads only the code lists the changed fields need', () => {
    expect([...recordCodeLists('person', ['family_name', 'documents'])].sort()).toEqual(['countries', 'document_types']);
    expect([...recordCodeLists('person', ['nationalities', 'gender'])]).toEqual(['countries']);
    expect([...recordCodeLists('company', ['activities', 'country', 'status'])].sort()).toEqual(['company_roles', 'countries']);
    expect([...recordCodeLists('company', ['legal_form', 'addresses'])].sort()).toEqual(['countries', 'legal_forms']);
    expect([...recordCodeLists('company', ['identifiers'])]).toEqual(['countries']);
    expect([...recordCodeLists('conveyance', ['conveyance_type', 'identifier_kind'])]).toEqual(['conveyance_types']);
    expect(recordCodeLists('conveyance', ['identifier', 'notes']).size).toBe(0);
  });

  it('knows the record kinds and their pages', () => {
    expect(isRecordKind('company')).toBe(true);
    expect(isRecordKind('companies')).toBe(false);
    expect(isRecordKind(null)).toBe(false);
    expect(recordPath('person', 'p1')).toBe('/registers/persons/p1');
    expect(recordPath('company', 'c1')).toBe('/registers/companies/c1');
    expect(recordPath('conveyance', 'v1')).toBe('/registers/conveyances/v1');
  });
});

describe('record history values', () => {
  it('shows nothing as a dash', () => {
    for (const v of [null, undefined, '', '  ', []]) expect(formatRecordChange('person', 'given_names', v, f)).toEqual(['—']);
    expect(formatRecordChange('person', 'documents', [], f)).toEqual(['—']);
  });

  it('shows plain text as it is and a list one item a line', () => {
    expect(formatRecordChange('person', 'family_name', 'Petrov', f)).toEqual(['Petrov']);
    expect(formatRecordChange('person', 'date_of_birth', '1980-05', f)).toEqual(['1980-05']);
    expect(formatRecordChange('person', 'aliases', ['Vanya', 'Ivan P.'], f)).toEqual(['Vanya', 'Ivan P.']);
    expect(formatRecordChange('company', 'addresses', ['1 Quay Street, Le Havre', '2 Dock Road'], f)).toEqual([
      '1 Quay Street, Le Havre',
      '2 Dock Road',
    ]);
  });

  it('shows codes by their code-list label and enums in words (unknown codes as they are)', () => {
    expect(formatRecordChange('person', 'nationalities', ['RU', 'FR', 'XX'], f)).toEqual(['Russia', 'France', 'XX']);
    expect(formatRecordChange('person', 'gender', 'female', f)).toEqual(['Female']);
    expect(formatRecordChange('company', 'country', 'NL', f)).toEqual(['Netherlands']);
    expect(formatRecordChange('company', 'activities', ['importer', 'freight_forwarder'], f)).toEqual(['Importer', 'Freight forwarder']);
    expect(formatRecordChange('company', 'status', 'dissolved', f)).toEqual(['Dissolved']);
    expect(formatRecordChange('conveyance', 'conveyance_type', 'vessel', f)).toEqual(['Vessel']);
    expect(formatRecordChange('conveyance', 'identifier_kind', 'imo', f)).toEqual(['IMO number']);
    expect(formatRecordChange('conveyance', 'identifier_kind', 'new_kind', f)).toEqual(['new_kind']);
    // a person's `country`-like text is not a code
    expect(formatRecordChange('person', 'place_of_birth', 'FR', f)).toEqual(['FR']);
  });

  it('shows identity documents a line each: type number (country), with the expiry', () => {
    expect(
      formatRecordChange(
        'person',
        'documents',
        [
          { document_type: 'passport', number: '751234567', issuing_country: 'RU', expires_on: '2030-01-31' },
          { document_type: 'national_id_card', number: 'AB 123', issuing_country: null, expires_on: null },
        ],
        f,
      ),
    ).toEqual(['Passport 751234567 (Russia) · Expires 2030-01-31', 'National identity card AB 123']);
  });

  it('shows a company’s addresses, identifiers and former names a line each', () => {
    expect(
      formatRecordChange(
        'company',
        'addresses',
        [
          { kind: 'registered', street: '1 Quay Street', postcode: '3011', city: 'Rotterdam', country: 'NL' },
          { kind: null, city: 'Venlo' },
        ],
        f,
      ),
    ).toEqual(['Registered office: 1 Quay Street, 3011 Rotterdam, Netherlands', 'Venlo']);
    expect(
      formatRecordChange(
        'company',
        'identifiers',
        [
          { kind: 'vat', value: 'NL123456789B01', country: 'NL' },
          { kind: 'lei', value: '5493001KJTIIGC8Y1R12', country: null },
        ],
        f,
      ),
    ).toEqual(['VAT number NL123456789B01 (Netherlands)', 'LEI 5493001KJTIIGC8Y1R12']);
    expect(formatRecordChange('company', 'former_names', [{ name: 'Acme Shipping BV', from: '2001-02-03', until: null }], f)).toEqual([
      'Acme Shipping BV (2001-02-03 –)',
    ]);
    expect(formatRecordChange('company', 'legal_form', 'nl_bv', f)).toEqual(['BV — Private limited company']);
    expect(formatRecordChange('company', 'trade_countries', ['NL', 'RU'], f)).toEqual(['Netherlands', 'Russia']);
    expect(formatRecordChange('company', 'status', 'dormant', f)).toEqual(['Dormant']);
    expect(f.t(recordFieldLabel('company', 'hs_chapters') as string)).toBe('HS chapters traded');
  });

  it('shows other values readably', () => {
    expect(formatRecordChange('person', 'something', true, f)).toEqual(['Yes']);
    expect(formatRecordChange('person', 'something', 1234.5, f)).toEqual(['1,234.5']);
    expect(formatRecordChange('person', 'something', { a: 1 }, f)).toEqual(['{"a":1}']);
  });
});

describe('record history rows', () => {
  it('labels and formats every changed field of an entry', () => {
    const rows = recordChangeRows(
      'person',
      {
        given_names: { old: 'Ivan', new: 'Ivan Sergeyevich' },
        nationalities: { old: null, new: ['RU'] },
        shoe_size: { old: 42, new: 43 },
      },
      f,
    );
    expect(rows).toEqual([
      { field: 'given_names', labelKey: 'registers.person.given_names', old: ['Ivan'], new: ['Ivan Sergeyevich'] },
      { field: 'nationalities', labelKey: 'registers.person.nationalities', old: ['—'], new: ['Russia'] },
      { field: 'shoe_size', labelKey: undefined, old: ['42'], new: ['43'] },
    ]);
  });

  it('copes with changes that are not a field map', () => {
    expect(changesOf(null)).toEqual({});
    expect(changesOf([1, 2])).toEqual({});
    expect(recordChangeRows('company', 'oops', f)).toEqual([]);
  });
});
