/** Investigation data for the feature's tests. */
import type { Investigation, JournalEntry, JournalFile, Link, Task, TimelineEvent } from '../api/types';

export const ID = '0190a5e2-7c1b-7d3e-8f00-000000000001';

export const investigation: Investigation = {
  id: ID,
  reference: 'FR-INV-2026-000012',
  title: 'Cocaine courier network via CDG',
  summary: 'Couriers recruited in Cayenne.\nSame phone numbers.',
  priority: 'high',
  legal_basis: 'Code des douanes, art. 414',
  offence_types: ['drug_trafficking'],
  due_date: '2026-12-01',
  opened_on: '2026-11-02',
  overdue: true,
  status: 'assigned',
  standing: 'supervisor',
  next_statuses: ['in_progress', 'suspended', 'closed'],
  lead: { id: 'lena', name: 'Lena Moreau' },
  unit: { id: 'unit-1', name: 'DNRED Paris' },
  created_by: { id: 'sup', name: 'Claire Martin' },
  created_at: '2026-11-02T09:00:00Z',
  updated_at: '2026-11-20T09:00:00Z',
  members: [
    { id: 'm1', user: { id: 'paul', name: 'Paul Durand' }, unit: null, added_at: '2026-11-02T09:00:00Z', added_by: { id: 'sup', name: 'Claire Martin' } },
    { id: 'm2', user: null, unit: { id: 'unit-2', name: 'Roissy Fret' }, added_at: '2026-11-03T09:00:00Z', added_by: { id: 'sup', name: 'Claire Martin' } },
  ],
  counts: { links: 2, open_tasks: 3, overdue_tasks: 1, journal_entries: 4 },
  version: 7,
};

export function task(id: string, over: Partial<Task> = {}): Task {
  return {
    id,
    title: `Task ${id}`,
    description: '',
    status: 'open',
    overdue: false,
    checklist: [],
    created_at: '2026-11-02T09:00:00Z',
    created_by: { id: 'sup', name: 'Claire Martin' },
    updated_at: '2026-11-02T09:00:00Z',
    version: 1,
    ...over,
  };
}

export function link(id: string, over: Partial<Link> = {}): Link {
  return {
    id,
    target_kind: 'person',
    target_id: '0190a5e2-7c1b-7d3e-8f00-0000000000aa',
    role: 'suspect',
    label: 'BENSALEH Abdelkader (1979-11-07)',
    note: '',
    created_at: '2026-11-02T09:00:00Z',
    created_by: { id: 'sup', name: 'Claire Martin' },
    ...over,
  };
}

export function event(id: number, kind: TimelineEvent['kind'], details: Record<string, unknown>, over: Partial<TimelineEvent> = {}): TimelineEvent {
  return { id, kind, at: '2026-11-20T09:00:00Z', actor: { id: 'lena', name: 'Lena' }, object_id: null, details: details as TimelineEvent['details'], ...over };
}

export function journalEntry(id: string, seq: number, over: Partial<JournalEntry> = {}): JournalEntry {
  return {
    id,
    seq,
    kind: 'finding',
    body: `Entry ${seq}`,
    occurred_at: '2026-11-03T10:00:00Z',
    created_at: '2026-11-03T11:00:00Z',
    author: { id: 'paul', name: 'Paul Durand' },
    corrected_by: [],
    corrects_id: null,
    attachments: [],
    ...over,
  };
}

/** A file of an entry of the investigation: an image (with a thumbnail) or, by its type, a PDF. */
export function journalFile(id: string, name: string, media_type = 'image/jpeg'): JournalFile {
  const base = `/api/v1/investigations/${ID}/journal-files/${id}`;
  return {
    id,
    original_filename: name,
    media_type,
    size_bytes: 12_800,
    sha256: 'ab',
    content_url: `${base}/content`,
    thumbnail_url: media_type.startsWith('image/') ? `${base}/thumbnail` : null,
    message_id: null,
    uploaded_by: 'paul',
    uploaded_at: '2026-11-03T10:30:00Z',
  };
}
