/**
 * Where the case form can show the server's field errors. The server names them by JSON path
 * (`goods[1].quantity`, `persons[0].person.family_name`); `placeServerErrors` (`@/lib/forms`)
 * puts each at the nearest of these paths.
 */
import { documentErrorPaths } from '@/lib/persons';
import type { CaseFormValues } from './caseForm';
import { HISTORY_FIELD_LABELS } from './history';

/** The case form's name: its fields' element ids start with it (`@/lib/formErrors`). */
export const CASE_FORM = 'case';

const TOP_BEFORE_GOODS = [
  'kind',
  'detected_at',
  'place',
  'location_type',
  'unlocode',
  'country',
  'direction',
  'customs_procedure',
  'declaration_reference',
  'latitude',
  'longitude',
  'detection_methods',
] as const;
const GOODS_FIELDS = ['commodity_group', 'commodity_type', 'quantity', 'unit', 'hs_code', 'description', 'value', 'currency', 'packaging', 'brand', 'species', 'cites_appendix', 'purity_percent'] as const;
const LEG_FIELDS = ['country', 'role', 'place', 'unlocode', 'departure_date', 'arrival_date'] as const;
const LINKS = [
  ['persons', 'person', ['family_name', 'given_names', 'date_of_birth', 'gender', 'nationalities']],
  ['companies', 'company', ['name', 'country', 'registration_number', 'eori']],
  ['conveyances', 'conveyance', ['conveyance_type', 'identifier_kind', 'identifier', 'country', 'name']],
] as const;

/** Every path at which the case form can show an error, in the order they appear on the page. */
export function formErrorPaths(v: CaseFormValues): Set<string> {
  const paths = new Set<string>(TOP_BEFORE_GOODS);
  paths.add('goods');
  v.goods.forEach((_, i) => {
    paths.add(`goods.${i}`);
    GOODS_FIELDS.forEach((g) => paths.add(`goods.${i}.${g}`));
  });
  paths.add('route');
  v.route.forEach((_, i) => {
    paths.add(`route.${i}`);
    LEG_FIELDS.forEach((f) => paths.add(`route.${i}.${f}`));
  });
  paths.add('concealment_method');
  paths.add('concealment_description');
  for (const [list, record, fields] of LINKS) {
    paths.add(list);
    const items: readonly object[] = v[list];
    items.forEach((item, i) => {
      paths.add(`${list}.${i}`);
      paths.add(`${list}.${i}.role`);
      const inline = (item as Record<string, unknown>)[record];
      if (inline) fields.forEach((f) => paths.add(`${list}.${i}.${record}.${f}`));
      else paths.add(`${list}.${i}.${record}_id`);
      // a new person's identity documents, after their other fields (as on the page)
      const person = list === 'persons' ? v.persons[i]?.person : null;
      if (person) documentErrorPaths(person.documents, `persons.${i}.person.documents`).forEach((p) => paths.add(p));
    });
  }
  ['narrative', 'summary_non_nominal', 'offender_nationality', 'offender_gender', 'offender_age_band'].forEach((f) => paths.add(f));
  return paths;
}

/** The form's errors as a list in page order (unknown paths last), for the error summary. */
export function orderedErrors(errors: Record<string, unknown>, v: CaseFormValues): { path: string; message: string }[] {
  const order = Array.from(formErrorPaths(v));
  const rank = (p: string) => {
    const i = order.indexOf(p);
    return i < 0 ? order.length : i;
  };
  return Object.entries(errors)
    .filter(([, m]) => m !== null && m !== undefined && m !== false && m !== '')
    .map(([path, m]) => ({ path, message: String(m) }))
    .sort((a, b) => rank(a.path) - rank(b.path));
}

type T = (key: string, options?: Record<string, unknown>) => string;

const LEG_LABELS: Record<string, string> = {
  country: 'seizures.route.country',
  role: 'seizures.route.role',
  place: 'seizures.route.place',
  unlocode: 'seizures.fields.unlocode',
  departure_date: 'seizures.route.departure',
  arrival_date: 'seizures.route.arrival',
};
const LINK_LABELS: Record<string, { item: string; find: string; record: string }> = {
  persons: { item: 'seizures.links.personN', find: 'seizures.links.findPerson', record: 'registers.person' },
  companies: { item: 'seizures.links.companyN', find: 'seizures.links.findCompany', record: 'registers.company' },
  conveyances: { item: 'seizures.links.conveyanceN', find: 'seizures.links.findConveyance', record: 'registers.conveyance' },
};

const DOCUMENT_LABELS: Record<string, string> = {
  document_type: 'registers.edit.documentType',
  number: 'registers.document.number',
  issuing_country: 'registers.document.country',
  expires_on: 'registers.document.expires',
};

/** A new person's identity documents, one of them, or a field of one: "Document 2 · Number". */
function documentLabel(index: string | undefined, field: string | undefined, t: T): string {
  const n = Number(index) + 1;
  if (index === undefined || !Number.isInteger(n)) return t('registers.edit.documents');
  const row = t('registers.edit.documentN', { n });
  const key = field ? DOCUMENT_LABELS[field] : undefined;
  return key ? `${row} · ${t(key)}` : row;
}

/** A field of the case form named as the officer sees it: "Goods item 2 · Quantity". */
export function caseFieldLabel(path: string, t: T): string {
  const [head = '', index, ...rest] = path.split('.');
  const n = Number(index) + 1;
  const top = HISTORY_FIELD_LABELS[head];
  if (index === undefined || !Number.isInteger(n)) return top ? t(top) : path;
  const field = rest.join('.');
  let item: string | null = null;
  let label: string | null = null;
  if (head === 'goods') {
    item = t('seizures.goods.itemN', { n });
    if (field) label = t(field === 'unit' ? 'seizures.fields.measure_unit' : `seizures.fields.${field}`);
  } else if (head === 'route') {
    item = t('seizures.route.legN', { n });
    if (field) label = LEG_LABELS[field] ? t(LEG_LABELS[field]) : field;
  } else if (LINK_LABELS[head]) {
    const l = LINK_LABELS[head];
    item = t(l.item, { n });
    const [part = '', leaf, doc, docField] = rest;
    if (part === 'role') label = t('seizures.links.role');
    else if (part.endsWith('_id')) label = t(l.find);
    else if (leaf === 'documents') label = documentLabel(doc, docField, t);
    else if (leaf) label = t(`${l.record}.${leaf}`);
  }
  if (!item) return top ? t(top) : path;
  return label ? `${item} · ${label}` : item;
}
