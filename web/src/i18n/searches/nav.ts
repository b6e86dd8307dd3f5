/**
 * The navigation's entry to the saved searches (`t('searches:nav')`) and the label of their
 * notifications (`searches:notificationKinds.search_hit`), in every language. The menu and the
 * notification list show them before the pages' strings (./index.ts) are loaded, and the main
 * dictionaries ship with the sign-in route, whose script budget has no room left: so they are
 * added to the `searches` namespace by the layout (a side-effect import,
 * `import '@/i18n/searches/nav'`). Checked with the namespace by ../i18n.test.ts.
 */
import i18n from '@/i18n';

export const SEARCHES_NS = 'searches';

export const searchesNavEn = { nav: 'Saved searches', notificationKinds: { search_hit: 'A saved search found new matches' } };
export const searchesNavFr: typeof searchesNavEn = {
  nav: 'Recherches enregistrées',
  notificationKinds: { search_hit: 'Une recherche enregistrée a trouvé de nouveaux résultats' },
};
export const searchesNavAr: typeof searchesNavEn = {
  nav: 'عمليات البحث المحفوظة',
  notificationKinds: { search_hit: 'عثر بحث محفوظ على نتائج جديدة' },
};

const BUNDLES = { en: searchesNavEn, fr: searchesNavFr, ar: searchesNavAr };
for (const [lang, bundle] of Object.entries(BUNDLES)) {
  if (!i18n.getResource(lang, SEARCHES_NS, 'nav')) i18n.addResourceBundle(lang, SEARCHES_NS, bundle, true, false);
}
