import { useState } from 'react';
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { User } from '@/api/types';
import { FormError } from '@/components/states';
import { applyServerErrors } from '@/lib/forms';
import { useResetPassword } from '../api/users';

const MIN_PASSWORD = 12;

export function ResetPasswordModal({ user, opened, onClose }: { user: User; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const reset = useResetPassword(user.id);
  const [generalError, setGeneralError] = useState<unknown>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { new_password: '', confirm: '' },
    validate: {
      new_password: (v) => (v.length >= MIN_PASSWORD ? null : t('validation.passwordLength', { min: MIN_PASSWORD })),
      confirm: (v, values) => (v === values.new_password ? null : t('validation.passwordMismatch')),
    },
  });
  const close = () => {
    form.reset();
    setGeneralError(null);
    onClose();
  };
  const submit = form.onSubmit((v) => {
    setGeneralError(null);
    reset.mutate(v.new_password, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('users.passwordReset', { username: user.username }) });
        close();
      },
      onError: (err) => {
        if (!applyServerErrors(form, err, ['new_password'])) setGeneralError(err);
      },
    });
  });
  return (
    <Modal opened={opened} onClose={close} title={t('users.resetPassword')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('users.resetPasswordHelp', { username: user.username })}</Text>
          <FormError error={generalError} />
          <PasswordInput
            label={t('account.newPassword')}
            description={t('validation.passwordLength', { min: MIN_PASSWORD })}
            autoComplete="new-password"
            required
            {...form.getInputProps('new_password')}
          />
          <PasswordInput
            label={t('account.confirmPassword')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={reset.isPending}>
              {t('users.resetPassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
