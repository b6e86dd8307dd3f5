/**
 * What an audit event is about, as an auditor reads it: the object's label (a case's
 * reference, a person's name… resolved by the server) linked to its page when the reader may
 * open it, never a bare identifier.
 */
import { can, canAny, type HasPermissions } from '@/lib/permissions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(v: unknown): v is string {
  return typeof v === 'string' && UUID.test(v);
}

/** The first characters of an identifier, for a tooltip-backed hint (the whole id is in the tooltip). */
export function shortId(id: string): string {
  return id.length > 10 ? `${id.slice(0, 8)}…` : id;
}

/** Object types whose label the server looks up: no label means the record is gone. */
export const LABELLED_TYPES: readonly string[] = ['seizure', 'person', 'company', 'conveyance', 'user', 'unit', 'thread'];

/** The page of an object of `type`, if it has one the reader may open. */
export function objectHref(type: string | null | undefined, id: string | null | undefined, me: HasPermissions | undefined): string | null {
  if (!type || !id) return null;
  const segment = encodeURIComponent(id);
  switch (type) {
    case 'seizure':
      return can(me, 'seizures.read') ? `/seizures/${segment}` : null;
    case 'person':
      return can(me, 'registers.read') ? `/registers/persons/${segment}` : null;
    case 'company':
      return can(me, 'registers.read') ? `/registers/companies/${segment}` : null;
    case 'conveyance':
      return can(me, 'registers.read') ? `/registers/conveyances/${segment}` : null;
    case 'user':
      return canAny(me, ['users.read', 'users.manage']) ? `/admin/users/${segment}` : null;
    case 'unit':
      return can(me, 'units.manage') ? `/admin/units?unit=${segment}` : null;
    case 'alert':
      return can(me, 'alerts.write') ? `/alerts/${segment}` : null;
    case 'alert_hit':
      return can(me, 'alerts.write') ? `/alerts/hits/${segment}` : null;
    case 'thread':
      // need-to-know: the thread page answers "not found" to whoever may not read it
      return `/messages/${segment}`;
    case 'codelist_entry': {
      const list = id.split('/')[0];
      return list && can(me, 'codelists.manage') ? `/admin/codelists/${encodeURIComponent(list)}` : null;
    }
    default:
      return null;
  }
}

export type ObjectText =
  /** the server's label (reference, name, subject) */
  | { kind: 'label'; text: string }
  /** an identifier that is itself readable (a code list entry `countries/FR`) */
  | { kind: 'code'; text: string }
  /** a record the server no longer finds */
  | { kind: 'deleted' }
  /** an object with no name of its own (a session, an attachment): its type says enough */
  | { kind: 'typeOnly' };

/** What to show for an event's object (the id itself only ever goes in a tooltip). */
export function objectText(type: string | null | undefined, id: string | null | undefined, label: string | null | undefined): ObjectText {
  if (label && label.trim()) return { kind: 'label', text: label };
  if (type === 'codelist_entry' && id) return { kind: 'code', text: id.replace('/', ' / ') };
  if (type && LABELLED_TYPES.includes(type) && id) return { kind: 'deleted' };
  return { kind: 'typeOnly' };
}
