/**
 * The `investigations` namespace (`useTranslation('investigations')`), added to i18next when a
 * module that shows investigations is loaded (the navigation, the home page's blocks, the
 * investigation pages, a company's timeline), not with the app's first script: a side-effect
 * import, `import '@/i18n/investigations'`, before the first render that needs it.
 */
import i18n from '@/i18n';
import { investigationsAr } from './ar';
import { investigationsEn } from './en';
import { investigationsFr } from './fr';

export const INVESTIGATIONS_NS = 'investigations';

const BUNDLES = { en: investigationsEn, fr: investigationsFr, ar: investigationsAr };
for (const [lang, bundle] of Object.entries(BUNDLES)) {
  if (!i18n.hasResourceBundle(lang, INVESTIGATIONS_NS)) i18n.addResourceBundle(lang, INVESTIGATIONS_NS, bundle);
}
