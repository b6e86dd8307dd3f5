/** The seizure list's filters, kept in the URL so a search can be shared or bookmarked. */
import type { CaseKind, CaseQuery, CaseStatus } from '@/api/types';

export const FILTER_KEYS = [
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
  'order',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type FilterValues = Record<FilterKey, string>;

export const EMPTY_FILTERS = Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])) as FilterValues;

export function filtersFromParams(params: URLSearchParams): FilterValues {
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as FilterValues;
}

/** Only non-empty filters go into the URL, in a stable order. */
export function filtersToParams(v: Partial<FilterValues>): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const value = v[k]?.trim();
    if (value) p.set(k, value);
  }
  return p;
}

/** `from`/`to` are dates (YYYY-MM-DD) in the URL: `from` is the start of that day, `to` the end of it. */
function dayStart(d: string): string | undefined {
  const t = new Date(`${d}T00:00:00`);
  return Number.isNaN(t.getTime()) ? undefined : t.toISOString();
}
function nextDayStart(d: string): string | undefined {
  const t = new Date(`${d}T00:00:00`);
  if (Number.isNaN(t.getTime())) return undefined;
  t.setDate(t.getDate() + 1);
  return t.toISOString();
}

export function filtersToQuery(v: FilterValues): CaseQuery {
  const opt = (x: string) => x.trim() || undefined;
  return {
    q: opt(v.q),
    from: v.from ? dayStart(v.from) : undefined,
    to: v.to ? nextDayStart(v.to) : undefined,
    kind: (opt(v.kind) as CaseKind | undefined) ?? undefined,
    status: (opt(v.status) as CaseStatus | undefined) ?? undefined,
    unit_id: opt(v.unit_id),
    commodity_group: opt(v.commodity_group),
    commodity_type: opt(v.commodity_type),
    detection_method: opt(v.detection_method),
    concealment_method: opt(v.concealment_method),
    location_type: opt(v.location_type),
    direction: opt(v.direction),
    route_country: opt(v.route_country),
    conveyance_type: opt(v.conveyance_type),
    person_id: opt(v.person_id),
    company_id: opt(v.company_id),
    conveyance_id: opt(v.conveyance_id),
    order: v.order === 'asc' ? 'asc' : undefined,
  };
}

/** How many filters are set (the sort order is not a filter). */
export function activeFilterCount(v: FilterValues): number {
  return FILTER_KEYS.filter((k) => k !== 'order' && v[k]).length;
}
