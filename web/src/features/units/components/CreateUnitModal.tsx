import { useState } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@/api/types';
import { FormError } from '@/components/states';
import { applyServerErrors } from '@/lib/forms';
import { useCreateUnit } from '../api/units';
import { ROOT } from './ParentSelect';
import { UnitFields } from './UnitFields';
import { newTranslations, translationValues, UNIT_FIELD_ALIASES, UNIT_FIELDS, unitValidators, type UnitFormValues } from './unitForm';

export function CreateUnitModal({
  opened,
  onClose,
  units,
  parentId,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  units: readonly Unit[];
  parentId: string | null;
  onCreated: (unit: Unit) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateUnit();
  const [generalError, setGeneralError] = useState<unknown>(null);
  const form = useForm<UnitFormValues>({
    mode: 'controlled',
    initialValues: { code: '', name: '', ...translationValues(null), parent_id: parentId ?? ROOT, location_type: '', unlocode: '' },
    validate: unitValidators(t),
  });
  const close = () => {
    form.reset();
    setGeneralError(null);
    onClose();
  };
  const submit = form.onSubmit((v) => {
    setGeneralError(null);
    create.mutate(
      {
        code: v.code.trim(),
        name: v.name.trim(),
        name_translations: newTranslations(v),
        parent_id: v.parent_id === ROOT ? null : v.parent_id,
        location_type: v.location_type.trim() || null,
        unlocode: v.unlocode.trim().replace(/\s/g, '') || null,
      },
      {
        onSuccess: (unit) => {
          form.reset();
          onCreated(unit);
        },
        onError: (err) => {
          if (!applyServerErrors(form, err, UNIT_FIELDS, UNIT_FIELD_ALIASES)) setGeneralError(err);
        },
      },
    );
  });
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('units.create')}
      size="lg"
      // reset the parent each time the modal opens
      onEnterTransitionEnd={() => form.setFieldValue('parent_id', parentId ?? ROOT)}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={generalError} />
          <UnitFields form={form} units={units} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('units.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
