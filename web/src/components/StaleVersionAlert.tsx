import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function StaleVersionAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" role="alert" title={t('errors.staleTitle')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('errors.staleBody')}</Text>
        <Button size="xs" variant="default" onClick={onReload}>
          {t('errors.reloadLatest')}
        </Button>
      </Stack>
    </Alert>
  );
}
