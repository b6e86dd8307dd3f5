/**
 * A timeline event in words, in the user's language ("Lena moved it from Assigned to In
 * progress: the lead took it up", "Task added: Interview the courier", "Linked BENSALEH
 * Abdelkader (person) as suspect"). The server records ids and codes; names come from what
 * the page knows (the team, the lead, the actors of the events loaded, the links added).
 */
import type { EventKind, Investigation, TimelineEvent } from '../api/types';

/** The namespace's `t` (or a stand-in in tests). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface TimelineContext {
  /** Users' and units' names by id. */
  names: ReadonlyMap<string, string>;
  /** Links' labels by link id (from the `link_added` events loaded): a removed link's event has none. */
  linkLabels: ReadonlyMap<string, string>;
  /** Journal entries' numbers by entry id, where known. */
  entrySeqs?: ReadonlyMap<string, number>;
}

type Details = Record<string, unknown>;

const str = (d: Details, key: string): string | null => {
  const v = d[key];
  return typeof v === 'string' && v.trim() ? v : null;
};
const num = (d: Details, key: string): number | null => (typeof d[key] === 'number' ? (d[key] as number) : null);
const list = (d: Details, key: string): string[] => (Array.isArray(d[key]) ? (d[key] as unknown[]).filter((x): x is string => typeof x === 'string') : []);

/** The names a page knows: the lead, the team, whoever opened it and the actors of the events loaded. */
export function knownNames(inv: Investigation | undefined, events: readonly TimelineEvent[] = []): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of events) if (e.actor) out.set(e.actor.id, e.actor.name);
  if (inv) {
    out.set(inv.created_by.id, inv.created_by.name);
    out.set(inv.unit.id, inv.unit.name);
    for (const m of inv.members) {
      if (m.user) out.set(m.user.id, m.user.name);
      if (m.unit) out.set(m.unit.id, m.unit.name);
    }
    if (inv.lead) out.set(inv.lead.id, inv.lead.name);
  }
  return out;
}

/** The labels of the links added in the events loaded, by link id. */
export function linkLabels(events: readonly TimelineEvent[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of events) {
    const label = e.kind === 'link_added' && e.object_id ? str(e.details as Details, 'label') : null;
    if (label && e.object_id) out.set(e.object_id, label);
  }
  return out;
}

