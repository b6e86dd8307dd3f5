import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { fr } from './fr';
import { ar } from './ar';
import { isolate } from '@/lib/format';

export const LANGUAGES = [
  { code: 'en', label: 'English', dir: 'ltr' },
  { code: 'fr', label: 'Français', dir: 'ltr' },
  { code: 'ar', label: 'العربية', dir: 'rtl' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'ncen.lang';

export function directionOf(lang: string): 'ltr' | 'rtl' {
  return LANGUAGES.find((l) => l.code === lang)?.dir ?? 'ltr';
}

function initialLanguage(): LanguageCode {
  const codes = LANGUAGES.map((l) => l.code) as string[];
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && codes.includes(saved)) return saved as LanguageCode;
  } catch {
    /* storage unavailable */
  }
  const nav = typeof navigator !== 'undefined' ? navigator.language.split('-')[0] : 'en';
  return (nav && codes.includes(nav) ? nav : 'en') as LanguageCode;
}

function applyToDocument(lang: string) {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

void i18n.use(initReactI18next).init({
  // the other namespaces (`investigations`, `companies`, `statistics`…) are added by the
  // modules that use them (`import '@/i18n/<namespace>'`), not with the first script
  resources: {
    en: { translation: en },
    fr: { translation: fr },
    ar: { translation: ar },
  },
  ns: ['translation'],
  defaultNS: 'translation',
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: {
    // React escapes markup itself. The hook instead isolates every interpolated value in a
    // right-to-left language, so that "{{count}} rows shown" or "Case {{reference}} saved" read
    // correctly in Arabic whatever the value holds (a number, a Latin name or reference).
    escapeValue: true,
    escape: (value: string) => (directionOf(i18n.language) === 'rtl' ? isolate(value) : value),
  },
  returnNull: false,
  showSupportNotice: false,
});
applyToDocument(i18n.language);

i18n.on('languageChanged', (lang) => {
  applyToDocument(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* storage unavailable */
  }
});

export default i18n;
