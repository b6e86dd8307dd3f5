/**
 * The `statistics` namespace (`t('statistics:…')`), added to i18next when a module of the
 * statistics page is loaded, not with the app's first script: a side-effect import,
 * `import '@/i18n/statistics'`, before the first render that needs it. The navigation's
 * entry (`statistics:nav`) comes earlier, with the layout (`./nav.ts`): the bundles merge.
 */
import i18n from '@/i18n';
import { statisticsAr } from './ar';
import { statisticsEn } from './en';
import { statisticsFr } from './fr';

export const STATISTICS_NS = 'statistics';

const BUNDLES = { en: statisticsEn, fr: statisticsFr, ar: statisticsAr };
for (const [lang, bundle] of Object.entries(BUNDLES)) {
  if (!i18n.getResource(lang, STATISTICS_NS, 'title')) i18n.addResourceBundle(lang, STATISTICS_NS, bundle, true, false);
}
