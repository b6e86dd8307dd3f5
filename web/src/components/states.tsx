import type { ReactNode } from 'react';
import { Alert, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconInbox, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { Bidi } from './Bidi';
import { useErrorMessage } from './useErrorMessage';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text c="dimmed">{label ?? t('common.loading')}</Text>
      </Group>
    </Center>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Center py="xl">
      <Stack align="center" gap="xs" data-testid="empty-state">
        <IconInbox size={32} aria-hidden color="var(--mantine-color-gray-6)" />
        <Text fw={500}>{title}</Text>
        {children}
      </Stack>
    </Center>
  );
}

export function ForbiddenState() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Stack align="center" gap="xs" data-testid="forbidden-state" maw={480}>
        <IconLock size={40} aria-hidden color="var(--mantine-color-red-7)" />
        <Title order={2}>{t('states.forbiddenTitle')}</Title>
        <Text ta="center">{t('states.forbiddenBody')}</Text>
      </Stack>
    </Center>
  );
}

export function NotFoundState() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Stack align="center" gap="xs" data-testid="not-found-state">
        <Title order={2}>{t('states.notFoundTitle')}</Title>
        <Text>{t('states.notFoundBody')}</Text>
      </Stack>
    </Center>
  );
}

/** Inline error alert for failed queries: forbidden and not-found get their own states. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  if (isApiError(error) && error.status === 403) return <ForbiddenState />;
  if (isApiError(error) && error.status === 404) return <NotFoundState />;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('states.errorTitle')}
      role="alert"
      data-testid="error-state"
    >
      <Stack gap="xs">
        <Text size="sm">
          <Bidi>{message(error)}</Bidi>
        </Text>
        {isApiError(error) && error.requestId && (
          <Text size="xs" c="dimmed">
            {t('states.requestId', { id: error.requestId })}
          </Text>
        )}
        {onRetry && (
          <Group>
            <Button size="xs" variant="default" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** Alert for a failed form submission that has no field to attach to. */
export function FormError({ error }: { error: unknown }) {
  const message = useErrorMessage();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" data-testid="form-error">
      <Bidi>{message(error)}</Bidi>
    </Alert>
  );
}
