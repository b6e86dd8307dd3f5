import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import { ar } from './ar';
import { messagingEn } from './messaging/en';
import { messagingFr } from './messaging/fr';
import { messagingAr } from './messaging/ar';
import { investigationsEn } from './investigations/en';
import { investigationsFr } from './investigations/fr';
import { investigationsAr } from './investigations/ar';
import { companiesEn } from './companies/en';
import { companiesFr } from './companies/fr';
import { companiesAr } from './companies/ar';
import { statisticsEn } from './statistics/en';
import { statisticsFr } from './statistics/fr';
import { statisticsAr } from './statistics/ar';
import { statisticsNavAr, statisticsNavEn, statisticsNavFr } from './statistics/nav';
import { analysisEn } from './analysis/en';
import { analysisFr } from './analysis/fr';
import { analysisAr } from './analysis/ar';
import { analysisNavAr, analysisNavEn, analysisNavFr } from './analysis/nav';
import { searchesEn } from './searches/en';
import { searchesFr } from './searches/fr';
import { searchesAr } from './searches/ar';
import { searchesNavAr, searchesNavEn, searchesNavFr } from './searches/nav';
import { exchangeEn } from './exchange/en';
import { exchangeFr } from './exchange/fr';
import { exchangeAr } from './exchange/ar';
import { exchangeNavAr, exchangeNavEn, exchangeNavFr } from './exchange/nav';
import { exchangeRegistersAr, exchangeRegistersEn, exchangeRegistersFr } from './exchange/registers';
import { importsEn } from './imports/en';
import { importsFr } from './imports/fr';
import { importsAr } from './imports/ar';
import { importsNavAr, importsNavEn, importsNavFr } from './imports/nav';
import { auditActionsEn } from './auditActions/en';
import { auditActionsFr } from './auditActions/fr';
import { auditActionsAr } from './auditActions/ar';

/**
 * Every language is complete: the same keys as English (plural forms compared by their base
 * key), exactly the plural forms its CLDR rules need, no empty value, the same placeholders.
 * French also follows French typography and one term per concept (see the top of fr.ts).
 */

type Lang = 'en' | 'fr' | 'ar';
const LANGS: Lang[] = ['en', 'fr', 'ar'];
const NAMESPACES: Record<string, Record<Lang, object>> = {
  main: { en, fr, ar },
  messaging: { en: messagingEn, fr: messagingFr, ar: messagingAr },
  investigations: { en: investigationsEn, fr: investigationsFr, ar: investigationsAr },
  companies: { en: companiesEn, fr: companiesFr, ar: companiesAr },
  auditActions: { en: auditActionsEn, fr: auditActionsFr, ar: auditActionsAr },
  // the page's strings and the navigation's entry, merged into one namespace at run time
  statistics: {
    en: { ...statisticsNavEn, ...statisticsEn },
    fr: { ...statisticsNavFr, ...statisticsFr },
    ar: { ...statisticsNavAr, ...statisticsAr },
  },
  analysis: {
    en: { ...analysisNavEn, ...analysisEn },
    fr: { ...analysisNavFr, ...analysisFr },
    ar: { ...analysisNavAr, ...analysisAr },
  },
  searches: {
    en: { ...searchesNavEn, ...searchesEn },
    fr: { ...searchesNavFr, ...searchesFr },
    ar: { ...searchesNavAr, ...searchesAr },
  },
  // the pages' strings, the navigation's entry and the register pages' panel
  exchange: {
    en: { ...exchangeNavEn, ...exchangeRegistersEn, ...exchangeEn },
    fr: { ...exchangeNavFr, ...exchangeRegistersFr, ...exchangeFr },
    ar: { ...exchangeNavAr, ...exchangeRegistersAr, ...exchangeAr },
  },
  imports: {
    en: { ...importsNavEn, ...importsEn },
    fr: { ...importsNavFr, ...importsFr },
    ar: { ...importsNavAr, ...importsAr },
  },
};

/** Leaves by dotted path; values are whatever the dictionary holds (checked to be strings). */
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
  /** the plural category, or null for a plain key */
  form: string | null;
  value: unknown;
}

/** A key is a plural form when it ends in a CLDR category and its `_other` form exists. */
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

/** The plural categories of a language, and which of them hold more than one integer. */
function pluralRules(lang: Lang) {
  const rules = new Intl.PluralRules(lang);
  const counts = new Map<string, number>();
  for (let n = 0; n <= 2000; n++) counts.set(rules.select(n), (counts.get(rules.select(n)) ?? 0) + 1);
  for (const n of [1e6, 2e6, 1e9]) counts.set(rules.select(n), (counts.get(rules.select(n)) ?? 0) + 1);
  return {
    categories: [...rules.resolvedOptions().pluralCategories].sort(),
    /** a form used for several numbers must show {{count}} */
    needsCount: (form: string) => (counts.get(form) ?? 0) > 1,
  };
}

