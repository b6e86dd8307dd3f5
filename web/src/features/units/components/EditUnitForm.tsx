import { useState } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Unit, UnitChanges } from '@/api/types';
import { FormError } from '@/components/states';
import { isStale } from '@/api/errors';
import { StaleVersionAlert } from '@/components/StaleVersionAlert';
import { applyServerErrors } from '@/lib/forms';
import { useUpdateUnit } from '../api/units';
import { ROOT } from './ParentSelect';
import { UnitFields } from './UnitFields';
import { translationChanges, translationValues, UNIT_FIELD_ALIASES, UNIT_FIELDS, unitValidators, type UnitFormValues } from './unitForm';

function toValues(u: Unit): UnitFormValues {
  return {
    code: u.code,
    name: u.name,
    ...translationValues(u),
    parent_id: u.parent_id ?? ROOT,
    location_type: u.location_type ?? '',
    unlocode: u.unlocode ?? '',
  };
}

export function EditUnitForm({ unit, units, onReload }: { unit: Unit; units: readonly Unit[]; onReload: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUnit();
  const [generalError, setGeneralError] = useState<unknown>(null);
  const form = useForm<UnitFormValues>({ mode: 'controlled', initialValues: toValues(unit), validate: unitValidators(t) });

  const submit = form.onSubmit((v) => {
    setGeneralError(null);
    const changes: UnitChanges = {};
    if (v.code.trim() !== unit.code) changes.code = v.code.trim();
    if (v.name.trim() !== unit.name) changes.name = v.name.trim();
    const names = translationChanges(v, unit);
    if (names) changes.name_translations = names;
    const parent = v.parent_id === ROOT ? null : v.parent_id;
    if (parent !== unit.parent_id) changes.parent_id = parent;
    const lt = v.location_type.trim() || null;
    if (lt !== unit.location_type) changes.location_type = lt;
    const lo = v.unlocode.trim().replace(/\s/g, '') || null;
    if (lo !== unit.unlocode) changes.unlocode = lo;
    update.mutate(
      { id: unit.id, version: unit.version, changes },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('common.saved') }),
        onError: (err) => {
          if (!applyServerErrors(form, err, UNIT_FIELDS, UNIT_FIELD_ALIASES)) setGeneralError(err);
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('units.editTitle')}>
      <Stack gap="sm">
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
        <UnitFields form={form} units={units} self={unit.id} />
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
            {t('common.reset')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
