import { describe, expect, it } from 'vitest';
import { describeDetails, isEmptyView, valueLines, type ValueWords } from './details';

const words: ValueWords = { none: '—', yes: 'Yes', no: 'No' };

describe('describeDetails', () => {
  it('turns `changes` into before → after entries and keeps nothing else', () => {
    const view = describeDetails('user.update', {
      changes: { display_name: { old: 'Jane Doe', new: 'Jane Smith' }, roles: { old: ['officer'], new: ['officer', 'supervisor'] } },
    });
    expect(view.changes).toEqual([
      { field: 'display_name', old: 'Jane Doe', new: 'Jane Smith' },
      { field: 'roles', old: ['officer'], new: ['officer', 'supervisor'] },
    ]);
    expect(view.facts).toEqual([]);
    expect(view.texts).toEqual([]);
    expect(isEmptyView(view)).toBe(false);
  });

  it('reads a case’s workflow step as a status change with its reason as text', () => {
    const view = describeDetails('seizure.return', { from: 'submitted', to: 'draft', reason: 'Seal number wrong' });
    expect(view.changes).toEqual([{ field: 'status', old: 'submitted', new: 'draft' }]);
    expect(view.texts).toEqual([{ key: 'reason', text: 'Seal number wrong' }]);
    expect(view.facts).toEqual([]);
  });

  it('drops an empty reason and unset values, keeps the rest as facts', () => {
    const view = describeDetails('seizure.submit', { from: 'draft', to: 'submitted', reason: null });
    expect(view.texts).toEqual([]);
    const exported = describeDetails('audit.export', { actor: 'jdoe', action: null, from: '2026-03-01T00:00:00Z', to: null, returned: 12 });
    expect(exported.changes).toEqual([]);
    expect(exported.facts).toEqual([
      { key: 'actor', value: 'jdoe' },
      { key: 'from', value: '2026-03-01T00:00:00Z' },
      { key: 'returned', value: 12 },
    ]);
  });

  it('does not take `from`/`to` of other events for a status change', () => {
    const view = describeDetails('audit.export', { from: 'a', to: 'b' });
    expect(view.changes).toEqual([]);
    expect(view.facts.map((f) => f.key)).toEqual(['from', 'to']);
  });

  it('reads a read-volume alert’s counts', () => {
    const view = describeDetails('alert.bulk_read', { records: 240, window_secs: 600, threshold: 200 });
    expect(view.bulkRead).toEqual({ records: 240, windowSecs: 600, threshold: 200 });
    expect(view.facts).toEqual([]);
  });

  it('keeps a `changes` that is not a change map as a fact', () => {
    const view = describeDetails('demo.generate', { changes: 3 });
    expect(view.changes).toEqual([]);
    expect(view.facts).toEqual([{ key: 'changes', value: 3 }]);
  });

  it('has nothing to show for no details, and shows a bare value', () => {
    expect(isEmptyView(describeDetails('auth.logout', null))).toBe(true);
    expect(isEmptyView(describeDetails('auth.logout', {}))).toBe(true);
    expect(describeDetails('x.y', 'odd').facts).toEqual([{ key: 'value', value: 'odd' }]);
  });
});

describe('valueLines', () => {
  it('writes values as lines of text', () => {
    expect(valueLines(null, words)).toEqual(['—']);
    expect(valueLines('', words)).toEqual(['—']);
    expect(valueLines([], words)).toEqual(['—']);
    expect(valueLines(true, words)).toEqual(['Yes']);
    expect(valueLines(42, words)).toEqual(['42']);
    expect(valueLines(['a', 'b'], words)).toEqual(['a', 'b']);
    expect(valueLines({ en: 'France', fr: 'France' }, words)).toEqual(['en: France', 'fr: France']);
    expect(valueLines([{ type: 'passport', number: 'X1', country: null }], words)).toEqual(['type: passport, number: X1']);
  });

  it('puts codes in words when told how', () => {
    const status: ValueWords = { ...words, code: (field, v) => (field === 'status' ? v.toUpperCase() : undefined) };
    expect(valueLines('draft', status, 'status')).toEqual(['DRAFT']);
    expect(valueLines('draft', status, 'other')).toEqual(['draft']);
    expect(valueLines(['officer'], status, 'status')).toEqual(['OFFICER']);
  });
});
