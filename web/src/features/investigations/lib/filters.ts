/**
 * The investigation list's filters, kept in the address (`/investigations?status=in_progress&mine=lead&q=…`)
 * so a list can be shared, reloaded and come back to.
 */
import type { InvestigationQuery, InvestigationStatus } from '../api/types';
import { STATUSES } from '../api/types';

/** "Mine": the investigations I lead, or those whose team I am on in person. */
export const MINE = ['lead', 'member'] as const;
export type Mine = (typeof MINE)[number];

export interface InvestigationFilters {
  status: InvestigationStatus | null;
  /** A code of `investigation_priorities`. */
  priority: string | null;
  overdue: boolean;
  mine: Mine | null;
  q: string;
}

export const EMPTY_FILTERS: InvestigationFilters = { status: null, priority: null, overdue: false, mine: null, q: '' };

function oneOf<T extends string>(list: readonly T[], v: string | null): T | null {
  return v && (list as readonly string[]).includes(v) ? (v as T) : null;
}

const CODE = /^[A-Za-z0-9_.-]{1,64}$/;

export function filtersFromParams(params: URLSearchParams): InvestigationFilters {
  const priority = params.get('priority')?.trim() ?? '';
  const overdue = params.get('overdue');
  return {
    status: oneOf(STATUSES, params.get('status')),
    priority: CODE.test(priority) ? priority : null,
    overdue: overdue === '1' || overdue === 'true',
    mine: oneOf(MINE, params.get('mine')),
    q: params.get('q')?.trim() ?? '',
  };
}

export function filtersToParams(f: InvestigationFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (f.status) out.set('status', f.status);
  if (f.priority) out.set('priority', f.priority);
  if (f.overdue) out.set('overdue', '1');
  if (f.mine) out.set('mine', f.mine);
  if (f.q.trim()) out.set('q', f.q.trim());
  return out;
}

/**
 * The list's query: only the filters set (the server refuses empty values). "Mine" needs the
 * user's id (`meId`): until it is known, the filter is left out.
 */
export function filtersToQuery(f: InvestigationFilters, meId?: string | null): InvestigationQuery {
  const out: InvestigationQuery = {};
  if (f.status) out.status = f.status;
  if (f.priority) out.priority = f.priority;
  if (f.overdue) out.overdue = true;
  if (f.mine === 'lead' && meId) out.lead_id = meId;
  if (f.mine === 'member' && meId) out.member_id = meId;
  if (f.q.trim()) out.q = f.q.trim();
  return out;
}

export function activeFilterCount(f: InvestigationFilters): number {
  return [f.status, f.priority, f.overdue || null, f.mine, f.q.trim() || null].filter(Boolean).length;
}
