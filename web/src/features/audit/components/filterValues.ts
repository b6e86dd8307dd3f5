import { localInputToIso } from '@/lib/format';
import type { AuditFilters } from '../api/audit';

/** The audit filters as the form and the URL hold them (strings; '' = not filtered). */
export interface AuditFilterValues {
  actor: string;
  action: string;
  object_type: string;
  object_id: string;
  outcome: string;
  from: string;
  to: string;
}

export const EMPTY_FILTERS: AuditFilterValues = {
  actor: '',
  action: '',
  object_type: '',
  object_id: '',
  outcome: '',
  from: '',
  to: '',
};

export const FILTER_KEYS = Object.keys(EMPTY_FILTERS) as (keyof AuditFilterValues)[];

/** The filters in a URL's query string (so a filtered view can be shared). */
export function valuesFromParams(params: URLSearchParams): AuditFilterValues {
  const out = { ...EMPTY_FILTERS };
  for (const k of FILTER_KEYS) out[k] = params.get(k) ?? '';
  return out;
}

/** The query string of `values`, without the empty ones. */
export function paramsFromValues(values: AuditFilterValues): URLSearchParams {
  const next = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = values[k].trim();
    if (v) next.set(k, v);
  }
  return next;
}

/** The API's query for `values` (the date inputs are local times). */
export function filtersFromValues(values: AuditFilterValues): AuditFilters {
  const text = (v: string) => v.trim() || undefined;
  return {
    actor: text(values.actor),
    action: text(values.action),
    object_type: text(values.object_type),
    object_id: text(values.object_id),
    outcome: text(values.outcome),
    from: localInputToIso(values.from),
    to: localInputToIso(values.to),
  };
}
