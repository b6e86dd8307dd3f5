import { describe, expect, it } from 'vitest';
import { en } from '@/i18n/en';
import {
  HISTORY_FIELD_LABELS,
  describeEntryRecord,
  entryRecord,
  formatHistoryChange,
  historyCodeLists,
  historyEntriesCodeLists,
  historyRows,
  type HistoryFormat,
} from './history';

const lookup = (key: string): unknown => key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown> | undefined)?.[p], en);

const labels: Record<string, Record<string, string>> = {
  countries: { CO: 'Colombia', NL: 'Netherlands', FR: 'France', RU: 'Russia' },
  route_leg_roles: { origin: 'Origin', transit: 'Transit', destination: 'Destination' },
  concealment_methods: { container_structure: 'In the container structure' },
  detection_methods: { xray: 'X-ray', dog: 'Detector dog' },
  commodity_groups: { drugs: 'Drugs' },
  commodity_types: { cocaine: 'Cocaine' },
  person_roles: { courier: 'Courier' },
  company_roles: { importer: 'Importer' },
  document_types: { passport: 'Passport' },
};
const f: HistoryFormat = {
  t: (key, options) => {
    const v = lookup(key);
    return typeof v === 'string' ? v : String(options?.defaultValue ?? key);
  },
  lang: 'en',
  label: (list, code) => labels[list]?.[code] ?? code,
  record: (kind, id) => (kind === 'persons' && id === 'p1' ? 'PETROV Ivan' : undefined),
};

describe('case history labels', () => {
  it('has an existing translation for every labelled field', () => {
    for (const [field, key] of Object.entries(HISTORY_FIELD_LABELS)) expect(typeof lookup(key), field).toBe('string');
    expect(f.t(HISTORY_FIELD_LABELS.concealment_method as string)).toBe('Concealment method');
    expect(f.t(HISTORY_FIELD_LABELS.goods as string)).toBe('Goods');
  });

  it('loads only the code lists the changed fields need', () => {
    expect([...historyCodeLists(['place', 'concealment_method', 'route', 'country'])].sort()).toEqual(['concealment_methods', 'countries', 'route_leg_roles']);
    expect(historyCodeLists(['narrative', 'status']).size).toBe(0);
  });
});

describe('case history values', () => {
  it('shows code-list values by their label, enums and booleans in words', () => {
    expect(formatHistoryChange('concealment_method', 'container_structure', f)).toEqual(['In the container structure']);
    expect(formatHistoryChange('country', 'FR', f)).toEqual(['France']);
    expect(formatHistoryChange('detection_methods', ['xray', 'dog'], f)).toEqual(['X-ray, Detector dog']);
    expect(formatHistoryChange('status', 'validated', f)).toEqual(['Validated']);
    expect(formatHistoryChange('kind', 'seizure', f)).toEqual(['Seizure']);
    expect(formatHistoryChange('offender_age_band', '25_34', f)).toEqual(['25–34']);
    expect(formatHistoryChange('watch_list_hit', true, f)).toEqual(['Yes']);
    expect(formatHistoryChange('risk_profiling', false, f)).toEqual(['No']);
  });

  it('shows nothing as a dash and keeps plain text and unknown codes as they are', () => {
    expect(formatHistoryChange('place', null, f)).toEqual(['—']);
    expect(formatHistoryChange('goods', [], f)).toEqual(['—']);
    expect(formatHistoryChange('place', 'Quay 4', f)).toEqual(['Quay 4']);
    expect(formatHistoryChange('concealment_method', 'retired_code', f)).toEqual(['retired_code']);
    expect(formatHistoryChange('latitude', 49.48, f)).toEqual(['49.48']);
  });

  it('summarises goods a line each, the route as a path in order, links by name and role', () => {
    expect(
      formatHistoryChange('goods', [{ commodity_group: 'drugs', commodity_type: 'cocaine', quantity: 12.5, unit: 'kg', description: 'bricks' }], f),
    ).toEqual(['Drugs › Cocaine · 12.5 kg · bricks']);
    expect(
      formatHistoryChange(
        'route',
        [
          { position: 2, country: 'NL', role: 'transit' },
          { position: 1, country: 'CO', role: 'origin' },
          { position: 3, country: 'FR', role: 'destination' },
        ],
        f,
      ),
    ).toEqual(['Colombia (Origin) → Netherlands (Transit) → France (Destination)']);
    expect(
      formatHistoryChange(
        'persons',
        [
          { person_id: 'p1', role: 'courier' },
          { person_id: 'gone', role: 'courier' },
        ],
        f,
      ),
    ).toEqual(['PETROV Ivan (Courier)', 'Record no longer linked (Courier)']);
    expect(formatHistoryChange('conveyances', [{ conveyance_id: 'c1', role: 'container' }], f)).toEqual(['Record no longer linked (Container)']);
  });

  it('shows a structure it does not know compactly', () => {
    expect(formatHistoryChange('something_new', { a: 1 }, f)).toEqual(['{"a":1}']);
  });
});

