import { useState } from 'react';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '@/api/types';
import { FormError } from '@/components/states';
import { applyServerErrors } from '@/lib/forms';
import { useUpdateUser } from '../api/users';
import { RolesField } from './RolesField';
import { UnitSelect } from './UnitSelect';
import { isStale } from '@/api/errors';
import { StaleVersionAlert } from '@/components/StaleVersionAlert';

export function EditUserForm({ user, readOnly, onReload }: { user: User; readOnly: boolean; onReload: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const [generalError, setGeneralError] = useState<unknown>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      display_name: user.display_name,
      email: user.email ?? '',
      unit_id: user.unit_id,
      roles: [...user.roles],
    },
    validate: {
      display_name: (v) => (v.trim() ? null : t('validation.required')),
      unit_id: (v) => (v ? null : t('validation.required')),
      roles: (v) => (v.length ? null : t('validation.roleRequired')),
    },
  });

  const submit = form.onSubmit((v) => {
    setGeneralError(null);
    update.mutate(
      {
        version: user.version,
        changes: { display_name: v.display_name.trim(), email: v.email.trim() || null, unit_id: v.unit_id, roles: v.roles as Role[] },
      },
      {
        onSuccess: (saved) => {
          form.setInitialValues({
            display_name: saved.display_name,
            email: saved.email ?? '',
            unit_id: saved.unit_id,
            roles: [...saved.roles],
          });
          form.reset();
          notifications.show({ color: 'green', message: t('common.saved') });
        },
        onError: (err) => {
          if (!applyServerErrors(form, err, ['display_name', 'email', 'unit_id', 'roles'])) setGeneralError(err);
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="sm" maw={640}>
          {isStale(generalError) ? (
            <StaleVersionAlert
              onReload={() => {
                setGeneralError(null);
                onReload();
              }}
            />
          ) : (
            <FormError error={generalError} />
          )}
          <TextInput label={t('users.fields.displayName')} required {...form.getInputProps('display_name')} />
          <TextInput label={t('users.fields.email')} type="email" {...form.getInputProps('email')} />
          <UnitSelect label={t('users.fields.unit')} required {...form.getInputProps('unit_id')} />
          <RolesField {...form.getInputProps('roles')} />
          {!readOnly && (
            <Group>
              <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
