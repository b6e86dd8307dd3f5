/**
 * The `companies` namespace (`t('companies:…')`), added to i18next when a module that shows
 * a company's structured fields is loaded (the registers' pages, record histories, the
 * duplicates' comparison), not with the app's first script: a side-effect import,
 * `import '@/i18n/companies'`, before the first render that needs it.
 */
import i18n from '@/i18n';
import { companiesAr } from './ar';
import { companiesEn } from './en';
import { companiesFr } from './fr';

export const COMPANIES_NS = 'companies';

const BUNDLES = { en: companiesEn, fr: companiesFr, ar: companiesAr };
for (const [lang, bundle] of Object.entries(BUNDLES)) {
  if (!i18n.hasResourceBundle(lang, COMPANIES_NS)) i18n.addResourceBundle(lang, COMPANIES_NS, bundle);
}
