/**
 * The live events of GET /events: parsing a server-sent event into a typed one, the reconnect
 * backoff, and what each event changes in the query cache.
 */
import type { QueryClient } from '@tanstack/react-query';
import { notificationKeys } from '../api/notifications';
import { threadKeys } from '../api/threads';
import type {
  MessageEventData,
  NotificationDto,
  NotificationEventData,
  NotificationsReadEventData,
  ReadEventData,
} from '../api/types';
import { rememberName } from './names';

export type LiveEvent =
  | { type: 'message'; id: string; data: MessageEventData }
  | { type: 'read'; id: string; data: ReadEventData }
  | { type: 'notification'; id: string; data: NotificationEventData }
  | { type: 'notifications_read'; id: string; data: NotificationsReadEventData }
  | { type: 'reset'; id: string; data: Record<string, never> };

/** A dispatched server-sent event, as the stream reader gives it. */
export interface RawEvent {
  id: string;
  event: string;
  data: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const str = (o: Record<string, unknown>, k: string) => typeof o[k] === 'string';

/** The event, or null when it is empty (a keep-alive), unknown or malformed. */
export function parseLiveEvent(raw: RawEvent): LiveEvent | null {
  if (!raw.data) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw.data);
  } catch {
    return null;
  }
  if (!isObject(data)) return null;
  const id = raw.id;
  switch (raw.event || 'message') {
    case 'message':
      return str(data, 'thread_id') ? { type: 'message', id, data: data as unknown as MessageEventData } : null;
    case 'read':
      return str(data, 'thread_id') && str(data, 'user_id') ? { type: 'read', id, data: data as unknown as ReadEventData } : null;
    case 'notification': {
      const n = data.notification;
      if (!isObject(n) || !str(n, 'id') || !str(n, 'link')) return null;
      return { type: 'notification', id, data: { notification: n as unknown as NotificationDto, ping: data.ping === true } };
    }
    case 'notifications_read':
      return {
        type: 'notifications_read',
        id,
        data: { id: typeof data.id === 'string' ? data.id : null, thread_id: typeof data.thread_id === 'string' ? data.thread_id : null },
      };
    case 'reset':
      return { type: 'reset', id, data: {} };
    default:
      return null;
  }
}

/** Delay before reconnect attempt `attempt` (0-based): 1 s doubling to 30 s, with jitter (50–100 %). */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(30_000, 1_000 * 2 ** Math.min(attempt, 15));
  return Math.round(cap * (0.5 + random() / 2));
}

/** Applies an event to the query cache; `onPing` shows a notification the user wants live. */
export function applyLiveEvent(event: LiveEvent, qc: QueryClient, onPing: (n: NotificationDto) => void) {
  const invalidate = (queryKey: readonly unknown[]) => void qc.invalidateQueries({ queryKey });
  switch (event.type) {
    case 'message':
      rememberName(event.data.sender_id, event.data.sender_name);
      invalidate(threadKeys.detail(event.data.thread_id));
      invalidate(threadKeys.lists);
      invalidate(threadKeys.unread);
      // a new feedback is listed on its warning's page
      if (event.data.kind === 'feedback') invalidate(threadKeys.details);
      break;
    case 'read':
      rememberName(event.data.user_id, event.data.user_name);
      invalidate(threadKeys.detail(event.data.thread_id));
      invalidate(threadKeys.lists);
      invalidate(threadKeys.unread);
      break;
    case 'notification':
      invalidate(notificationKeys.all);
      if (event.data.ping) onPing(event.data.notification);
      break;
    case 'notifications_read':
      invalidate(notificationKeys.all);
      break;
    case 'reset':
      invalidate(threadKeys.all);
      invalidate(notificationKeys.all);
      break;
  }
}
