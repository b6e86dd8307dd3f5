/**
 * The menu's entry to the link-analysis page (`t('analysis:nav')`) and the records' link to it
 * (`t('analysis:open')`), in every language. Shown before the page's strings (./index.ts) are
 * loaded, and the main dictionaries ship with the sign-in route, whose script budget has no
 * room left: so they are added to the `analysis` namespace by the modules that show them (a
 * side-effect import, `import '@/i18n/analysis/nav'`). Checked with the namespace by
 * ../i18n.test.ts.
 */
import i18n from '@/i18n';

export const ANALYSIS_NS = 'analysis';

export const analysisNavEn = { nav: 'Link analysis', open: 'Open in link analysis' };
export const analysisNavFr: typeof analysisNavEn = { nav: 'Analyse des liens', open: 'Ouvrir dans l’analyse des liens' };
export const analysisNavAr: typeof analysisNavEn = { nav: 'تحليل الروابط', open: 'فتح في تحليل الروابط' };

const BUNDLES = { en: analysisNavEn, fr: analysisNavFr, ar: analysisNavAr };
for (const [lang, bundle] of Object.entries(BUNDLES)) {
  if (!i18n.getResource(lang, ANALYSIS_NS, 'nav')) i18n.addResourceBundle(lang, ANALYSIS_NS, bundle, true, false);
}
