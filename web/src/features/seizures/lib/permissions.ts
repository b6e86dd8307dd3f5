import type { Case } from '@/api/types';
import { can, type HasPermissions } from '@/lib/permissions';

type Me = (HasPermissions & { id: string; unit_id: string }) | undefined | null;

/**
 * Mirrors the server's rules (core/src/seizures/mod.rs and workflow.rs): the reporting unit
 * works on its own cases, and a supervisor who created, edited or submitted a case does not
 * validate it (four eyes: `fourEyes` says why the button is not offered). A submitted case is
 * sent back for correction; only a validated one is reopened.
 */
export function caseAbilities(me: Me, c: Pick<Case, 'status' | 'reporting_unit_id'> & { contributors?: string[] }) {
  const own = !!me && me.unit_id === c.reporting_unit_id;
  const write = own && can(me, 'seizures.write');
  const validate = own && can(me, 'seizures.validate');
  const contributed = !!me && (c.contributors ?? []).includes(me.id);
  const awaitsValidation = validate && c.status === 'submitted';
  return {
    edit: (write && c.status === 'draft') || (validate && c.status === 'submitted'),
    submit: write && c.status === 'draft',
    validate: awaitsValidation && !contributed,
    fourEyes: awaitsValidation && contributed,
    /** a submitted case back to its officer for correction (`return`) */
    sendBack: validate && c.status === 'submitted',
    /** a validated case back to draft (`reopen`) */
    reopen: validate && c.status === 'validated',
  };
}
