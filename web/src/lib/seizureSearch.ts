/**
 * A saved search (`SeizureSearch`, issue 16) and the seizure list it comes from: the list's
 * filters and text as the rule keeps them (no sort order, no paging), and back to the list's
 * address (`/seizures?…`, the parameters `features/seizures/lib/filters.ts` reads) to open the
 * same search again.
 *
 * The list keeps its dates as days of the browser's time zone (`from=2026-03-01` is the start of
 * that day, `to=2026-03-31` the end of it) and asks the server with instants; a saved search
 * holds the instants, so they are turned back into the days that cover them.
 */
import type { components } from '@/api/schema';
import type { CaseQuery } from '@/api/types';

export type SeizureSearch = components['schemas']['SeizureSearch'];

/** The fields of a saved search, in the order of the list's address (and of its summary). */
export const SEARCH_FIELDS = [
  'q',
  'from',
  'to',
  'kind',
  'status',
  'unit_id',
  'commodity_group',
  'commodity_type',
  'detection_method',
  'concealment_method',
  'location_type',
  'direction',
  'route_country',
  'conveyance_type',
  'person_id',
  'company_id',
  'conveyance_id',
] as const satisfies readonly (keyof SeizureSearch & keyof CaseQuery)[];
export type SearchField = (typeof SEARCH_FIELDS)[number];

// every field of the API's SeizureSearch is listed above (a new one fails to compile here)
type Unlisted = Exclude<keyof SeizureSearch, SearchField>;
const _complete: [Unlisted] extends [never] ? true : never = true;
void _complete;

/** The code list each coded field takes its values from. */
export const SEARCH_CODE_LISTS: Partial<Record<SearchField, string>> = {
  commodity_group: 'commodity_groups',
  commodity_type: 'commodity_types',
  detection_method: 'detection_methods',
  concealment_method: 'concealment_methods',
  location_type: 'location_types',
  direction: 'directions',
  route_country: 'countries',
  conveyance_type: 'conveyance_types',
};

/** Register records a search may be about: their page under /registers. */
export const SEARCH_RECORDS: Partial<Record<SearchField, 'persons' | 'companies' | 'conveyances'>> = {
  person_id: 'persons',
  company_id: 'companies',
  conveyance_id: 'conveyances',
};

/** The list's query (as it asks the server) as a saved search: its filters and text only. */
export function searchOfQuery(query: CaseQuery): SeizureSearch {
  const out: Record<string, unknown> = {};
  for (const k of SEARCH_FIELDS) {
    const v = query[k];
    if (typeof v === 'string' ? v.trim() !== '' : v !== undefined && v !== null) out[k] = typeof v === 'string' ? v.trim() : v;
  }
  return out as SeizureSearch;
}

/** The fields a search sets, in order, with their values. */
export function searchEntries(search: SeizureSearch): [SearchField, string][] {
  return SEARCH_FIELDS.flatMap((k) => {
    const v = search[k];
    return v === undefined || v === null || v === '' ? [] : [[k, String(v)] as [SearchField, string]];
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The day (YYYY-MM-DD, browser time zone) of an instant; '' when it is not one. */
function localDay(t: Date): string {
  return Number.isNaN(t.getTime()) ? '' : `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}

/** `from` as the list's first day: the day it falls in. */
export function fromDay(iso: string): string {
  return localDay(new Date(iso));
}

/** `to` (excluded) as the list's last day: the day of the instant just before it. */
export function toDay(iso: string): string {
  const t = new Date(iso);
  return localDay(new Date(t.getTime() - 1));
}

/** The seizure list's parameters for a saved search (the list's own format, dates as days). */
export function searchToListParams(search: SeizureSearch): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of searchEntries(search)) {
    const value = k === 'from' ? fromDay(v) : k === 'to' ? toDay(v) : v;
    if (value) p.set(k, value);
  }
  return p;
}

/** The seizure list showing a saved search's cases ("open in the seizure list"). */
export function seizureListPath(search: SeizureSearch): string {
  const qs = searchToListParams(search).toString();
  return qs ? `/seizures?${qs}` : '/seizures';
}

/** The query key of everything about saved searches (the list, each one, its hits). */
export const SAVED_SEARCHES_KEY = ['saved-searches'] as const;

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A field's name as the seizure list's filters call it (the records by their kind). */
export function searchFieldLabel(t: Translate, field: string): string {
  return field in SEARCH_RECORDS ? t(`searches:summary.${field}`) : t(`seizures.filters.${field}`, { defaultValue: field });
}

/** The server's refusal of a name or a filter (`unknown_code`, `order`, `length`, `not_for_target`), in words. */
export function searchProblemMessage(t: Translate, e: { code?: string | null; message?: string | null }): string {
  switch (e.code) {
    case 'unknown_code':
      return t('validation.unknownCode');
    case 'order':
      return t('searches:save.order');
    case 'length':
      return t('searches:save.nameLength');
    case 'not_for_target':
      return t('searches:save.notForTarget');
    default:
      return e.message || e.code || t('errors.unexpected');
  }
}
