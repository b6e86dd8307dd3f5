import type { Case } from '@/api/types';
import { can, type HasPermissions } from '@/lib/permissions';

type Me = (HasPermissions & { unit_id: string }) | undefined | null;

/** Mirrors the server's rules (core/src/seizures/mod.rs): the reporting unit works on its own cases. */
export function caseAbilities(me: Me, c: Pick<Case, 'status' | 'reporting_unit_id'>) {
  const own = !!me && me.unit_id === c.reporting_unit_id;
  const write = own && can(me, 'seizures.write');
  const validate = own && can(me, 'seizures.validate');
  return {
    edit: (write && c.status === 'draft') || (validate && c.status === 'submitted'),
    submit: write && c.status === 'draft',
    validate: validate && c.status === 'submitted',
    reopen: validate && (c.status === 'submitted' || c.status === 'validated'),
  };
}
