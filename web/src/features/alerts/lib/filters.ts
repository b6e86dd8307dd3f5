/**
 * The alert list's filters, kept in the address (`/alerts?status=active&mine=1&q=…`) so a
 * list can be shared, reloaded and come back to.
 */
import type { AlertQuery, AlertStatus, HitStatus, SubjectKind } from '../api/types';
import { ALERT_STATUSES, HIT_STATUSES, SUBJECT_KINDS } from '../api/types';

export interface AlertFilters {
  status: AlertStatus | null;
  subject_kind: SubjectKind | null;
  mine: boolean;
  q: string;
}

export const EMPTY_ALERT_FILTERS: AlertFilters = { status: null, subject_kind: null, mine: false, q: '' };

function oneOf<T extends string>(list: readonly T[], v: string | null): T | null {
  return v && (list as readonly string[]).includes(v) ? (v as T) : null;
}

export function filtersFromParams(params: URLSearchParams): AlertFilters {
  return {
    status: oneOf(ALERT_STATUSES, params.get('status')),
    subject_kind: oneOf(SUBJECT_KINDS, params.get('subject_kind')),
    mine: params.get('mine') === '1' || params.get('mine') === 'true',
    q: params.get('q')?.trim() ?? '',
  };
}

export function filtersToParams(f: AlertFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (f.status) out.set('status', f.status);
  if (f.subject_kind) out.set('subject_kind', f.subject_kind);
  if (f.mine) out.set('mine', '1');
  if (f.q.trim()) out.set('q', f.q.trim());
  return out;
}

/** The list's query: only the filters set (the server refuses empty values). */
export function filtersToQuery(f: AlertFilters): AlertQuery {
  const out: AlertQuery = {};
  if (f.status) out.status = f.status;
  if (f.subject_kind) out.subject_kind = f.subject_kind;
  if (f.mine) out.mine = true;
  if (f.q.trim()) out.q = f.q.trim();
  return out;
}

export function activeFilterCount(f: AlertFilters): number {
  return [f.status, f.subject_kind, f.mine || null, f.q.trim() || null].filter(Boolean).length;
}

/** The hit status a page shows (`?status=`), `new` by default. */
export function hitStatusFromParams(params: URLSearchParams): HitStatus {
  return oneOf(HIT_STATUSES, params.get('status')) ?? 'new';
}
