import { useTranslation } from 'react-i18next';

/**
 * A code list's description in the UI language: the seeded lists' descriptions are translated
 * (`codelists.lists.<name>`); the API's own text, in English, stands for any other list.
 */
export function useListDescription(): (name: string, fallback: string | null | undefined) => string {
  const { t, i18n } = useTranslation();
  return (name, fallback) => {
    const key = `codelists.lists.${name}`;
    return i18n.exists(key) ? t(key) : (fallback ?? '');
  };
}
