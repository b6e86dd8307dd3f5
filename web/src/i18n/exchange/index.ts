/**
 * The `exchange` namespace (`t('exchange:…')`), added to i18next when a module of the exchange
 * pages is loaded, not with the app's first script: a side-effect import,
 * `import '@/i18n/exchange'`, before the first render that needs it. The menu's entry and the
 * case page's "Preview for a partner" (`exchange:nav`, `exchange:previewCase`) come earlier
 * (`./nav.ts`): the bundles merge.
 */
import i18n from '@/i18n';
import { exchangeAr } from './ar';
import { exchangeEn } from './en';
import { exchangeFr } from './fr';
import './nav';

export const EXCHANGE_NS = 'exchange';

const BUNDLES = { en: exchangeEn, fr: exchangeFr, ar: exchangeAr };
for (const [lang, bundle] of Object.entries(BUNDLES)) {
  if (!i18n.getResource(lang, EXCHANGE_NS, 'help')) i18n.addResourceBundle(lang, EXCHANGE_NS, bundle, true, false);
}
