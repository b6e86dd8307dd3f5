import type { ReactNode } from 'react';
import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bidi } from '@/components/Bidi';
import { FREE_TEXT } from '@/components/freeText';
import { MAX_REASON } from '../lib/reason';

/**
 * A dialog that says what a step will do and asks why (a required reason). `error` is a
 * failure in words (shown above the buttons); `reasonError` one that belongs to the reason.
 */
export function ReasonModal({
  opened,
  title,
  children,
  reasonLabel,
  submitLabel,
  reason,
  onReason,
  reasonError,
  error,
  pending,
  danger,
  onSubmit,
  onClose,
  testId,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  reasonLabel: string;
  submitLabel: string;
  reason: string;
  onReason: (reason: string) => void;
  reasonError: string | null;
  error: string | null;
  pending: boolean;
  danger?: boolean;
  onSubmit: () => void;
  onClose: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <form
        noValidate
        data-testid={testId}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack>
          {children}
          <Textarea
            label={reasonLabel}
            required
            autosize
            minRows={3}
            maxLength={MAX_REASON}
            value={reason}
            onChange={(e) => onReason(e.currentTarget.value)}
            error={reasonError}
            {...FREE_TEXT}
            data-autofocus
          />
          {error && (
            <Alert color="red" variant="light" role="alert" data-testid="form-error">
              <Bidi>{error}</Bidi>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending} color={danger ? 'red.9' : undefined}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

