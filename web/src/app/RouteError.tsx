import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';

/** Last-resort boundary: a chunk failed to load (e.g. after a deploy) or a render crashed. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (import.meta.env.DEV) console.error(error);
  return (
    <Center h="100vh" p="md">
      <Stack align="center" role="alert">
        <Title order={1} size="h2">
          {t('states.crashTitle')}
        </Title>
        <Text>{t('states.crashBody')}</Text>
        <Button onClick={() => window.location.reload()}>{t('common.reload')}</Button>
      </Stack>
    </Center>
  );
}
