/**
 * The menu's entry to the Icomm exchange (`t('exchange:nav')`) and a validated case's way to
 * its preview (`t('exchange:previewCase')`), or to a request to send it for whoever may only
 * ask (`t('exchange:requestCase')`), in every language. Shown before the pages' strings
 * (./index.ts) are loaded, and the main dictionaries ship with the sign-in route, whose script
 * budget has no room left: so they are added to the `exchange` namespace by the modules that
 * show them (a side-effect import, `import '@/i18n/exchange/nav'`). Checked with the namespace
 * by ../i18n.test.ts.
 */
import i18n from '@/i18n';

export const EXCHANGE_NS = 'exchange';

export const exchangeNavEn = { nav: 'Exchange', previewCase: 'Preview for a partner', requestCase: 'Request sending to a partner' };
export const exchangeNavFr: typeof exchangeNavEn = { nav: 'Échanges', previewCase: 'Aperçu pour un partenaire', requestCase: 'Demander l’envoi à un partenaire' };
export const exchangeNavAr: typeof exchangeNavEn = { nav: 'التبادل', previewCase: 'معاينة لشريك', requestCase: 'طلب الإرسال إلى شريك' };

const BUNDLES = { en: exchangeNavEn, fr: exchangeNavFr, ar: exchangeNavAr };
for (const [lang, bundle] of Object.entries(BUNDLES)) {
  if (!i18n.getResource(lang, EXCHANGE_NS, 'nav')) i18n.addResourceBundle(lang, EXCHANGE_NS, bundle, true, false);
}
