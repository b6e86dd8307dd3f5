import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/states';
import { applyServerErrors } from '@/lib/forms';
import { useChangePassword } from '../api/useChangePassword';
import { useState } from 'react';

export const MIN_PASSWORD_LENGTH = 12;

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [generalError, setGeneralError] = useState<unknown>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { current_password: '', new_password: '', confirm: '' },
    validate: {
      current_password: (v) => (v ? null : t('validation.required')),
      new_password: (v) =>
        v.length >= MIN_PASSWORD_LENGTH ? null : t('validation.passwordLength', { min: MIN_PASSWORD_LENGTH }),
      confirm: (v, values) => (v === values.new_password ? null : t('validation.passwordMismatch')),
    },
  });

  const submit = form.onSubmit((values) => {
    setGeneralError(null);
    change.mutate(
      { current_password: values.current_password, new_password: values.new_password },
      {
        onSuccess: () => {
          form.reset();
          notifications.show({ color: 'green', message: t('account.passwordChanged') });
        },
        onError: (err) => {
          if (!applyServerErrors(form, err, ['current_password', 'new_password'])) setGeneralError(err);
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="change-password-title">
      <Stack gap="sm" maw={420}>
        <FormError error={generalError} />
        <PasswordInput
          label={t('account.currentPassword')}
          autoComplete="current-password"
          required
          {...form.getInputProps('current_password')}
        />
        <PasswordInput
          label={t('account.newPassword')}
          description={t('validation.passwordLength', { min: MIN_PASSWORD_LENGTH })}
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
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t('account.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