/** What an event is about, in words: one sentence (the actor and date are shown beside it). */
export function describeEvent(t: Translate, ev: TimelineEvent, ctx: TimelineContext): string {
  const d = (ev.details ?? {}) as Details;
  const actor = ev.actor?.name ?? t('timeline.someone');
  const status = (s: string | null) => (s ? t(`statuses.${s}`, { defaultValue: s }) : '—');
  const name = (id: string | null, fallback: string) => (id ? (ctx.names.get(id) ?? fallback) : fallback);
  const kindLabel = (k: string | null) => (k ? t(`targetKinds.${k}`, { defaultValue: k }) : '—');
  const roleLabel = (r: string | null) => (r ? t(`linkRoles.${r}`, { defaultValue: r }) : '—');
  const sep = t('listSeparator');

  switch (ev.kind) {
    case 'opened':
      return t('timeline.events.opened', { actor, title: str(d, 'title') ?? str(d, 'reference') ?? '—' });
    case 'updated': {
      const fields = list(d, 'fields');
      if (fields.length === 0) return t('timeline.events.updatedNothing', { actor });
      return t('timeline.events.updated', { actor, fields: fields.map((f) => t(`fields.${f}`, { defaultValue: f })).join(sep) });
    }
    case 'transition': {
      const values = { actor, from: status(str(d, 'from')), to: status(str(d, 'to')), reason: str(d, 'reason') ?? '—' };
      const outcome = str(d, 'outcome');
      return outcome
        ? t('timeline.events.transitionOutcome', { ...values, outcome: t(`outcomes.${outcome}`, { defaultValue: outcome }) })
        : t('timeline.events.transition', values);
    }
    case 'member_added':
    case 'member_removed': {
      const user = str(d, 'user_id');
      const unit = str(d, 'unit_id');
      // the server keeps the name the member had then; older events carry ids only
      const who = str(d, 'name') ?? (user ? name(user, t('timeline.aUser')) : name(unit, t('timeline.aUnit')));
      return t(ev.kind === 'member_added' ? 'timeline.events.memberAdded' : 'timeline.events.memberRemoved', { name: who });
    }
    case 'link_added':
      return t('timeline.events.linkAdded', {
        label: str(d, 'label') ?? str(d, 'target_id') ?? '—',
        kind: kindLabel(str(d, 'target_kind')),
        role: roleLabel(str(d, 'role')),
      });
    case 'link_removed': {
      const label = str(d, 'label') ?? (ev.object_id ? ctx.linkLabels.get(ev.object_id) : undefined);
      const values = { kind: kindLabel(str(d, 'target_kind')), role: roleLabel(str(d, 'role')) };
      return label ? t('timeline.events.linkRemoved', { ...values, label }) : t('timeline.events.linkRemovedUnnamed', values);
    }
    case 'task_added': {
      const title = str(d, 'title') ?? '—';
      const assignee = str(d, 'assignee_id');
      return assignee
        ? t('timeline.events.taskAddedAssigned', { title, name: str(d, 'assignee_name') ?? name(assignee, t('timeline.aUser')) })
        : t('timeline.events.taskAdded', { title });
    }
    case 'task_updated': {
      const title = str(d, 'title') ?? '—';
      const changes = list(d, 'fields').map((f) => {
        if (f === 'status') return t('timeline.changes.status', { status: t(`taskStatuses.${str(d, 'status') ?? ''}`, { defaultValue: str(d, 'status') ?? '—' }) });
        if (f === 'assignee_id') {
          const a = str(d, 'assignee_id');
          return a ? t('timeline.changes.assignee', { name: str(d, 'assignee_name') ?? name(a, t('timeline.aUser')) }) : t('timeline.changes.unassigned');
        }
        return t(`taskFields.${f}`, { defaultValue: f });
      });
      return changes.length ? t('timeline.events.taskUpdated', { title, changes: changes.join(sep) }) : t('timeline.events.taskUpdatedNothing', { title });
    }
    case 'journal': {
      const seq = num(d, 'seq');
      const kind = str(d, 'kind');
      const values = { seq: seq ?? '—', kind: kind ? t(`entryKinds.${kind}`, { defaultValue: kind }) : '—' };
      const corrects = str(d, 'corrects_id');
      if (!corrects) return t('timeline.events.journal', values);
      const corrected = ctx.entrySeqs?.get(corrects);
      return corrected ? t('timeline.events.journalCorrects', { ...values, corrected }) : t('timeline.events.journalCorrection', values);
    }
    case 'message':
      return t('timeline.events.message');
    case 'hit':
      return t('timeline.events.hit');
    default:
      return t('timeline.events.other', { kind: String(ev.kind as EventKind) });
  }
}

/** The journal entries' numbers by entry id, from the `journal` events loaded. */
export function entrySeqs(events: readonly TimelineEvent[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of events) {
    const seq = e.kind === 'journal' && e.object_id ? num(e.details as Details, 'seq') : null;
    if (seq !== null && e.object_id) out.set(e.object_id, seq);
  }
  return out;
}

/** The timeline's filters, kept in the address: kinds (`kinds=transition,journal`; none: all) and order (`order=asc`; newest first by default). */
export function timelineQueryFromParams(params: URLSearchParams, known: readonly string[]): { kinds: string[]; order: 'asc' | 'desc' } {
  const kinds = (params.get('kinds') ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k, i, all) => known.includes(k) && all.indexOf(k) === i);
  return { kinds, order: params.get('order') === 'asc' ? 'asc' : 'desc' };
}
