/**
 * Where the case form can show the server's field errors. The server names them by JSON path
 * (`goods[1].quantity`, `persons[0].person.family_name`); `placeServerErrors` (`@/lib/forms`)
 * puts each at the nearest of these paths.
 */
import type { CaseFormValues } from './caseForm';

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
