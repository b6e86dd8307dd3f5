import { useState } from 'react';
import { Button, Group, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '@/api/types';
import { FormError } from '@/components/states';
import { applyServerErrors } from '@/lib/forms';
import { useCreateUser } from '../api/users';
import { RolesField } from './RolesField';
import { UnitSelect } from './UnitSelect';

const MIN_PASSWORD = 12;

export function CreateUserModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (user: User) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [generalError, setGeneralError] = useState<unknown>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { username: '', display_name: '', email: '', unit_id: '', roles: ['officer'] as string[], password: '' },
    validate: {
      username: (v) => (v.trim() ? null : t('validation.required')),
      display_name: (v) => (v.trim() ? null : t('validation.required')),
      unit_id: (v) => (v ? null : t('validation.required')),
      roles: (v) => (v.length ? null : t('validation.roleRequired')),
      password: (v) => (v.length >= MIN_PASSWORD ? null : t('validation.passwordLength', { min: MIN_PASSWORD })),
    },
  });

  const close = () => {
    form.reset();
    setGeneralError(null);
    create.reset();
    onClose();
  };

  const submit = form.onSubmit((v) => {
    setGeneralError(null);
    create.mutate(
      {
        username: v.username.trim(),
        display_name: v.display_name.trim(),
        email: v.email.trim() || null,
        unit_id: v.unit_id,
        roles: v.roles as Role[],
        password: v.password,
      },
      {
        onSuccess: (user) => {
          form.reset();
          onCreated(user);
        },
        onError: (err) => {
          if (!applyServerErrors(form, err, ['username', 'display_name', 'email', 'unit_id', 'roles', 'password']))
            setGeneralError(err);
        },
      },
    );
  });

  return (
    <Modal opened={opened} onClose={close} title={t('users.create')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={generalError} />
          <TextInput label={t('users.fields.username')} required autoComplete="off" {...form.getInputProps('username')} />
          <TextInput label={t('users.fields.displayName')} required {...form.getInputProps('display_name')} />
          <TextInput label={t('users.fields.email')} type="email" {...form.getInputProps('email')} />
          <UnitSelect label={t('users.fields.unit')} required {...form.getInputProps('unit_id')} />
          <RolesField {...form.getInputProps('roles')} />
          <PasswordInput
            label={t('users.fields.initialPassword')}
            description={t('validation.passwordLength', { min: MIN_PASSWORD })}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('users.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
