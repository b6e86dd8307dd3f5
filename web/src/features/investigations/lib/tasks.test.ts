import { describe, expect, it } from 'vitest';
import { investigation, task } from '../test/fixtures';
import { assigneeOptions, checklistFromLines, checklistProgress, groupTasks, sortTaskList, taskPatch, taskToEdit, templateLang } from './tasks';

describe('the task board', () => {
  it('has a column per status, soonest due first and undated last', () => {
    const board = groupTasks([
      task('a', { due_date: '2026-12-10' }),
      task('b', { status: 'done' }),
      task('c', { due_date: '2026-12-01' }),
      task('d'),
      task('e', { status: 'in_progress' }),
    ]);
    expect(Object.keys(board)).toEqual(['open', 'in_progress', 'done', 'cancelled']);
    expect(board.open.map((t) => t.id)).toEqual(['c', 'a', 'd']);
    expect(board.in_progress.map((t) => t.id)).toEqual(['e']);
    expect(board.done.map((t) => t.id)).toEqual(['b']);
    expect(board.cancelled).toEqual([]);
  });

  it('lists the work still to do first', () => {
    const list = sortTaskList([task('x', { status: 'done', due_date: '2026-01-01' }), task('y', { due_date: '2026-12-01' }), task('z', { status: 'in_progress', due_date: '2026-11-01' })]);
    expect(list.map((t) => t.id)).toEqual(['z', 'y', 'x']);
  });

  it('counts the checklist ticked', () => {
    expect(checklistProgress([{ text: 'a', done: true }, { text: 'b' }, { text: 'c', done: false }])).toEqual({ done: 1, total: 3 });
    expect(checklistProgress([])).toEqual({ done: 0, total: 0 });
  });
});

describe('what the task dialog sends', () => {
  const t = task('t', { status: 'open', assignee: { id: 'paul', name: 'Paul' }, due_date: '2026-12-01', checklist: [{ text: 'a' }, { text: 'b', done: true }] });

  it('sends only what changed: an assignee moving its task and ticking an item', () => {
    const edit = taskToEdit(t);
    expect(taskPatch(t, edit)).toEqual({});
    edit.status = 'in_progress';
    edit.checklist = edit.checklist.map((i) => ({ ...i, done: true }));
    expect(taskPatch(t, edit)).toEqual({ status: 'in_progress', checklist: [{ text: 'a', done: true }, { text: 'b', done: true }] });
  });

  it('clears the assignee and due date with null', () => {
    expect(taskPatch(t, { ...taskToEdit(t), assignee_id: null, due_date: '' })).toEqual({ assignee_id: null, due_date: null });
  });
});

describe('task helpers', () => {
  it('offers the lead and the users on the team, and keeps the current assignee', () => {
    expect(assigneeOptions(investigation)).toEqual([
      { value: 'lena', label: 'Lena Moreau' },
      { value: 'paul', label: 'Paul Durand' },
    ]);
    expect(assigneeOptions({ ...investigation, lead: null, members: [] }, { id: 'x', name: 'Gone' })).toEqual([{ value: 'x', label: 'Gone' }]);
  });

  it('asks templates in the UI language, English otherwise', () => {
    expect(templateLang('fr')).toBe('fr');
    expect(templateLang('ar-MA')).toBe('ar');
    expect(templateLang('de')).toBe('en');
  });

  it('reads a checklist one item per line', () => {
    expect(checklistFromLines(' a \n\n b')).toEqual([
      { text: 'a', done: false },
      { text: 'b', done: false },
    ]);
  });
});
