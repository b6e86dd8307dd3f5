import { describe, expect, it } from 'vitest';
import { isEmptyPatch, mergePatch, sameJson } from './patch';

describe('sameJson', () => {
  it('compares JSON deeply, ignoring key order and treating missing, null, "" and [] alike', () => {
    expect(sameJson({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameJson({ a: null }, {})).toBe(true);
    expect(sameJson([], null)).toBe(true);
    expect(sameJson('', undefined)).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameJson([{ n: 'A' }], [{ n: 'A' }, { n: 'B' }])).toBe(false);
  });
});

describe('mergePatch', () => {
  const before = { family_name: 'DOE', given_names: 'Ann' as string | null, aliases: ['AD'], notes: null as string | null, documents: [{ number: 'X1' }] };

  it('sends only what changed', () => {
    const patch = mergePatch(before, { ...before, given_names: 'Anna' });
    expect(patch).toEqual({ given_names: 'Anna' });
  });

  it('clears a blanked field with null and an emptied list with []', () => {
    expect(mergePatch(before, { ...before, given_names: null, aliases: [] })).toEqual({ given_names: null, aliases: [] });
    expect(mergePatch(before, { ...before, given_names: '' })).toEqual({ given_names: null });
  });

  it('replaces lists and nested objects whole', () => {
    const after = { ...before, documents: [{ number: 'X1' }, { number: 'Y2' }] };
    expect(mergePatch(before, after)).toEqual({ documents: [{ number: 'X1' }, { number: 'Y2' }] });
    expect(mergePatch(before, { ...before, documents: [{ number: 'X9' }] })).toEqual({ documents: [{ number: 'X9' }] });
  });

  it('is empty when nothing changed, blank to blank included', () => {
    expect(isEmptyPatch(mergePatch(before, { ...before, notes: '' as unknown as null }))).toBe(true);
    expect(isEmptyPatch(mergePatch(before, { ...before }))).toBe(true);
  });

  it('adds a field that was absent', () => {
    expect(mergePatch({ a: 1 } as { a: number; b?: string }, { a: 1, b: 'new' })).toEqual({ b: 'new' });
  });
});
