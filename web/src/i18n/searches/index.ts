/**
 * The `searches` namespace (`t('searches:…')`), added to i18next when a module of the saved
 * searches is loaded (their pages, the seizure list's "Save this search"), not with the app's
 * first script: a side-effect import, `import '@/i18n/searches'`, before the first render that
 * needs it. The menu's entry and the notification kind (`searches:nav`,
 * `searches:notificationKinds.search_hit`) come earlier (`./nav.ts`): the bundles merge.
 */
import i18n from '@/i18n';
import { searchesAr } from './ar';
import { searchesEn } from './en';
import { searchesFr } from './fr';
import './nav';

export const SEARCHES_NS = 'searches';

const BUNDLES = { en: searchesEn, fr: searchesFr, ar: searchesAr };
for (const [lang, bundle] of Object.entries(BUNDLES)) {
  if (!i18n.getResource(lang, SEARCHES_NS, 'title')) i18n.addResourceBundle(lang, SEARCHES_NS, bundle, true, false);
}
