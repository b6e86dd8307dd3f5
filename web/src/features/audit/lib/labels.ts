/** Labels of the keys of an audit event's details. */
import type { TFunction } from 'i18next';
import { isRecordKind, recordFieldLabel } from '@/lib/recordHistory';

/** Actions whose details describe an HTTP request (`method`, `route`, `status`…). */
function isRequestEvent(action: string): boolean {
  return action.startsWith('access.') || action.startsWith('request.');
}

/**
 * The i18n key of a detail key's label, if the app has one: a request's keys read as such, a
 * register record's fields take the labels of the record forms.
 */
export function detailLabelKey(t: TFunction, key: string, action = '', objectType?: string | null): string | undefined {
  if (!/^[a-z][a-z0-9_]*$/.test(key)) return undefined;
  const has = (full: string) => {
    const label = t(full, { defaultValue: '' });
    return typeof label === 'string' && label !== '';
  };
  if (isRequestEvent(action) && has(`audit.requestKeys.${key}`)) return `audit.requestKeys.${key}`;
  if (isRecordKind(objectType)) {
    const record = recordFieldLabel(objectType, key);
    if (record) return record;
  }
  return has(`audit.detailKeys.${key}`) ? `audit.detailKeys.${key}` : undefined;
}
