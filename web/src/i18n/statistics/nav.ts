/**
 * The navigation's entry to the statistics page (`t('statistics:nav')`), in every language.
 * The menu shows it before the page's strings (./index.ts) are loaded, and the main
 * dictionaries ship with the sign-in route, whose script budget has no room left: so it is
 * added to the `statistics` namespace by the layout (a side-effect import,
 * `import '@/i18n/statistics/nav'`). Checked with the namespace by ../i18n.test.ts.
 */
import i18n from '@/i18n';

export const STATISTICS_NS = 'statistics';

export const statisticsNavEn = { nav: 'Statistics', navMap: 'Routes map' };
export const statisticsNavFr: typeof statisticsNavEn = { nav: 'Statistiques', navMap: 'Carte des itinéraires' };
export const statisticsNavAr: typeof statisticsNavEn = { nav: 'الإحصاءات', navMap: 'خريطة المسارات' };

const BUNDLES = { en: statisticsNavEn, fr: statisticsNavFr, ar: statisticsNavAr };
for (const [lang, bundle] of Object.entries(BUNDLES)) {
  if (!i18n.getResource(lang, STATISTICS_NS, 'nav')) i18n.addResourceBundle(lang, STATISTICS_NS, bundle, true, false);
}
