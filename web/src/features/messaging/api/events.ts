import { fetchEventSource, type EventSourceMessage } from '@microsoft/fetch-event-source';
import { refreshSession } from '@/api/auth';
import { apiBaseUrl } from '@/lib/config';
import { shareLiveEvent } from '@/lib/liveEvents';
import { session } from '@/lib/session';
import { backoffDelay, parseLiveEvent, type LiveEvent } from '../lib/live';

export type LiveStatus = 'connecting' | 'open' | 'retrying' | 'stopped';

export interface LiveOptions {
  onEvent: (event: LiveEvent) => void;
  onStatus?: (status: LiveStatus) => void;
  /** delay before reconnect attempt n (0-based) */
  backoff?: (attempt: number) => number;
  /** the access token for each (re)connection */
  token?: () => string | null;
  /** a fresh access token after a 401, or null when the session has ended */
  refresh?: () => Promise<string | null>;
  fetch?: typeof fetch;
}

class Retry extends Error {}
class Fatal extends Error {}

/**
 * Opens GET /events with fetch streaming (the bearer token cannot go through EventSource) and
 * keeps it open: the stream is reopened after an error or when the server closes it, with
 * backoff, a fresh token and `Last-Event-ID` so missed events are replayed. A 401 refreshes
 * the token once and reconnects at once; a refused refresh ends the session. Returns `stop`.
 */
export function connectLive(options: LiveOptions): () => void {
  const {
    onEvent,
    onStatus = () => {},
    backoff = backoffDelay,
    token = () => session.token(),
    refresh = refreshSession,
    fetch: doFetch = (input, init) => globalThis.fetch(input, init),
  } = options;
  const controller = new AbortController();
  let lastId = '';
  let attempt = 0;
  let immediate = false;

  onStatus('connecting');
  void fetchEventSource(`${apiBaseUrl()}/api/v1/events`, {
    signal: controller.signal,
    openWhenHidden: true,
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      const bearer = token();
      if (bearer) headers.set('Authorization', `Bearer ${bearer}`);
      if (lastId) headers.set('Last-Event-ID', lastId);
      else headers.delete('Last-Event-ID');
      return doFetch(input, { ...init, headers, cache: 'no-store' });
    },
    async onopen(response) {
      const type = response.headers.get('content-type') ?? '';
      if (response.ok && type.startsWith('text/event-stream')) {
        attempt = 0;
        onStatus('open');
        return;
      }
      if (response.status === 401) {
        if (!(await refresh())) {
          session.expired();
          throw new Fatal('session ended');
        }
        // once: a server that keeps refusing fresh tokens gets the backoff
        immediate = attempt === 0;
      }
      throw new Retry(`HTTP ${response.status}`);
    },
    onmessage(message: EventSourceMessage) {
      if (message.id) lastId = message.id;
      const event = parseLiveEvent(message);
      if (event) onEvent(event);
      // the other features' pages hear every event too (an import's progress, a reset)
      shareLiveEvent(message.event || 'message', message.data);
    },
    onclose() {
      // the server ended the stream (e.g. the token expired): reconnect
      throw new Retry('closed');
    },
    onerror(error: unknown) {
      if (error instanceof Fatal) throw error;
      onStatus('retrying');
      if (immediate) {
        immediate = false;
        attempt += 1;
        return 0;
      }
      return backoff(attempt++);
    },
  })
    .catch(() => {})
    .finally(() => onStatus('stopped'));

  return () => controller.abort();
}
