/**
 * The case history names changed fields as the API does (`concealment_method`, `goods`) and
 * carries their JSON values. These helpers give each field its label (an i18n key) and turn
 * old and new values into readable lines: code-list values by their label, enums and booleans
 * in the UI language, goods, route and links summarised. A `record_update` entry (a linked
 * person, company or conveyance was corrected) carries that record's fields instead: they are
 * labelled and shown as the record's own history does.
 */
import type { HistoryEntry } from '@/api/types';
import { formatDateTime } from '@/lib/format';
import {
  changesOf,
  isRecordKind,
  recordChangeRows,
  recordCodeLists,
  recordPath,
  REGISTER_OF,
  type ChangeFormat,
  type ChangeRow,
  type RecordKind,
} from '@/lib/recordHistory';
import { formatHistoryValue, formatNumber } from './format';

/** Field → i18n key of its label; a field not listed is shown by its name. */
export const HISTORY_FIELD_LABELS: Readonly<Record<string, string>> = {
  kind: 'seizures.fields.kind',
  status: 'seizures.fields.status',
  detected_at: 'seizures.fields.detected_at',
  place: 'seizures.fields.place',
  location_type: 'seizures.fields.location_type',
  unlocode: 'seizures.fields.unlocode',
  country: 'seizures.fields.country',
  latitude: 'seizures.fields.latitude',
  longitude: 'seizures.fields.longitude',
  direction: 'seizures.fields.direction',
  customs_procedure: 'seizures.fields.customs_procedure',
  declaration_reference: 'seizures.fields.declaration_reference',
  detection_methods: 'seizures.fields.detection_methods',
  risk_profiling: 'seizures.fields.risk_profiling',
  intelligence_led: 'seizures.fields.intelligence_led',
  watch_list_hit: 'seizures.fields.watch_list_hit',
  concealment_method: 'seizures.fields.concealment_method',
  concealment_description: 'seizures.fields.concealment_description',
  narrative: 'seizures.fields.narrative',
  summary_non_nominal: 'seizures.fields.summary_non_nominal',
  offender_nationality: 'seizures.fields.offender_nationality',
  offender_gender: 'seizures.fields.offender_gender',
  offender_age_band: 'seizures.fields.offender_age_band',
  goods: 'seizures.goods.title',
  route: 'seizures.route.title',
  persons: 'seizures.links.persons',
  companies: 'seizures.links.companies',
  conveyances: 'seizures.links.conveyances',
};

/** Code lists whose labels a field's values are shown with. */
const FIELD_LISTS: Readonly<Record<string, readonly string[]>> = {
  location_type: ['location_types'],
  country: ['countries'],
  offender_nationality: ['countries'],
  direction: ['directions'],
  concealment_method: ['concealment_methods'],
  detection_methods: ['detection_methods'],
  goods: ['commodity_groups', 'commodity_types'],
  route: ['countries', 'route_leg_roles'],
  persons: ['person_roles'],
  companies: ['company_roles'],
};

/** Every code list that the history's values need (so only those are loaded). */
export function historyCodeLists(fields: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const f of fields) for (const list of FIELD_LISTS[f] ?? []) out.add(list);
  return out;
}

