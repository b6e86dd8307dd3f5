/**
 * Recipients of a message (users and units, as `GET /recipients` finds them): the picked value
 * the recipient picker holds, and the participant references a thread is sent with.
 */
import type { components } from '@/api/schema';

type Recipient = components['schemas']['Recipient'];
type ParticipantRef = components['schemas']['ParticipantRef'];

/** A picked recipient (a user or a unit); `value` is `user:<id>` or `unit:<id>`. */
export interface RecipientValue {
  value: string;
  user_id: string | null;
  unit_id: string | null;
  name: string;
  detail: string | null;
}

export function recipientValue(r: Recipient): RecipientValue {
  const user_id = r.user_id ?? null;
  const unit_id = user_id ? null : (r.unit_id ?? null);
  return { value: user_id ? `user:${user_id}` : `unit:${unit_id ?? ''}`, user_id, unit_id, name: r.name, detail: r.detail ?? null };
}

/** The picked recipients as a thread's `participants`. */
export function participantRefs(values: readonly RecipientValue[]): ParticipantRef[] {
  return values.map((p) => (p.user_id ? { user_id: p.user_id } : { unit_id: p.unit_id ?? '' }));
}
