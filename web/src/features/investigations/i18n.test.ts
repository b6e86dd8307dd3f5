import { describe, expect, it } from 'vitest';
import { investigationsAr } from '@/i18n/investigations/ar';
import { investigationsEn } from '@/i18n/investigations/en';
import { investigationsFr } from '@/i18n/investigations/fr';

/**
 * The `investigations` namespace is complete in every language, as ../../i18n/i18n.test.ts
 * checks the main dictionaries: the same keys as English, exactly the plural forms each
 * language's CLDR rules need, no empty value, the same placeholders, French typography, and
 * Arabic translated.
 */
type Lang = 'en' | 'fr' | 'ar';
const LANGS: Lang[] = ['en', 'fr', 'ar'];
const DICTS: Record<Lang, object> = { en: investigationsEn, fr: investigationsFr, ar: investigationsAr };

function flatten(obj: object, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'object' && v !== null) flatten(v as object, `${prefix}${k}.`, out);
    else out.set(`${prefix}${k}`, v);
  }
  return out;
}

const PLURAL_SUFFIX = /^(.*)_(zero|one|two|few|many|other)$/;

interface Entry {
  base: string;
  form: string | null;
  value: unknown;
}

function entries(dict: object): Entry[] {
  const flat = flatten(dict);
  return [...flat].map(([key, value]) => {
    const m = PLURAL_SUFFIX.exec(key);
    if (m && flat.has(`${m[1]}_other`)) return { base: m[1]!, form: m[2]!, value };
    return { base: key, form: null, value };
  });
}

function byBase(dict: object): Map<string, Entry[]> {
  const out = new Map<string, Entry[]>();
  for (const e of entries(dict)) out.set(e.base, [...(out.get(e.base) ?? []), e]);
  return out;
}

function placeholders(value: string): string[] {
  const names = [...value.matchAll(/{{\s*-?\s*([\w.]+)\s*(?:,[^}]*)?}}/g)].map((m) => m[1]!);
  return [...new Set(names)].sort();
}

function pluralRules(lang: Lang) {
  const rules = new Intl.PluralRules(lang);
  const counts = new Map<string, number>();
  for (let n = 0; n <= 2000; n++) counts.set(rules.select(n), (counts.get(rules.select(n)) ?? 0) + 1);
  for (const n of [1e6, 2e6, 1e9]) counts.set(rules.select(n), (counts.get(rules.select(n)) ?? 0) + 1);
  return { categories: [...rules.resolvedOptions().pluralCategories].sort(), needsCount: (form: string) => (counts.get(form) ?? 0) > 1 };
}

describe('the investigations namespace', () => {
  const english = byBase(investigationsEn);

  it.each(LANGS.filter((l) => l !== 'en'))('%s has every English key and no other', (lang) => {
    const theirs = byBase(DICTS[lang]);
    expect([...english.keys()].filter((k) => !theirs.has(k)), `missing in ${lang}`).toEqual([]);
    expect([...theirs.keys()].filter((k) => !english.has(k)), `extra in ${lang}`).toEqual([]);
  });

  it.each(LANGS)('%s has exactly the plural forms its rules need', (lang) => {
    const { categories } = pluralRules(lang);
    for (const [base, group] of byBase(DICTS[lang])) {
      const pluralInEnglish = english.get(base)?.some((e) => e.form !== null) ?? false;
      const forms = group.map((e) => e.form);
      if (!pluralInEnglish) {
        expect(forms, `${lang}: ${base}`).toEqual([null]);
        continue;
      }
      const optional = categories.includes('zero') ? [] : ['zero'];
      const got = forms.filter((f): f is string => f !== null && !optional.includes(f));
      expect(got.sort(), `${lang}: plural forms of ${base}`).toEqual(categories);
    }
  });

  it.each(LANGS)('%s has no empty value', (lang) => {
    for (const e of entries(DICTS[lang])) {
      expect(typeof e.value, `${lang}: ${e.base}`).toBe('string');
      expect((e.value as string).trim(), `${lang}: ${e.base}`).not.toBe('');
    }
  });

  it.each(LANGS.filter((l) => l !== 'en'))('%s keeps the English placeholders', (lang) => {
    const { needsCount } = pluralRules(lang);
    for (const e of entries(DICTS[lang])) {
      const ref = english.get(e.base);
      if (!ref) continue;
      const value = e.value as string;
      const key = e.form ? `${e.base}_${e.form}` : e.base;
      if (e.form === null) {
        expect(placeholders(value), `${lang}: ${key}`).toEqual(placeholders(ref[0]!.value as string));
        continue;
      }
      const other = ref.find((r) => r.form === 'other') ?? ref[0]!;
      const withoutCount = (s: string) => placeholders(s).filter((p) => p !== 'count');
      expect(withoutCount(value), `${lang}: ${key}`).toEqual(withoutCount(other.value as string));
      if (needsCount(e.form)) expect(placeholders(value), `${lang}: ${key} needs {{count}}`).toContain('count');
    }
  });

  it('is translated into Arabic wherever English writes words', () => {
    const en = flatten(investigationsEn);
    const untranslated = [...flatten(investigationsAr)]
      .filter(([k, v]) => v === en.get(k) && /[a-z]{3,}/.test((v as string).replace(/{{[^}]*}}/g, '')))
      .map(([k]) => k);
    expect(untranslated).toEqual([]);
  });

  it('follows French typography', () => {
    const NBSP = '\u00a0';
    const found: string[] = [];
    for (const [k, raw] of flatten(investigationsFr)) {
      const value = String(raw);
      const text = value.replace(/{{[^}]*}}/g, (m) => 'X'.repeat(m.length));
      for (let i = 0; i < text.length; i++) {
        const c = text[i]!;
        if (':;?!'.includes(c)) {
          if (c === ':' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
          if (text[i - 1] !== NBSP) found.push(`${k}: no U+00A0 before “${c}”`);
        } else if (c === '«' && text[i + 1] !== NBSP) found.push(`${k}: no U+00A0 after «`);
        else if (c === '»' && text[i - 1] !== NBSP) found.push(`${k}: no U+00A0 before »`);
        else if (c === "'") found.push(`${k}: straight apostrophe (use ’)`);
      }
    }
    expect(found).toEqual([]);
  });

  it('is registered as the `investigations` namespace', async () => {
    const { default: i18n } = await import('@/i18n');
    expect(i18n.getFixedT('fr', 'investigations')('nav')).toBe('Enquêtes');
    expect(i18n.getFixedT('ar', 'investigations')('tabs.timeline')).toBe('التسلسل الزمني');
  });
});
