/**
 * Names for the generated messaging and notification types (schema.d.ts, from ../openapi.yaml),
 * and the enums' values in display order (checked against the generated unions).
 */
import type { components, paths } from '@/api/schema';

type Schemas = components['schemas'];

export type ThreadKind = Schemas['ThreadKind'];
export type FeedbackOutcome = Schemas['FeedbackOutcome'];
export type WatchType = Schemas['WatchType'];
export type NotificationKind = Schemas['NotificationKind'];

/** The kinds one composes here (a request for information is started from its investigation). */
export const THREAD_KINDS = ['general', 'warning', 'feedback', 'seizure'] as const satisfies readonly ThreadKind[];
/** Every kind a thread may have: the inbox's kind filter. */
export const INBOX_KINDS = [...THREAD_KINDS, 'request'] as const satisfies readonly ThreadKind[];
export const FEEDBACK_OUTCOMES = ['controlled_nothing_found', 'seized', 'not_arrived', 'not_controlled'] as const satisfies readonly FeedbackOutcome[];
export const WATCH_TYPES = [
  'person',
  'company',
  'conveyance',
  'container',
  'flight',
  'awb',
  'passport',
  'vehicle',
  'vessel',
  'other',
] as const satisfies readonly WatchType[];
export const NOTIFICATION_KINDS = [
  'message',
  'warning',
  'feedback',
  'feedback_overdue',
  'case_returned',
  'case_reopened',
  'alert_hit',
  'alert_match',
  'alert_activation',
  'investigation_assigned',
  'investigation_review',
  'investigation_task',
  'request',
  'request_answered',
  'request_overdue',
  'deadline_soon',
  'deadline_overdue',
  'search_hit',
] as const satisfies readonly NotificationKind[];

export type ThreadSummary = Schemas['ThreadSummary'];
export type ThreadPage = Schemas['ThreadPage'];
export type ThreadQuery = NonNullable<paths['/api/v1/threads']['get']['parameters']['query']>;
export type ParticipantDto = Schemas['ParticipantDto'];
export type WatchTarget = Schemas['WatchTarget'];
export type WarningRoute = Schemas['WarningRoute'];
export type WarningDto = Schemas['WarningFields'];
export type SeizureSummary = Schemas['SeizureSummary'];
export type MessageDto = Schemas['MessageDto'];
export type MessageAttachment = Schemas['MessageAttachmentDto'];
export type PostMessage = Schemas['PostMessage'];
export type ThreadDetail = Schemas['ThreadDetail'];
export type ParticipantRef = Schemas['ParticipantRef'];
export type ThreadTemplate = Schemas['ThreadTemplate'];
export type CreateThread = Schemas['CreateThread'];
export type Recipient = Schemas['Recipient'];
export type NotificationDto = Schemas['NotificationDto'];
export type NotificationPage = Schemas['NotificationPage'];
export type NotificationPreferences = Schemas['Preferences'];

// live events (GET /events, text/event-stream)
export type MessageEventData = Schemas['MessageEvent'];
export type ReadEventData = Schemas['ReadEvent'];
export type NotificationEventData = Schemas['NotificationEvent'];
export type NotificationsReadEventData = Schemas['NotificationsReadEvent'];
