import { describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import '@/i18n/investigations';
import { event, investigation } from '../test/fixtures';
import { describeEvent, entrySeqs, knownNames, linkLabels, timelineQueryFromParams, type Translate } from './timeline';
import { EVENT_KINDS } from '../api/types';

const en = i18n.getFixedT('en', 'investigations') as unknown as Translate;
const fr = i18n.getFixedT('fr', 'investigations') as unknown as Translate;
const ctx = { names: knownNames(investigation), linkLabels: new Map<string, string>() };

describe('timeline events in words', () => {
  it('says a transition with who, from, to and why', () => {
    const e = event(1, 'transition', { from: 'assigned', to: 'in_progress', reason: 'Lead took it up', outcome: null });
    expect(describeEvent(en, e, ctx)).toBe('Lena moved it from Assigned to In progress: Lead took it up');
    expect(describeEvent(fr, e, ctx)).toBe('Lena l’a fait passer de «\u00a0Attribuée\u00a0» à «\u00a0En cours\u00a0»\u00a0: Lead took it up');
  });

  it('says a closing with its outcome', () => {
    const e = event(2, 'transition', { from: 'under_review', to: 'closed', reason: 'Sent to the prosecutor', outcome: 'prosecution' });
    expect(describeEvent(en, e, ctx)).toBe('Lena moved it from Under review to Closed (outcome: Prosecution): Sent to the prosecutor');
  });

  it('says tasks added and updated, naming the assignee from the team', () => {
    expect(describeEvent(en, event(3, 'task_added', { title: 'Interview the courier', assignee_id: null, due_date: null }), ctx)).toBe('Task added: Interview the courier');
    expect(describeEvent(en, event(4, 'task_added', { title: 'Phones', assignee_id: 'paul' }), ctx)).toBe('Task added: Phones, for Paul Durand');
    expect(describeEvent(en, event(5, 'task_updated', { title: 'Phones', fields: ['status', 'assignee_id', 'due_date'], status: 'done', assignee_id: 'lena' }), ctx)).toBe(
      'Task Phones updated: now Done, assigned to Lena Moreau, Due date',
    );
  });

  it('says links added, and names a removed one from the event that added it', () => {
    const added = event(6, 'link_added', { target_kind: 'person', target_id: 'p1', role: 'suspect', label: 'BENSALEH Abdelkader' }, { object_id: 'l1' });
    const removed = event(7, 'link_removed', { target_kind: 'person', role: 'suspect' }, { object_id: 'l1' });
    expect(describeEvent(en, added, ctx)).toBe('Linked BENSALEH Abdelkader (Person) as Suspect');
    expect(describeEvent(en, removed, ctx)).toBe('Link removed: a record (Person, Suspect)');
    expect(describeEvent(en, removed, { ...ctx, linkLabels: linkLabels([added]) })).toBe('Link removed: BENSALEH Abdelkader (Person, Suspect)');
  });

  it('names members by the team, units included, and falls back when they are gone', () => {
    expect(describeEvent(en, event(8, 'member_added', { user_id: 'paul', unit_id: null }), ctx)).toBe('Added to the team: Paul Durand');
    expect(describeEvent(en, event(9, 'member_added', { user_id: null, unit_id: 'unit-2' }), ctx)).toBe('Added to the team: Roissy Fret');
    expect(describeEvent(en, event(10, 'member_removed', { user_id: 'gone', unit_id: null }), ctx)).toBe('Removed from the team: a user');
  });

  it('prefers the names the server kept with the event (a member since removed, a removed link)', () => {
    expect(describeEvent(en, event(11, 'member_removed', { user_id: 'gone', unit_id: null, name: 'Max Petit' }), ctx)).toBe('Removed from the team: Max Petit');
    expect(describeEvent(en, event(12, 'link_removed', { target_kind: 'person', role: 'suspect', label: 'IVANOFF, Ivan' }), ctx)).toBe(
      'Link removed: IVANOFF, Ivan (Person, Suspect)',
    );
    expect(describeEvent(en, event(13, 'task_added', { title: 'Phones', assignee_id: 'gone', assignee_name: 'Max Petit' }), ctx)).toBe('Task added: Phones, for Max Petit');
  });

  it('says journal entries and corrections, with the corrected entry’s number when known', () => {
    const first = event(11, 'journal', { seq: 1, kind: 'finding', corrects_id: null }, { object_id: 'j1' });
    const fix = event(12, 'journal', { seq: 2, kind: 'note', corrects_id: 'j1' }, { object_id: 'j2' });
    expect(describeEvent(en, first, ctx)).toBe('Journal entry 1 written (Finding)');
    expect(describeEvent(en, fix, ctx)).toBe('Journal entry 2 written (Note), correcting an earlier entry');
    expect(describeEvent(en, fix, { ...ctx, entrySeqs: entrySeqs([first, fix]) })).toBe('Journal entry 2 written (Note), correcting entry 1');
  });

  it('says the opening and corrections with the fields named', () => {
    expect(describeEvent(en, event(13, 'opened', { reference: 'FR-INV-2026-000012', title: 'Couriers' }), ctx)).toBe('Lena opened the investigation: Couriers');
    expect(describeEvent(en, event(14, 'updated', { fields: ['title', 'lead_id'] }), ctx)).toBe('Lena corrected: Title, Lead investigator');
    expect(describeEvent(en, event(15, 'updated', {}, { actor: null }), ctx)).toBe('Someone corrected the investigation');
  });
});

describe('timeline helpers', () => {
  it('knows the names of the lead, the team and the actors', () => {
    const names = knownNames(investigation, [event(1, 'opened', {}, { actor: { id: 'x', name: 'Xavier' } })]);
    expect(names.get('lena')).toBe('Lena Moreau');
    expect(names.get('unit-2')).toBe('Roissy Fret');
    expect(names.get('x')).toBe('Xavier');
  });

  it('reads kinds and order from the address', () => {
    expect(timelineQueryFromParams(new URLSearchParams('kinds=journal,bogus,transition,journal&order=asc'), EVENT_KINDS)).toEqual({ kinds: ['journal', 'transition'], order: 'asc' });
    expect(timelineQueryFromParams(new URLSearchParams(''), EVENT_KINDS)).toEqual({ kinds: [], order: 'desc' });
  });
});
