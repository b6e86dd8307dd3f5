import { Alert } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * The id in the address belongs to a record merged into another: the API answered the survivor,
 * and the page says so.
 */
export function MergedBanner({ label }: { label: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} data-testid="merged-banner">
      {t('registers.merged.banner', { label })}
    </Alert>
  );
}