describe.each(Object.entries(NAMESPACES))('translations (%s)', (_ns, dicts) => {
  const english = byBase(dicts.en);

  it.each(LANGS.filter((l) => l !== 'en'))('%s has every English key and no other', (lang) => {
    const theirs = byBase(dicts[lang]);
    const missing = [...english.keys()].filter((k) => !theirs.has(k));
    const extra = [...theirs.keys()].filter((k) => !english.has(k));
    expect(missing, `keys missing in ${lang}`).toEqual([]);
    expect(extra, `keys in ${lang} that English does not have`).toEqual([]);
  });

  it.each(LANGS)('%s has exactly the plural forms its rules need', (lang) => {
    const { categories } = pluralRules(lang);
    const theirs = byBase(dicts[lang]);
    for (const [base, group] of theirs) {
      const pluralInEnglish = english.get(base)?.some((e) => e.form !== null) ?? false;
      const forms = group.map((e) => e.form);
      if (!pluralInEnglish) {
        expect(forms, `${lang}: ${base} has plural forms but is not plural in English`).toEqual([null]);
        continue;
      }
      expect(forms.includes(null), `${lang}: ${base} mixes a plain key with plural forms`).toBe(false);
      // i18next also looks `_zero` up for a count of 0 in any language: allowed, never required
      const optional = categories.includes('zero') ? [] : ['zero'];
      const got = forms.filter((f): f is string => f !== null && !optional.includes(f));
      expect(got.sort(), `${lang}: plural forms of ${base}`).toEqual(categories);
    }
  });

  it.each(LANGS)('%s has no empty value', (lang) => {
    for (const e of entries(dicts[lang])) {
      const key = e.form ? `${e.base}_${e.form}` : e.base;
      expect(typeof e.value, `${lang}: ${key}`).toBe('string');
      expect((e.value as string).trim(), `${lang}: ${key}`).not.toBe('');
    }
  });

  it.each(LANGS.filter((l) => l !== 'en'))('%s keeps the English placeholders', (lang) => {
    const { needsCount } = pluralRules(lang);
    for (const e of entries(dicts[lang])) {
      const ref = english.get(e.base);
      if (!ref) continue; // reported by the key test
      const value = e.value as string;
      const key = e.form ? `${e.base}_${e.form}` : e.base;
      if (e.form === null) {
        expect(placeholders(value), `${lang}: ${key}`).toEqual(placeholders(ref[0]!.value as string));
        continue;
      }
      // plural forms: the same placeholders as English's `_other`; {{count}} may be left out of a
      // form that stands for a single number ("one row", "two rows"), never out of the others
      const other = ref.find((r) => r.form === 'other') ?? ref[0]!;
      const withoutCount = (s: string) => placeholders(s).filter((p) => p !== 'count');
      expect(withoutCount(value), `${lang}: ${key}`).toEqual(withoutCount(other.value as string));
      if (needsCount(e.form)) expect(placeholders(value), `${lang}: ${key} needs {{count}}`).toContain('count');
    }
  });
});

describe('Arabic', () => {
  it.each([
    ['main', en, ar],
    ['investigations', investigationsEn, investigationsAr],
    ['companies', companiesEn, companiesAr],
    ['statistics', { ...statisticsNavEn, ...statisticsEn }, { ...statisticsNavAr, ...statisticsAr }],
    ['analysis', { ...analysisNavEn, ...analysisEn }, { ...analysisNavAr, ...analysisAr }],
    ['searches', { ...searchesNavEn, ...searchesEn }, { ...searchesNavAr, ...searchesAr }],
    ['exchange', { ...exchangeNavEn, ...exchangeRegistersEn, ...exchangeEn }, { ...exchangeNavAr, ...exchangeRegistersAr, ...exchangeAr }],
    ['imports', { ...importsNavEn, ...importsEn }, { ...importsNavAr, ...importsAr }],
  ] as const)('translates every string that English writes in words (%s)', (_ns, english, arabic) => {
    const source = flatten(english);
    const untranslated = [...flatten(arabic)]
      .filter(([k, v]) => v === source.get(k) && /[a-z]{3,}/.test((v as string).replace(/{{[^}]*}}/g, '')))
      .map(([k]) => k);
    expect(untranslated).toEqual([]);
  });
});