describe('a linked record corrected (record_update)', () => {
  const personFix = {
    action: 'record_update',
    record: { kind: 'person', id: 'p1', version: 4 },
    changes: {
      given_names: { old: 'Ivan', new: 'Ivan Sergeyevich' },
      documents: { old: [], new: [{ document_type: 'passport', number: '751234567', issuing_country: 'RU', expires_on: null }] },
    },
  };
  const companyFix = {
    action: 'record_update',
    record: { kind: 'company', id: 'gone', version: 2 },
    changes: { country: { old: 'NL', new: 'FR' }, activities: { old: null, new: ['importer'] } },
  };

  it('has a label in every language file', () => {
    expect(f.t('seizures.history.actions.record_update')).toBe('Linked record corrected');
    expect(f.t('seizures.history.recordKinds.conveyance')).toBe('Conveyance');
  });

  it('names the record: its kind, its name in the case and its page', () => {
    expect(entryRecord(personFix)).toEqual({ kind: 'person', id: 'p1' });
    expect(describeEntryRecord(personFix, f)).toEqual({ kind: 'person', kindLabel: 'Person', name: 'PETROV Ivan', path: '/registers/persons/p1' });
    expect(describeEntryRecord(companyFix, f)).toEqual({
      kind: 'company',
      kindLabel: 'Company',
      name: 'Record no longer linked',
      path: '/registers/companies/gone',
    });
  });

  it('names no record for the case’s own changes, nor for a kind it does not know', () => {
    expect(entryRecord({ action: 'update', record: null })).toBeNull();
    expect(describeEntryRecord({ action: 'update' }, f)).toBeNull();
    expect(entryRecord({ action: 'record_update', record: { kind: 'vessel', id: 'x', version: 1 } })).toBeNull();
  });

  it('labels and formats the record’s fields, not the case’s', () => {
    expect(historyRows(personFix, f)).toEqual([
      { field: 'given_names', labelKey: 'registers.person.given_names', old: ['Ivan'], new: ['Ivan Sergeyevich'] },
      { field: 'documents', labelKey: 'registers.edit.documents', old: ['—'], new: ['Passport 751234567 (Russia)'] },
    ]);
    // a company's `country` is the company's, labelled as on its page
    expect(historyRows(companyFix, f)).toEqual([
      { field: 'country', labelKey: 'registers.company.country', old: ['Netherlands'], new: ['France'] },
      { field: 'activities', labelKey: 'registers.company.activities', old: ['—'], new: ['Importer'] },
    ]);
  });

  it('keeps the case’s own labels for its own changes', () => {
    expect(historyRows({ action: 'update', changes: { country: { old: 'NL', new: 'FR' }, odd: { old: 1, new: 2 } } }, f)).toEqual([
      { field: 'country', labelKey: 'seizures.fields.country', old: ['Netherlands'], new: ['France'] },
      { field: 'odd', labelKey: undefined, old: ['1'], new: ['2'] },
    ]);
  });

  it('loads the code lists of both the case’s and the records’ changes', () => {
    expect(historyEntriesCodeLists([{ action: 'update', changes: { concealment_method: {} } }, personFix, companyFix])).toEqual([
      'company_roles',
      'concealment_methods',
      'countries',
      'document_types',
    ]);
    expect(historyEntriesCodeLists([{ action: 'submit', changes: {} }])).toEqual([]);
  });
});
