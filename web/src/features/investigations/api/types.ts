/**
 * Names for the generated investigation types (schema.d.ts, from ../openapi.yaml), and the
 * enums' values in display order (checked against the generated unions).
 */
import type { components, paths } from '@/api/schema';

type Schemas = components['schemas'];

export type Investigation = Schemas['InvestigationDto'];
export type InvestigationInput = Schemas['InvestigationInput'];
export type InvestigationPatch = Schemas['InvestigationPatch'];
export type InvestigationSummary = Schemas['InvestigationSummary'];
export type InvestigationStatus = Schemas['InvestigationStatus'];
export type Outcome = Schemas['Outcome'];
export type Standing = Schemas['StandingCode'];
export type Member = Schemas['MemberDto'];
export type MemberInput = Schemas['MemberInput'];
export type Link = Schemas['LinkDto'];
export type LinkInput = Schemas['LinkInput'];
export type TargetKind = Schemas['TargetKind'];
export type Task = Schemas['TaskDto'];
export type TaskInput = Schemas['TaskInput'];
export type TaskStatus = Schemas['TaskStatus'];
export type ChecklistItem = Schemas['ChecklistItem'];
export type JournalEntry = Schemas['JournalEntry'];
export type JournalInput = Schemas['JournalInput'];
/** A file of a journal entry, downloaded through the investigation (`journal-files/{file_id}/content`, audited). */
export type JournalFile = Schemas['MessageAttachmentDto'];
export type EntryKind = Schemas['EntryKind'];
export type TimelineEvent = Schemas['TimelineEvent'];
export type EventKind = Schemas['EventKind'];
export type TransitionInput = Schemas['TransitionInput'];
export type FromTemplates = Schemas['FromTemplates'];
export type Named = Schemas['Named'];

export type InvestigationQuery = NonNullable<paths['/api/v1/investigations']['get']['parameters']['query']>;
export type InvestigationThread = Schemas['InvestigationThread'];
export type ThreadInput = Schemas['ThreadInput'];
export type ThreadKind = Schemas['ThreadKind'];
export type WorkItem = Schemas['WorkItem'];
export type WorkQuery = NonNullable<paths['/api/v1/investigation-tasks']['get']['parameters']['query']>;

export const STATUSES = ['opened', 'assigned', 'in_progress', 'under_review', 'suspended', 'closed', 'reopened'] as const satisfies readonly InvestigationStatus[];
export const OUTCOMES = ['prosecution', 'administrative_penalty', 'no_offence', 'transferred', 'merged'] as const satisfies readonly Outcome[];
export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const satisfies readonly TaskStatus[];
export const ENTRY_KINDS = ['action', 'finding', 'decision', 'note'] as const satisfies readonly EntryKind[];
export const EVENT_KINDS = [
  'opened',
  'updated',
  'transition',
  'member_added',
  'member_removed',
  'link_added',
  'link_removed',
  'task_added',
  'task_updated',
  'journal',
  'message',
  'hit',
] as const satisfies readonly EventKind[];
export const TARGET_KINDS = ['case', 'person', 'company', 'conveyance', 'alert', 'alert_hit', 'investigation'] as const satisfies readonly TargetKind[];

/** The roles a link of each kind may have (the server's list), the default first. */
export const LINK_ROLES: Record<TargetKind, readonly string[]> = {
  case: ['origin', 'evidence', 'related'],
  person: ['suspect', 'accomplice', 'witness', 'victim', 'contact', 'other'],
  company: ['suspect', 'front', 'intermediary', 'victim', 'other'],
  conveyance: ['used', 'other'],
  alert: ['origin', 'related'],
  alert_hit: ['origin', 'related'],
  investigation: ['related', 'merged_into'],
};

/** Code lists the investigation screens read. */
export const PRIORITY_LIST = 'investigation_priorities';
export const OFFENCE_LIST = 'offence_types';
