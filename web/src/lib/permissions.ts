import type { Role } from '@/api/types';

export type Permission =
  | 'users.read'
  | 'users.manage'
  | 'units.read'
  | 'units.manage'
  | 'codelists.read'
  | 'codelists.manage'
  | 'audit.read'
  | 'seizures.read'
  | 'seizures.write'
  | 'seizures.validate'
  | 'registers.read'
  | 'registers.write'
  | 'registers.merge'
  | 'companies.assess'
  | 'exchange.manage'
  | 'exchange.request'
  | 'alerts.write'
  | 'alerts.activate'
  | 'investigations.open'
  | 'investigations.work'
  | 'imports.run';

export interface HasPermissions {
  permissions: readonly string[];
}

export function can(user: HasPermissions | undefined | null, permission: Permission): boolean {
  return !!user && user.permissions.includes(permission);
}

export function canAny(user: HasPermissions | undefined | null, permissions: readonly Permission[]): boolean {
  return permissions.some((p) => can(user, p));
}

/** Roles a user may hold (DOMAIN.md), in display order; checked against the API's Role enum. */
export const ROLES = [
  'officer',
  'investigator',
  'analyst',
  'supervisor',
  'liaison',
  'auditor',
  'admin',
] as const satisfies readonly Role[];
