import type { ReactNode } from 'react';
import { Alert, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import '@/i18n/investigations';
import { isStale } from '@/api/errors';
import { Bidi } from '@/components/Bidi';
import { FormError } from '@/components/states';
import { StaleVersionAlert } from '@/components/StaleVersionAlert';
import { refusalMessage } from '../lib/problems';

/**
 * A labelled value: text isolated (elements isolate their own data); `free` text typed by a
 * user (a summary, a reason) takes its direction from its first letter, as a paragraph of its own.
 */
export function Field({ label, children, testId, free }: { label: string; children: ReactNode; testId?: string; free?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="div" size="sm" data-testid={testId} dir={free && children ? 'auto' : undefined} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {!children ? '—' : free || typeof children !== 'string' ? children : <Bidi>{children}</Bidi>}
      </Text>
    </Stack>
  );
}

/** A titled part of a page (a region named by its title). */
export function Section({
  title,
  children,
  testId,
  description,
  actions,
  order = 2,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
  description?: string;
  actions?: ReactNode;
  order?: 2 | 3;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title} data-testid={testId}>
      <Group justify="space-between" align="flex-start" mb={description ? 2 : 'sm'} wrap="wrap">
        <Title order={order} size="h4">
          {title}
        </Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {description && (
        <Text size="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      )}
      {children}
    </Paper>
  );
}

/**
 * A failed change, said plainly: reserved to the lead or a supervisor (403
 * `investigation_role`), refused by the workflow or the team (409), changed meanwhile (412:
 * "Reload latest version"), or any other failure.
 */
export function Problem({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation('investigations');
  if (!error) return null;
  if (isStale(error) && onReload) return <StaleVersionAlert onReload={onReload} />;
  const refusal = refusalMessage(t, error);
  if (refusal)
    return (
      <Alert color="orange" variant="light" role="alert" data-testid="investigation-refusal">
        {refusal}
      </Alert>
    );
  return <FormError error={error} />;
}

/** Asks before something is taken away (a member, a link). */
export function ConfirmDialog({
  opened,
  title,
  body,
  confirmLabel,
  loading,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  loading?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('investigations');
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack>
        <Text size="sm">{body}</Text>
        <Problem error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button color="red.9" loading={loading} onClick={onConfirm} data-testid="confirm">
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
