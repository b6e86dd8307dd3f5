import { MERGE_KINDS, PAIR_STATUSES, type MergeKind, type PairStatus } from '../api/types';
import type { DuplicateListQuery } from '../api/duplicates';

/** The queue's filters from the address (`?kind=person&status=merged`): open pairs of both registers by default. */
export function queueFromParams(params: URLSearchParams): DuplicateListQuery {
  const kind = params.get('kind');
  const status = params.get('status');
  return {
    kind: (MERGE_KINDS as readonly string[]).includes(kind ?? '') ? (kind as MergeKind) : undefined,
    status: (PAIR_STATUSES as readonly string[]).includes(status ?? '') ? (status as PairStatus) : 'open',
  };
}

/** The address's parameters for the queue's filters (defaults left out). */
export function queueParams(q: DuplicateListQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (q.kind) out.kind = q.kind;
  if (q.status !== 'open') out.status = q.status;
  return out;
}
