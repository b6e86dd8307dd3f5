/**
 * The tasks of an investigation on a board (a column per status) or in a list, and what the
 * task dialog sends.
 */
import { mergePatch, type MergePatch } from '@/lib/patch';
import type { ChecklistItem, Task, TaskInput, TaskStatus } from '../api/types';
import { TASK_STATUSES } from '../api/types';

/** Soonest due first, those without a due date after them, then by title. */
export function byDueDate(a: Task, b: Task): number {
  const da = a.due_date ?? '9999-12-31';
  const db = b.due_date ?? '9999-12-31';
  return da < db ? -1 : da > db ? 1 : a.title.localeCompare(b.title);
}

/** The board: every status a column (even empty), each column soonest due first. */
export function groupTasks(tasks: readonly Task[]): Record<TaskStatus, Task[]> {
  const out = Object.fromEntries(TASK_STATUSES.map((s) => [s, [] as Task[]])) as Record<TaskStatus, Task[]>;
  for (const task of tasks) (out[task.status] ?? out.open).push(task);
  for (const s of TASK_STATUSES) out[s].sort(byDueDate);
  return out;
}

/** The list: open and in progress first (soonest due first), then done and cancelled. */
export function sortTaskList(tasks: readonly Task[]): Task[] {
  const rank = (s: TaskStatus) => (s === 'open' || s === 'in_progress' ? 0 : 1);
  return [...tasks].sort((a, b) => rank(a.status) - rank(b.status) || byDueDate(a, b));
}

/** How much of the checklist is ticked. */
export function checklistProgress(items: readonly ChecklistItem[]): { done: number; total: number } {
  return { done: items.filter((i) => i.done).length, total: items.length };
}

/** What the task dialog edits. */
export interface TaskEdit {
  status: TaskStatus;
  assignee_id: string | null;
  due_date: string;
  checklist: ChecklistItem[];
}

export function taskToEdit(task: Task): TaskEdit {
  return {
    status: task.status,
    assignee_id: task.assignee?.id ?? null,
    due_date: task.due_date ?? '',
    checklist: task.checklist.map((i) => ({ text: i.text, done: !!i.done })),
  };
}

/**
 * The merge patch of what the dialog changed — only that, so an assignee who moves its task
 * or ticks its checklist sends nothing the server reserves to the lead.
 */
export function taskPatch(task: Task, edit: TaskEdit): MergePatch<TaskInput> {
  const before = taskToEdit(task);
  const patch = mergePatch<Omit<TaskEdit, 'due_date'> & { due_date: string | null }>(
    { ...before, due_date: before.due_date || null },
    { ...edit, due_date: edit.due_date || null },
  );
  return patch as MergePatch<TaskInput>;
}

/** Whom a task may be given to, as the page knows them: the lead and the users on the team (a member unit's users are not listed). */
export function assigneeOptions(inv: { lead?: { id: string; name: string } | null; members: readonly { user?: { id: string; name: string } | null }[] }, keep?: { id: string; name: string } | null): { value: string; label: string }[] {
  const out = new Map<string, string>();
  if (inv.lead) out.set(inv.lead.id, inv.lead.name);
  for (const m of inv.members) if (m.user) out.set(m.user.id, m.user.name);
  if (keep && !out.has(keep.id)) out.set(keep.id, keep.name);
  return [...out].map(([value, label]) => ({ value, label }));
}

/** The language task templates are titled in: the UI's, where the server has it, else English. */
export function templateLang(lang: string): 'en' | 'fr' | 'ar' {
  const base = lang.split('-')[0] ?? 'en';
  return base === 'fr' || base === 'ar' ? base : 'en';
}

/** A checklist typed one item per line. */
export function checklistFromLines(text: string): ChecklistItem[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((text) => ({ text, done: false }));
}