describe('French typography', () => {
  const NBSP = '\u00a0';
  const frenchValues = [...flatten(fr), ...flatten(messagingFr), ...flatten(investigationsFr, 'investigations:'), ...flatten(companiesFr, 'companies:'), ...flatten({ ...statisticsNavFr, ...statisticsFr }, 'statistics:'), ...flatten({ ...analysisNavFr, ...analysisFr }, 'analysis:'), ...flatten({ ...searchesNavFr, ...searchesFr }, 'searches:'), ...flatten({ ...exchangeNavFr, ...exchangeRegistersFr, ...exchangeFr }, 'exchange:'), ...flatten({ ...importsNavFr, ...importsFr }, 'imports:')].map(
    ([k, v]) => [k, String(v)] as const,
  );

  /** Placeholders and web addresses are not prose: masked before the checks. */
  function prose(value: string): string {
    return value.replace(/{{[^}]*}}/g, (m) => 'X'.repeat(m.length)).replace(/\bhttps?:\/\/\S+/g, (m) => 'U'.repeat(m.length));
  }

  /** Every place where `: ; ? !` or a guillemet lacks its no-break space, with context. */
  function faults(value: string): string[] {
    const text = prose(value);
    const out: string[] = [];
    const at = (i: number) => JSON.stringify(value.slice(Math.max(0, i - 12), i + 4));
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (':;?!'.includes(c)) {
        if (c === ':' && text.startsWith('//', i + 1)) continue; // scheme://
        if (c === ':' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue; // 10:30
        if (text[i - 1] !== NBSP) out.push(`no U+00A0 before “${c}” in ${at(i)}`);
      } else if (c === '«' && text[i + 1] !== NBSP) out.push(`no U+00A0 after « in ${at(i)}`);
      else if (c === '»' && text[i - 1] !== NBSP) out.push(`no U+00A0 before » in ${at(i)}`);
      else if (c === "'") out.push(`straight apostrophe in ${at(i)} (use ’)`);
      else if (c === '\u202f') out.push(`narrow no-break space in ${at(i)} (this file uses U+00A0)`);
    }
    return out;
  }

  it('detects the faults it is meant to', () => {
    expect(faults('Langue : {{current}}')).toHaveLength(1);
    expect(faults('Langue: {{current}}')).toHaveLength(1);
    expect(faults('Vraiment ?')).toHaveLength(1);
    expect(faults('Créer « {{name}} »')).toHaveLength(2);
    expect(faults("l'affaire")).toHaveLength(1);
    expect(faults(`Langue${NBSP}: {{current}}`)).toEqual([]);
    expect(faults('à 10:30, voir https://example.org/a?b=c')).toEqual([]);
    expect(faults('{{a:b}}')).toEqual([]);
  });

  it('puts a no-break space before : ; ? ! and inside « », and uses ’', () => {
    const found = frenchValues.flatMap(([k, v]) => faults(v).map((f) => `${k}: ${f}`));
    expect(found).toEqual([]);
  });

  it('names each concept one way', () => {
    /** `words` as whole words: \b does not see accented letters as letters */
    const w = (words: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${words})(?![\\p{L}\\p{N}])`, 'iu');
    // [term to avoid, the term fr.ts uses, only in keys matching]
    const avoid: [RegExp, string, RegExp?][] = [
      [w('unités?(?! de mesure)'), 'service (an organisational unit)'],
      [w('dossiers?'), 'affaire'],
      [w('saisiss\\p{L}*|saisir|pendant la saisie'), 'taper / indiquer (saisie means seizure)'],
      [w('fichiers?'), 'registre (un fichier is an attached file)', /register/i],
      [w('analyses? de risques?'), 'profilage des risques'],
      [w('chargée?s?|chargement (?:de|des)|téléverse\\p{L}*'), 'déposer / dépôt (upload)', /attachments|upload/i],
      [w('par ex\\.'), 'p. ex.'],
      [w('détectée?s?'), 'constaté (a case is detected: constatée le…)'],
    ];
    expect(avoid[0]![0].test('une autre unité cite'), 'the check itself').toBe(true);
    expect(avoid[0]![0].test('Unité de mesure'), 'the check itself').toBe(false);
    expect(avoid[7]![0].test('les plus récemment détectées'), 'the check itself').toBe(true);
    const found = frenchValues.flatMap(([k, v]) =>
      avoid
        .filter(([re, , keys]) => re.test(v) && (!keys || keys.test(k)))
        .map(([, use]) => `${k}: ${JSON.stringify(v)} → ${use}`),
    );
    expect(found).toEqual([]);
  });
});
