import { can, type HasPermissions } from '@/lib/permissions';

/** Runs the exchange (a liaison officer, `exchange.manage`): every page, every package, approvals. */
export function runsExchange(me: HasPermissions | undefined | null): boolean {
  return can(me, 'exchange.manage');
}

/**
 * May only ask for cases to be sent (`exchange.request` without `exchange.manage`, an
 * investigator): the request form and one's own requests; a liaison officer approves them.
 */
export function onlyRequests(me: HasPermissions | undefined | null): boolean {
  return !runsExchange(me) && can(me, 'exchange.request');
}
