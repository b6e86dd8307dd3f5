/**
 * A unit's name in the UI language. The administration may give each unit its name in the app's
 * languages (`name_translations`); where the current language has none, the unit's own `name`
 * is shown.
 */
import type { components } from '@/api/schema';

export type UnitNames = components['schemas']['UnitNames'];

/** The languages a unit's name may be given in (the app's). */
export const UNIT_NAME_LANGUAGES = ['en', 'fr', 'ar'] as const;
export type UnitNameLanguage = (typeof UNIT_NAME_LANGUAGES)[number];

const isUnitNameLanguage = (lang: string): lang is UnitNameLanguage => (UNIT_NAME_LANGUAGES as readonly string[]).includes(lang);

/** The unit's name in `lang` (`ar`, `fr-CA`…) where it has one, else its `name`. */
export function unitName(unit: { name: string; name_translations?: UnitNames | null }, lang: string): string {
  const base = lang.split('-')[0] ?? lang;
  const translated = isUnitNameLanguage(base) ? unit.name_translations?.[base]?.trim() : undefined;
  return translated || unit.name;
}

/** The signed-in user's unit, named in `lang` (its translations come with the office of `/me`). */
export function myUnitName(
  me: { unit_name?: string | null; office?: { unit_name: string; unit_name_translations: UnitNames } | null },
  lang: string,
): string {
  if (me.office) return unitName({ name: me.office.unit_name, name_translations: me.office.unit_name_translations }, lang);
  return me.unit_name ?? '';
}
