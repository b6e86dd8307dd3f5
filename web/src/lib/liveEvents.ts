/**
 * The session's live events (GET /events) for any feature. One connection serves the whole
 * session (messaging's `LiveEvents`, mounted in the authenticated layout): it hands every event
 * here, and a page listens for the kinds it shows with `useLiveEvents` — an import's page, for
 * one, hears `import.progress`. Nothing is kept: an event arriving while no page listens is gone
 * (a page reads its data when it opens).
 */
import { useEffect, useEffectEvent } from 'react';

export interface SharedLiveEvent {
  /** the event's name (`import.progress`, `reset`, …) */
  kind: string;
  /** its data, parsed from JSON */
  data: unknown;
}

type Listener = (event: SharedLiveEvent) => void;

const listeners = new Set<Listener>();

/** Hands an event (its name and raw data) to the pages listening; malformed data is dropped. */
export function shareLiveEvent(kind: string, raw: string) {
  if (listeners.size === 0 || !raw) return;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return;
  }
  for (const listener of [...listeners]) listener({ kind, data });
}

/** Calls `onEvent` with every live event while the component is mounted. */
export function useLiveEvents(onEvent: Listener) {
  const handle = useEffectEvent(onEvent);
  useEffect(() => {
    const listener: Listener = (event) => handle(event);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
}
