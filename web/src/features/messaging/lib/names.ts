/**
 * Display names of users met in this session (message senders, readers from live `read`
 * events), so read receipts can name readers who take part through their unit.
 */
import { useSyncExternalStore } from 'react';

let names: ReadonlyMap<string, string> = new Map();
const listeners = new Set<() => void>();

export function rememberName(id: string, name: string) {
  if (!id || !name || names.get(id) === name) return;
  const next = new Map(names);
  next.set(id, name);
  names = next;
  listeners.forEach((l) => l());
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => {
    listeners.delete(l);
  };
}

/** Names known so far, by user id. */
export function useKnownNames(): ReadonlyMap<string, string> {
  return useSyncExternalStore(subscribe, () => names, () => names);
}
