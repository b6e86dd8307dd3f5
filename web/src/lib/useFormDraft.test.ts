import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { draftKey, MAX_AGE_MS, readDraft, useFormDraft, writeDraft, type FormDraftOptions } from './useFormDraft';

interface V {
  place: string;
}

const KEY = draftKey('u1', 'case', null);

function mount(initial: Partial<FormDraftOptions<V>> = {}) {
  return renderHook((props: FormDraftOptions<V>) => useFormDraft<V>(props), {
    initialProps: { storageKey: KEY, values: { place: '' }, dirty: false, ...initial },
  });
}

const stored = () => JSON.parse(localStorage.getItem(KEY) ?? 'null') as { values: V; base: number | null } | null;

describe('useFormDraft', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('keys drafts by user, form and record', () => {
    expect(draftKey('u1', 'case', null)).toBe('ncen.draft.case.u1.new');
    expect(draftKey('u1', 'case', 'c9')).toBe('ncen.draft.case.u1.c9');
  });

  it('saves a dirty form a moment after the last change, not before', () => {
    const h = mount();
    expect(h.result.current.offer).toBeNull();
    h.rerender({ storageKey: KEY, values: { place: 'Q' }, dirty: true });
    h.rerender({ storageKey: KEY, values: { place: 'Quay' }, dirty: true });
    act(() => vi.advanceTimersByTime(300));
    expect(stored()).toBeNull();
    act(() => vi.advanceTimersByTime(600));
    expect(stored()?.values).toEqual({ place: 'Quay' });
  });

  it('writes what is pending at once when the form unmounts or the page goes away', () => {
    const h = mount();
    h.rerender({ storageKey: KEY, values: { place: 'Quay 4' }, dirty: true });
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    expect(stored()?.values).toEqual({ place: 'Quay 4' });
    h.rerender({ storageKey: KEY, values: { place: 'Quay 5' }, dirty: true });
    h.unmount();
    expect(stored()?.values).toEqual({ place: 'Quay 5' });
  });

  it('offers a saved draft when the form opens, and saves nothing until it is answered', () => {
    writeDraft(KEY, { place: 'Quay 7' }, null);
    const h = mount();
    expect(h.result.current.offer?.values).toEqual({ place: 'Quay 7' });
    h.rerender({ storageKey: KEY, values: { place: 'typed meanwhile' }, dirty: true });
    act(() => vi.advanceTimersByTime(5_000));
    expect(stored()?.values).toEqual({ place: 'Quay 7' });

    let restored: V | null = null;
    act(() => {
      restored = h.result.current.restore();
    });
    expect(restored).toEqual({ place: 'Quay 7' });
    expect(h.result.current.offer).toBeNull();
  });

  it('throws an offered draft away on discard', () => {
    writeDraft(KEY, { place: 'Quay 7' }, 3);
    const h = mount({ base: 4 });
    expect(h.result.current.offer?.base).toBe(3);
    act(() => h.result.current.discard());
    expect(h.result.current.offer).toBeNull();
    expect(stored()).toBeNull();
  });

  it('forgets the draft for good once saved (nothing written after, even on unmount)', () => {
    const h = mount();
    h.rerender({ storageKey: KEY, values: { place: 'Quay 4' }, dirty: true });
    act(() => vi.advanceTimersByTime(1_000));
    expect(stored()).not.toBeNull();
    h.rerender({ storageKey: KEY, values: { place: 'Quay 5' }, dirty: true });
    act(() => h.result.current.clear());
    h.unmount();
    act(() => vi.advanceTimersByTime(1_000));
    expect(stored()).toBeNull();
  });

  it('removes the draft when the form is back to what it opened with', () => {
    const h = mount();
    h.rerender({ storageKey: KEY, values: { place: 'Quay 4' }, dirty: true });
    act(() => vi.advanceTimersByTime(1_000));
    h.rerender({ storageKey: KEY, values: { place: '' }, dirty: false });
    expect(stored()).toBeNull();
  });

  it('keeps nothing without a key', () => {
    const h = mount({ storageKey: null });
    h.rerender({ storageKey: null, values: { place: 'Quay' }, dirty: true });
    h.unmount();
    expect(localStorage.length).toBe(0);
  });

  it('drops drafts that are too old or unreadable', () => {
    const now = Date.now();
    writeDraft(KEY, { place: 'old' }, null, new Date(now - MAX_AGE_MS - 1000));
    expect(readDraft(KEY, now)).toBeNull();
    expect(localStorage.getItem(KEY)).toBeNull();
    localStorage.setItem(KEY, '{not json');
    expect(readDraft(KEY, now)).toBeNull();
    localStorage.setItem(KEY, JSON.stringify({ values: { place: 'no format' }, savedAt: new Date(now).toISOString() }));
    expect(readDraft(KEY, now)).toBeNull();
  });

  it('prunes other old drafts of this browser when a form opens', () => {
    const other = draftKey('u2', 'case', 'c1');
    writeDraft(other, { place: 'old' }, 1, new Date(Date.now() - MAX_AGE_MS - 1000));
    mount();
    expect(localStorage.getItem(other)).toBeNull();
  });
});
