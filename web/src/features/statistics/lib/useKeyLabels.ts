import { useTranslation } from 'react-i18next';
import { useCodeLabels } from '@/api/queries/codelists';
import { useUnitNames } from '@/api/queries/units';
import type { UnitQuantity } from '@/api/types';
import '@/i18n/statistics';
import { parsePlace } from './mapData';
import { formatAmount, unitShort } from './numbers';
import { periodLabel } from './periods';

/** A place of seizure (`43.30,5.37`) in the UI language: "43.30° N 5.37° E"; null when not a place. */
export function placeLabel(key: string, lang: string, t: (key: string, options?: Record<string, unknown>) => string): string | null {
  const at = parsePlace(key);
  if (!at) return null;
  const deg = (n: number) => new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.abs(n));
  return t('statistics:keys.place', {
    lat: t(at.lat < 0 ? 'statistics:keys.south' : 'statistics:keys.north', { degrees: deg(at.lat) }),
    lon: t(at.lon < 0 ? 'statistics:keys.west' : 'statistics:keys.east', { degrees: deg(at.lon) }),
  });
}

/** The code list a grouping's keys come from (a route's are two countries). */
const LIST_OF: Readonly<Record<string, string>> = {
  commodity_group: 'commodity_groups',
  commodity_type: 'commodity_types',
  unit: 'units_of_measure',
  detection_method: 'detection_methods',
  concealment_method: 'concealment_methods',
  location_type: 'location_types',
  direction: 'directions',
  origin_country: 'countries',
  transit_country: 'countries',
  destination_country: 'countries',
  route: 'countries',
  route_segment: 'countries',
  conveyance_type: 'conveyance_types',
  offender_nationality: 'countries',
};

export interface KeyLabels {
  /** A row's key of `dimension` in words of the UI language (a code's label, a country's name, a unit's name, a period). */
  label: (dimension: string, key: string) => string;
  /** Quantities without a mass, each with its unit: "2,000 sticks; 40 l" ("—" for none). */
  quantities: (list: readonly UnitQuantity[]) => string;
}

/**
 * Names the keys of a statistics table the way the case pages do: code-list values by their
 * label in the UI language (only the lists the groupings need are read), countries by name, a
 * route or a segment of one as "origin → destination", a place by its coordinates, reporting units by name, kinds in words, periods in the UI
 * language's calendar words; an empty key is "not recorded".
 */
export function useKeyLabels(group: readonly string[]): KeyLabels {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const lists = [...new Set(['units_of_measure', ...group.map((g) => LIST_OF[g]).filter((l): l is string => !!l)])];
  const code = useCodeLabels(lists);
  const unitName = useUnitNames(group.includes('reporting_unit'));

  const label = (dimension: string, key: string): string => {
    if (key === '') return t('statistics:keys.notRecorded');
    switch (dimension) {
      case 'period':
        return periodLabel(key, lang, {
          week: (week, year) => t('statistics:keys.week', { week, year }),
          quarter: (quarter, year) => t('statistics:keys.quarter', { quarter, year }),
        });
      case 'kind':
        return t(`seizures.kinds.${key}`, { defaultValue: key });
      case 'reporting_unit':
        return unitName(key) ?? key;
      case 'place':
        return placeLabel(key, lang, t) ?? key;
      case 'route':
      case 'route_segment': {
        const [origin = '', destination = ''] = key.split('>');
        if (!origin && !destination) return t('statistics:keys.notRecorded');
        const country = (c: string) => (c ? code('countries', c) : t('statistics:keys.unknownCountry'));
        return t('statistics:keys.route', { origin: country(origin), destination: country(destination) });
      }
      default: {
        const list = LIST_OF[dimension];
        return list ? code(list, key) : key;
      }
    }
  };
  const quantities = (list: readonly UnitQuantity[]) =>
    list.length === 0
      ? '—'
      : list
          .map((q) => `${formatAmount(q.quantity, lang)}\u00a0${unitShort(code('units_of_measure', q.unit), lang)}`)
          .join(t('statistics:quantitySeparator'));
  return { label, quantities };
}
