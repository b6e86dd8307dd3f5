/**
 * The server names invalid fields by JSON path (`goods[1].quantity`, `route[0].country`,
 * `persons[0].person.family_name`); the form names them with dots (`goods.1.quantity`).
 */
import type { CaseFormValues } from './caseForm';

export function serverPathToFormPath(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

/** Every path at which the case form can show an error. */
export function formErrorPaths(v: CaseFormValues): Set<string> {
  const paths = new Set<string>([
    'kind',
    'detected_at',
    'place',
    'location_type',
    'unlocode',
    'country',
    'latitude',
    'longitude',
    'direction',
    'customs_procedure',
    'declaration_reference',
    'detection_methods',
    'concealment_method',
    'concealment_description',
    'narrative',
    'summary_non_nominal',
    'offender_nationality',
    'offender_gender',
    'offender_age_band',
    'goods',
    'route',
    'persons',
    'companies',
    'conveyances',
  ]);
  const goods = ['commodity_group', 'commodity_type', 'hs_code', 'description', 'quantity', 'unit', 'value', 'currency', 'packaging', 'brand', 'species', 'cites_appendix', 'purity_percent'];
  v.goods.forEach((_, i) => {
    paths.add(`goods.${i}`);
    goods.forEach((g) => paths.add(`goods.${i}.${g}`));
  });
  v.route.forEach((_, i) => {
    paths.add(`route.${i}`);
    ['country', 'role', 'place', 'unlocode', 'departure_date', 'arrival_date'].forEach((f) => paths.add(`route.${i}.${f}`));
  });
  const links = [
    ['persons', 'person', v.persons, ['family_name', 'given_names', 'date_of_birth', 'gender', 'nationalities']],
    ['companies', 'company', v.companies, ['name', 'country', 'registration_number', 'eori']],
    ['conveyances', 'conveyance', v.conveyances, ['conveyance_type', 'identifier_kind', 'identifier', 'country', 'name']],
  ] as const;
  for (const [list, record, items, fields] of links) {
    items.forEach((item, i) => {
      paths.add(`${list}.${i}`);
      paths.add(`${list}.${i}.role`);
      const inline = (item as unknown as Record<string, unknown>)[record];
      if (inline) fields.forEach((f) => paths.add(`${list}.${i}.${record}.${f}`));
      else paths.add(`${list}.${i}.${record}_id`);
    });
  }
  return paths;
}

export interface PlacedErrors {
  /** form path → message, for fields shown in the form */
  fields: Record<string, string>;
  /** errors with no field to show them at (path as the server gave it) */
  unplaced: { field: string; message: string }[];
}

/**
 * Places each server error at its field, or at the nearest enclosing part of the form that
 * can show it (`route[1].position` → the leg `route.1`; `persons[0].person.emails[0]` →
 * `persons.0`); the first message for a path wins.
 */
export function placeServerErrors(
  errors: readonly { field: string; message: string; code?: string }[],
  known: Set<string>,
): PlacedErrors {
  const out: PlacedErrors = { fields: {}, unplaced: [] };
  for (const err of errors) {
    let path = serverPathToFormPath(err.field);
    while (path && !known.has(path)) {
      const cut = path.lastIndexOf('.');
      path = cut > 0 ? path.slice(0, cut) : '';
    }
    if (!path) out.unplaced.push({ field: err.field, message: err.message || err.code || '' });
    else if (!(path in out.fields)) out.fields[path] = err.message || err.code || '';
  }
  return out;
}
