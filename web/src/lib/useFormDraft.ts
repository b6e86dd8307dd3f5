/**
 * A form's unsaved work kept in this browser (localStorage), so that a crash, a reload or an
 * ended session does not lose it: while the form is dirty its values are saved a moment after
 * each change (and at once when the page goes away or the form unmounts); when the form opens
 * and a saved draft exists, the caller offers to restore it. A successful save clears it.
 *
 * Drafts are per user and per record (`draftKey`), older ones than `MAX_AGE_MS` are dropped.
 * They hold what the form holds, so they stay on this device only and are never sent anywhere.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

const PREFIX = 'ncen.draft';
const FORMAT = 1;

/** How long a draft is kept: a week. */
export const MAX_AGE_MS = 7 * 24 * 3600_000;

/** The storage key of a draft: one per user, kind of form and record (`new` for a record not yet saved). */
export function draftKey(userId: string, form: string, recordId: string | null | undefined): string {
  return `${PREFIX}.${form}.${userId}.${recordId ?? 'new'}`;
}

export interface StoredDraft<T> {
  values: T;
  /** When it was saved (RFC 3339). */
  savedAt: string;
  /** The version of the record the form was opened on (null for a new record). */
  base: number | null;
}

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null; // storage disabled
  }
}

/** The draft saved under `key`, or null (none, unreadable or too old: those are removed). */
export function readDraft<T>(key: string, now: number = Date.now()): StoredDraft<T> | null {
  const s = storage();
  if (!s) return null;
  try {
    const raw = s.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredDraft<T>> & { format?: number };
    const at = typeof parsed.savedAt === 'string' ? Date.parse(parsed.savedAt) : NaN;
    if (parsed.format !== FORMAT || typeof parsed.values !== 'object' || parsed.values === null || !(now - at < MAX_AGE_MS)) {
      s.removeItem(key);
      return null;
    }
    return { values: parsed.values as T, savedAt: parsed.savedAt as string, base: parsed.base ?? null };
  } catch {
    return null;
  }
}

export function writeDraft<T>(key: string, values: T, base: number | null, now: Date = new Date()): void {
  try {
    storage()?.setItem(key, JSON.stringify({ format: FORMAT, savedAt: now.toISOString(), base, values }));
  } catch {
    /* full or disabled: the leave guard still protects the work */
  }
}

export function removeDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    /* disabled */
  }
}

/** Removes every draft of this browser that is older than `MAX_AGE_MS`. */
export function pruneDrafts(now: number = Date.now()): void {
  const s = storage();
  if (!s) return;
  try {
    const keys: string[] = [];
    for (let i = 0; i < s.length; i += 1) {
      const k = s.key(i);
      if (k?.startsWith(`${PREFIX}.`)) keys.push(k);
    }
    keys.forEach((k) => readDraft(k, now));
  } catch {
    /* disabled */
  }
}

export interface FormDraftOptions<T> {
  /** Where to keep the draft (`draftKey`); null keeps none. Read once, when the hook mounts. */
  storageKey: string | null;
  values: T;
  /** Whether the form differs from what it was opened with: only then is a draft kept. */
  dirty: boolean;
  /** The version of the record the form was opened on (null for a new record). */
  base?: number | null;
  /** Quiet time after a change before saving. */
  delayMs?: number;
}

export interface FormDraft<T> {
  /** The draft found when the form opened, until restored or discarded. Nothing is saved meanwhile. */
  offer: StoredDraft<T> | null;
  /** Takes the offered draft: returns its values (to put in the form) and stops offering it. */
  restore: () => T | null;
  /** Throws the offered draft away. */
  discard: () => void;
  /** Forgets the draft for good (after a successful save, or when the user chose to leave). */
  clear: () => void;
}

export function useFormDraft<T>({ storageKey, values, dirty, base = null, delayMs = 600 }: FormDraftOptions<T>): FormDraft<T> {
  const [offer, setOffer] = useState<StoredDraft<T> | null>(() => {
    if (!storageKey) return null;
    pruneDrafts();
    return readDraft<T>(storageKey);
  });
  // what waits to be written (flushed when the page goes away or the form unmounts)
  const pending = useRef<{ values: T; base: number | null } | null>(null);
  const stopped = useRef(false);

  const flush = useCallback(() => {
    if (!storageKey || stopped.current || !pending.current) return;
    writeDraft(storageKey, pending.current.values, pending.current.base);
    pending.current = null;
  }, [storageKey]);

  useEffect(() => {
    if (!storageKey || offer || stopped.current) return;
    if (!dirty) {
      // back to what was opened: nothing to keep
      pending.current = null;
      removeDraft(storageKey);
      return;
    }
    pending.current = { values, base };
    const timer = window.setTimeout(flush, delayMs);
    return () => window.clearTimeout(timer);
  }, [storageKey, offer, dirty, values, base, delayMs, flush]);

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const restore = useCallback((): T | null => {
    const values = offer?.values ?? null;
    setOffer(null);
    return values;
  }, [offer]);

  const discard = useCallback(() => {
    if (storageKey) removeDraft(storageKey);
    setOffer(null);
  }, [storageKey]);

  const clear = useCallback(() => {
    stopped.current = true;
    pending.current = null;
    if (storageKey) removeDraft(storageKey);
    setOffer(null);
  }, [storageKey]);

  return { offer, restore, discard, clear };
}
