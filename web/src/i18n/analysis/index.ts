/**
 * The `analysis` namespace (`t('analysis:…')`), added to i18next when a module of the
 * link-analysis page is loaded, not with the app's first script: a side-effect import,
 * `import '@/i18n/analysis'`, before the first render that needs it. The menu's entry and
 * the records' link (`analysis:nav`, `analysis:open`) come earlier (`./nav.ts`): the bundles merge.
 */
import i18n from '@/i18n';
import { analysisAr } from './ar';
import { analysisEn } from './en';
import { analysisFr } from './fr';
import './nav';

export const ANALYSIS_NS = 'analysis';

const BUNDLES = { en: analysisEn, fr: analysisFr, ar: analysisAr };
for (const [lang, bundle] of Object.entries(BUNDLES)) {
  if (!i18n.getResource(lang, ANALYSIS_NS, 'title')) i18n.addResourceBundle(lang, ANALYSIS_NS, bundle, true, false);
}
