/**
 * The menu's entry to the data imports (`t('imports:nav')`), in every language. Shown before
 * the pages' strings (./index.ts) are loaded, and the main dictionaries ship with the sign-in
 * route, whose script budget has no room left: so it is added to the `imports` namespace by the
 * menu (a side-effect import, `import '@/i18n/imports/nav'`). Checked with the namespace by
 * ../i18n.test.ts.
 */
import i18n from '@/i18n';

export const IMPORTS_NS = 'imports';

export const importsNavEn = { nav: 'Data imports' };
export const importsNavFr: typeof importsNavEn = { nav: 'Imports de données' };
export const importsNavAr: typeof importsNavEn = { nav: 'استيراد البيانات' };

const BUNDLES = { en: importsNavEn, fr: importsNavFr, ar: importsNavAr };
for (const [lang, bundle] of Object.entries(BUNDLES)) {
  if (!i18n.getResource(lang, IMPORTS_NS, 'nav')) i18n.addResourceBundle(lang, IMPORTS_NS, bundle, true, false);
}