export interface HistoryFormat extends ChangeFormat {
  /** The display name of a linked register record, when the case still links it. */
  record: (kind: 'persons' | 'companies' | 'conveyances', id: string) => string | undefined;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const blank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

const CODE_FIELDS: Readonly<Record<string, string>> = {
  location_type: 'location_types',
  country: 'countries',
  offender_nationality: 'countries',
  direction: 'directions',
  concealment_method: 'concealment_methods',
};
const ENUM_FIELDS: Readonly<Record<string, string>> = {
  kind: 'seizures.kinds',
  status: 'caseStatus',
  offender_gender: 'seizures.genders',
  offender_age_band: 'seizures.ageBands',
};

function goodsLine(g: Obj, f: HistoryFormat): string {
  const what = [f.label('commodity_groups', str(g.commodity_group)), g.commodity_type ? f.label('commodity_types', str(g.commodity_type)) : '']
    .filter(Boolean)
    .join(' › ');
  const quantity = typeof g.quantity === 'number' ? `${formatNumber(g.quantity, f.lang)} ${str(g.unit)}`.trim() : '';
  return [what, quantity, str(g.description)].filter(Boolean).join(' · ');
}

function linkLine(kind: 'persons' | 'companies' | 'conveyances', l: Obj, f: HistoryFormat): string {
  const idKey = { persons: 'person_id', companies: 'company_id', conveyances: 'conveyance_id' }[kind];
  const id = str(l[idKey]);
  const role =
    kind === 'persons'
      ? f.label('person_roles', str(l.role))
      : kind === 'companies'
        ? f.label('company_roles', str(l.role))
        : f.t(`seizures.conveyanceRoles.${str(l.role)}`, { defaultValue: str(l.role) });
  const name = (id && f.record(kind, id)) || f.t('seizures.history.notLinkedNow');
  return `${name} (${role})`;
}

/**
 * A history value as lines of text: one line for scalars and code lists, one a goods item
 * or linked record, the route as one path. `—` for nothing.
 */
export function formatHistoryChange(field: string, value: unknown, f: HistoryFormat): string[] {
  if (blank(value)) return ['—'];
  if (typeof value === 'boolean') return [f.t(value ? 'common.yes' : 'common.no')];
  if (field === 'detected_at' && typeof value === 'string') return [formatDateTime(value, f.lang)];
  const list = CODE_FIELDS[field];
  if (list && typeof value === 'string') return [f.label(list, value)];
  const prefix = ENUM_FIELDS[field];
  if (prefix && typeof value === 'string') return [f.t(`${prefix}.${value}`, { defaultValue: value })];
  if (typeof value === 'number') return [formatNumber(value, f.lang)];
  if (field === 'detection_methods' && Array.isArray(value)) return [value.map((c) => f.label('detection_methods', str(c))).join(f.t('common.listSeparator'))];
  if (field === 'goods' && Array.isArray(value)) return value.filter(isObj).map((g) => goodsLine(g, f));
  if (field === 'route' && Array.isArray(value)) {
    const legs = value.filter(isObj).sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0));
    return [legs.map((l) => `${f.label('countries', str(l.country))} (${f.label('route_leg_roles', str(l.role))})`).join(' → ')];
  }
  if ((field === 'persons' || field === 'companies' || field === 'conveyances') && Array.isArray(value)) {
    return value.filter(isObj).map((l) => linkLine(field, l, f));
  }
  return [formatHistoryValue(value)];
}

type Entry = Pick<HistoryEntry, 'action' | 'changes' | 'record'>;

/** The register record a `record_update` entry names; null for the case's own changes. */
export function entryRecord(h: Pick<HistoryEntry, 'action' | 'record'>): { kind: RecordKind; id: string } | null {
  if (h.action !== 'record_update' || !h.record || !isRecordKind(h.record.kind)) return null;
  return { kind: h.record.kind, id: h.record.id };
}

/** How a `record_update` entry names its record: the kind, the record's name in the case (if still linked) and its page. */
export function describeEntryRecord(
  h: Pick<HistoryEntry, 'action' | 'record'>,
  f: HistoryFormat,
): { kind: RecordKind; kindLabel: string; name: string; path: string } | null {
  const r = entryRecord(h);
  if (!r) return null;
  return {
    kind: r.kind,
    kindLabel: f.t(`seizures.history.recordKinds.${r.kind}`),
    name: f.record(REGISTER_OF[r.kind], r.id) ?? f.t('seizures.history.notLinkedNow'),
    path: recordPath(r.kind, r.id),
  };
}

/** The changed fields of an entry, labelled, with old and new values as lines (the record's fields for `record_update`). */
export function historyRows(h: Entry, f: HistoryFormat): ChangeRow[] {
  const r = entryRecord(h);
  if (r) return recordChangeRows(r.kind, h.changes, f);
  return Object.entries(changesOf(h.changes)).map(([field, change]) => ({
    field,
    labelKey: Object.hasOwn(HISTORY_FIELD_LABELS, field) ? HISTORY_FIELD_LABELS[field] : undefined,
    old: formatHistoryChange(field, change?.old, f),
    new: formatHistoryChange(field, change?.new, f),
  }));
}

/** Every code list a history's entries need, sorted (a stable list of queries). */
export function historyEntriesCodeLists(entries: readonly Entry[]): string[] {
  const out = new Set<string>();
  for (const h of entries) {
    const r = entryRecord(h);
    const fields = Object.keys(changesOf(h.changes));
    for (const list of r ? recordCodeLists(r.kind, fields) : historyCodeLists(fields)) out.add(list);
  }
  return [...out].sort();
}
