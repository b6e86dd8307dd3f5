import type { Me } from '@/api/types';
import { can } from '@/lib/permissions';
import type { Alert } from '../api/types';

export interface AlertAbilities {
  edit: boolean;
  activate: boolean;
  renew: boolean;
  withdraw: boolean;
  /** The user wrote or owns the alert: the server refuses them activate and renew (`own_alert`). */
  own: boolean;
}

/**
 * What the user may do with an alert of their unit, as the server decides: write and withdraw
 * (`alerts.write`) — edit a draft only —; activate a draft and renew an active or expired alert
 * (`alerts.activate`), not one they wrote or own (`own` then tells why the step is unavailable).
 */
export function alertAbilities(me: Me | undefined, a: Alert): AlertAbilities {
  const writer = can(me, 'alerts.write');
  const supervisor = can(me, 'alerts.activate');
  const own = !!me && (a.owner.id === me.id || a.created_by.id === me.id);
  return {
    edit: writer && a.status === 'draft',
    activate: supervisor && a.status === 'draft',
    renew: supervisor && (a.status === 'active' || a.status === 'expired'),
    withdraw: writer && a.status !== 'withdrawn',
    own,
  };
}
