import { useSyncExternalStore } from 'react';
import { session } from './session';

/** The in-memory session state (status and token), re-rendering on change. */
export function useSession() {
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}

/** Only same-app paths are accepted as a place to return to after sign-in. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/signin')) return '/';
  return next;
}
