/**
 * The `imports` namespace (`t('imports:…')`), added to i18next when a page of the data imports
 * is loaded, not with the app's first script: a side-effect import, `import '@/i18n/imports'`,
 * before the first render that needs it. The menu's entry (`imports:nav`) comes earlier
 * (`./nav.ts`): the bundles merge.
 */
import i18n from '@/i18n';
import { importsAr } from './ar';
import { importsEn } from './en';
import { importsFr } from './fr';
import './nav';

export const IMPORTS_NS = 'imports';

const BUNDLES = { en: importsEn, fr: importsFr, ar: importsAr };
for (const [lang, bundle] of Object.entries(BUNDLES)) {
  if (!i18n.getResource(lang, IMPORTS_NS, 'title')) i18n.addResourceBundle(lang, IMPORTS_NS, bundle, true, false);
}
