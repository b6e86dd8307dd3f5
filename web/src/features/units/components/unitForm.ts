import type { Unit } from '@/api/types';
import { UNIT_NAME_LANGUAGES, type UnitNameLanguage, type UnitNames } from '@/lib/units';

export interface UnitFormValues {
  code: string;
  name: string;
  /** the unit's name in English, French and Arabic (optional; blank: none) */
  name_en: string;
  name_fr: string;
  name_ar: string;
  parent_id: string;
  location_type: string;
  unlocode: string;
}

/** The form field of the unit's name in `lang`. */
export const nameField = (lang: UnitNameLanguage) => `name_${lang}` as const;

export const UNIT_FIELDS = ['code', 'name', ...UNIT_NAME_LANGUAGES.map(nameField), 'parent_id', 'location_type', 'unlocode'];

/** The server names a translation's errors `name_translations.<lang>`: shown at its field. */
export const UNIT_FIELD_ALIASES: Record<string, string> = Object.fromEntries(
  UNIT_NAME_LANGUAGES.map((lang) => [`name_translations.${lang}`, nameField(lang)]),
);

/** The form's values of a unit's translated names. */
export function translationValues(unit: Pick<Unit, 'name_translations'> | null): Pick<UnitFormValues, 'name_en' | 'name_fr' | 'name_ar'> {
  const names = unit?.name_translations;
  return { name_en: names?.en ?? '', name_fr: names?.fr ?? '', name_ar: names?.ar ?? '' };
}

/** A new unit's translated names: those given (none: undefined, nothing sent). */
export function newTranslations(v: UnitFormValues): UnitNames | undefined {
  const out: UnitNames = {};
  for (const lang of UNIT_NAME_LANGUAGES) {
    const name = v[nameField(lang)].trim();
    if (name) out[lang] = name;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * The translated names changed on an existing unit, as a JSON merge patch: a new or changed
 * name is sent, a cleared one as null (removed); nothing changed: undefined, nothing sent.
 */
export function translationChanges(v: UnitFormValues, unit: Pick<Unit, 'name_translations'>): UnitNames | undefined {
  const out: UnitNames = {};
  for (const lang of UNIT_NAME_LANGUAGES) {
    const before = unit.name_translations?.[lang]?.trim() || null;
    const after = v[nameField(lang)].trim() || null;
    if (after !== before) out[lang] = after;
  }
  return Object.keys(out).length ? out : undefined;
}

const MAX_NAME = 200;

export function unitValidators(t: (k: string, o?: Record<string, unknown>) => string) {
  const translation = (v: string) => (v.trim().length > MAX_NAME ? t('validation.tooLong', { max: MAX_NAME }) : null);
  return {
    code: (v: string) => (v.trim() ? null : t('validation.required')),
    name: (v: string) => (v.trim() ? null : t('validation.required')),
    name_en: translation,
    name_fr: translation,
    name_ar: translation,
    unlocode: (v: string) => (!v.trim() || /^[A-Z]{2}\s?[A-Z0-9]{3}$/.test(v.trim()) ? null : t('validation.unlocode')),
  };
}
