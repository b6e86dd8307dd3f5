import type { Me } from '@/api/types';
import { can } from '@/lib/permissions';
import type { Investigation, Task } from '../api/types';

/**
 * The permissions these screens ask: `investigations.work` on those one is entitled to,
 * `investigations.open` new ones; `users.read` lets a supervisor pick a lead among users.
 */
export type InvestigationPermission = 'investigations.work' | 'investigations.open' | 'users.read';

export function hasPermission(me: Pick<Me, 'permissions'> | undefined | null, p: InvestigationPermission): boolean {
  return can(me, p);
}

export function isSupervisor(me: Pick<Me, 'roles'> | undefined | null): boolean {
  return !!me && me.roles.includes('supervisor');
}

export interface InvestigationAbilities {
  /** The lead or a supervisor of the supervising unit: corrects it, its team, links and tasks. */
  manage: boolean;
  edit: boolean;
  /** Only a supervisor changes the lead (and picks them among users when they may read them). */
  changeLead: boolean;
  manageTeam: boolean;
  addLink: boolean;
  removeLink: boolean;
  addTask: boolean;
  writeJournal: boolean;
  /** Closed: no more work until a supervisor reopens it. */
  closed: boolean;
}

/**
 * What the caller may do with an investigation, as the server decides from their `standing`:
 * every team member links records and writes the journal; the lead and supervisors correct
 * it, manage its team and tasks and remove links; a closed one takes no work at all.
 */
export function investigationAbilities(me: Pick<Me, 'permissions'> | undefined, inv: Investigation): InvestigationAbilities {
  const closed = inv.status === 'closed';
  const manage = inv.standing === 'lead' || inv.standing === 'supervisor';
  const work = manage && !closed;
  return {
    manage,
    edit: work,
    changeLead: work && inv.standing === 'supervisor' && hasPermission(me, 'users.read'),
    manageTeam: work,
    addLink: !closed,
    removeLink: work,
    addTask: work,
    writeJournal: !closed,
    closed,
  };
}

/** What the caller may change on a task: everything (lead, supervisor), or its status and checklist (its assignee). */
export function taskAbilities(meId: string | undefined, inv: Investigation, task: Task): { any: boolean; all: boolean } {
  if (inv.status === 'closed') return { any: false, all: false };
  const all = inv.standing === 'lead' || inv.standing === 'supervisor';
  const own = !!meId && task.assignee?.id === meId;
  return { any: all || own, all };
}
