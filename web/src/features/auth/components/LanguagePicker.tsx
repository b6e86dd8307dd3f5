import { NativeSelect } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@/i18n';

/** A light language switch for the sign-in page (the app frame has its own menu). */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('header.languageLabel')}
      leftSection={<IconLanguage size={16} aria-hidden />}
      value={i18n.language}
      onChange={(e) => void i18n.changeLanguage(e.currentTarget.value)}
      data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
      w={160}
      data-testid="signin-language"
    />
  );
}
