/** The inbox filters, kept in the URL (shareable, and the back button works). */
import { INBOX_KINDS, type ThreadKind, type ThreadQuery } from '../api/types';

export interface InboxFilters {
  q: string;
  kind: ThreadKind | '';
  unread: boolean;
  overdue: boolean;
}

export const EMPTY_INBOX_FILTERS: InboxFilters = { q: '', kind: '', unread: false, overdue: false };

export function inboxFiltersFromParams(p: URLSearchParams): InboxFilters {
  const kind = p.get('kind') ?? '';
  return {
    q: p.get('q') ?? '',
    kind: (INBOX_KINDS as readonly string[]).includes(kind) ? (kind as ThreadKind) : '',
    unread: p.get('unread') === 'true',
    overdue: p.get('overdue') === 'true',
  };
}

export function inboxFiltersToParams(f: InboxFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.kind) p.set('kind', f.kind);
  if (f.unread) p.set('unread', 'true');
  if (f.overdue) p.set('overdue', 'true');
  return p;
}

export function inboxFiltersToQuery(f: InboxFilters): ThreadQuery {
  return {
    q: f.q.trim() || undefined,
    kind: f.kind || undefined,
    unread: f.unread || undefined,
    overdue: f.overdue || undefined,
  };
}

export function isFiltered(f: InboxFilters): boolean {
  return !!(f.q.trim() || f.kind || f.unread || f.overdue);
}
