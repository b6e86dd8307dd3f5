import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import { ar } from './ar';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('translations', () => {
  it('French has every English key and no extra one', () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });
  it('French strings are not empty and keep the placeholders', () => {
    const enFlat = Object.fromEntries(keys(en).map((k) => [k, k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], en)]));
    for (const k of keys(fr)) {
      const value = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], fr) as string;
      expect(value, k).not.toBe('');
      const placeholders = (s: string) => (s.match(/{{\s*\w+\s*}}/g) ?? []).sort();
      expect(placeholders(value), k).toEqual(placeholders(enFlat[k] as string));
    }
  });
  it('Arabic is a subset of English', () => {
    const all = new Set(keys(en));
    for (const k of keys(ar)) expect(all.has(k), k).toBe(true);
  });
});
