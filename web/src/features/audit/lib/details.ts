/**
 * An audit event's `details` (free-form JSON) sorted into what an auditor reads:
 * - `changes: {field: {old, new}}` (user, unit and code-list updates) and the `from`/`to` of a
 *   case's status change → before → after rows;
 * - `reason` and `comment` → text;
 * - the read-volume alert's counts → one sentence;
 * - everything else that is set → key/value facts.
 * The raw JSON stays available behind "technical details".
 */
import { BULK_READ } from './actions';

export interface ChangeEntry {
  field: string;
  old: unknown;
  new: unknown;
}

export interface BulkRead {
  records: number;
  windowSecs: number;
  threshold: number | null;
}

export interface DetailsView {
  changes: ChangeEntry[];
  texts: { key: string; text: string }[];
  facts: { key: string; value: unknown }[];
  bulkRead: BulkRead | null;
}

const TEXT_KEYS = ['reason', 'comment'];

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function isChange(v: unknown): v is { old?: unknown; new?: unknown } {
  return isObject(v) && ('old' in v || 'new' in v) && Object.keys(v).every((k) => k === 'old' || k === 'new');
}

/** A case's workflow step (`seizure.submit`…) carries its status change as `from`/`to`. */
function isStatusStep(action: string, d: Record<string, unknown>): boolean {
  return action.startsWith('seizure.') && typeof d.from === 'string' && typeof d.to === 'string';
}

export function describeDetails(action: string, details: unknown): DetailsView {
  const view: DetailsView = { changes: [], texts: [], facts: [], bulkRead: null };
  if (details === null || details === undefined) return view;
  if (!isObject(details)) {
    view.facts.push({ key: 'value', value: details });
    return view;
  }
  const d = details;
  const used = new Set<string>();

  if (isObject(d.changes) && Object.values(d.changes).every(isChange)) {
    for (const [field, change] of Object.entries(d.changes)) {
      const c = change as { old?: unknown; new?: unknown };
      view.changes.push({ field, old: c.old ?? null, new: c.new ?? null });
    }
    used.add('changes');
  }
  if (isStatusStep(action, d)) {
    view.changes.push({ field: 'status', old: d.from, new: d.to });
    used.add('from').add('to');
  }
  if (action === BULK_READ && typeof d.records === 'number' && typeof d.window_secs === 'number') {
    view.bulkRead = {
      records: d.records,
      windowSecs: d.window_secs,
      threshold: typeof d.threshold === 'number' ? d.threshold : null,
    };
    used.add('records').add('window_secs').add('threshold');
  }
  for (const key of TEXT_KEYS) {
    const v = d[key];
    if (typeof v === 'string' && v.trim()) {
      view.texts.push({ key, text: v });
      used.add(key);
    } else if (v === null || v === undefined || v === '') {
      used.add(key);
    }
  }
  for (const [key, value] of Object.entries(d)) {
    // an unset value (a filter not used, no parent) says nothing: left to the technical details
    if (used.has(key) || value === null || value === undefined) continue;
    view.facts.push({ key, value });
  }
  return view;
}

/** True when there is nothing readable to show beyond the technical details. */
export function isEmptyView(v: DetailsView): boolean {
  return v.changes.length === 0 && v.texts.length === 0 && v.facts.length === 0 && !v.bulkRead;
}

export interface ValueWords {
  none: string;
  yes: string;
  no: string;
  /** a value of `field` in words (e.g. a case status), or undefined to keep it */
  code?: (field: string, value: string) => string | undefined;
}

/** A JSON value as lines of text: lists one item a line, objects `key: value`, null as a dash. */
export function valueLines(value: unknown, words: ValueWords, field = ''): string[] {
  if (value === null || value === undefined || value === '') return [words.none];
  if (typeof value === 'boolean') return [value ? words.yes : words.no];
  if (typeof value === 'string') return [words.code?.(field, value) ?? value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) {
    if (value.length === 0) return [words.none];
    return value.flatMap((item) => (isObject(item) ? [inline(item)] : valueLines(item, words, field)));
  }
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return [words.none];
    return entries.map(([k, v]) => `${k}: ${isObject(v) || Array.isArray(v) ? inline(v) : valueLines(v, words, k).join(', ')}`);
  }
  return [String(value)];
}

/** A small object on one line (`{"type":"passport"}` → `type: passport`). */
function inline(v: unknown): string {
  if (isObject(v)) {
    return Object.entries(v)
      .filter(([, x]) => x !== null && x !== undefined && x !== '')
      .map(([k, x]) => `${k}: ${typeof x === 'object' ? JSON.stringify(x) : String(x)}`)
      .join(', ');
  }
  return JSON.stringify(v);
}
