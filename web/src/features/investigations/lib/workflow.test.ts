import { describe, expect, it } from 'vitest';
import { investigation, task } from '../test/fixtures';
import { investigationAbilities, taskAbilities } from './abilities';
import { needsLead, orderedNext, transitionAction } from './workflow';

describe('workflow buttons', () => {
  it('names each move from where it starts', () => {
    expect(transitionAction('opened', 'assigned')).toBe('assigned');
    expect(transitionAction('assigned', 'in_progress')).toBe('in_progress');
    expect(transitionAction('under_review', 'in_progress')).toBe('sendBack');
    expect(transitionAction('suspended', 'under_review')).toBe('resume');
    expect(transitionAction('suspended', 'closed')).toBe('closed');
    expect(transitionAction('closed', 'reopened')).toBe('reopened');
  });

  it('shows forward moves first, then suspend and close', () => {
    expect(orderedNext(['closed', 'suspended', 'in_progress'])).toEqual(['in_progress', 'suspended', 'closed']);
  });

  it('knows which moves need a lead', () => {
    expect(needsLead('assigned')).toBe(true);
    expect(needsLead('suspended')).toBe(false);
  });
});

describe('abilities from the standing', () => {
  const me = { permissions: ['investigations.work', 'users.read'] };

  it('lets a supervisor do everything, and change the lead when they may read users', () => {
    const a = investigationAbilities(me, investigation);
    expect(a).toMatchObject({ manage: true, edit: true, changeLead: true, manageTeam: true, addTask: true, removeLink: true, writeJournal: true });
    expect(investigationAbilities({ permissions: [] }, investigation).changeLead).toBe(false);
  });

  it('lets a member link and write, not manage', () => {
    const a = investigationAbilities(me, { ...investigation, standing: 'member' });
    expect(a).toMatchObject({ manage: false, edit: false, manageTeam: false, addTask: false, addLink: true, removeLink: false, writeJournal: true });
  });

  it('takes no work on a closed investigation', () => {
    const a = investigationAbilities(me, { ...investigation, status: 'closed' });
    expect(a).toMatchObject({ closed: true, edit: false, addLink: false, writeJournal: false, addTask: false });
  });

  it('lets an assignee change its own task only', () => {
    const member = { ...investigation, standing: 'member' as const };
    expect(taskAbilities('paul', member, task('t', { assignee: { id: 'paul', name: 'Paul' } }))).toEqual({ any: true, all: false });
    expect(taskAbilities('paul', member, task('t'))).toEqual({ any: false, all: false });
    expect(taskAbilities('lena', { ...investigation, standing: 'lead' }, task('t'))).toEqual({ any: true, all: true });
  });
});
