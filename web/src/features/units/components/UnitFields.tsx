import { TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@/api/types';
import { ParentSelect } from './ParentSelect';
import type { UnitFormValues } from './unitForm';

export function UnitFields({ form, units, self }: { form: UseFormReturnType<UnitFormValues>; units: readonly Unit[]; self?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput label={t('units.fields.code')} required {...form.getInputProps('code')} />
      <TextInput label={t('units.fields.name')} required {...form.getInputProps('name')} />
      <ParentSelect units={units} self={self} label={t('units.fields.parent')} {...form.getInputProps('parent_id')} />
      <TextInput label={t('units.fields.locationType')} {...form.getInputProps('location_type')} />
      <TextInput
        label={t('units.fields.unlocode')}
        description={t('units.unlocodeHelp')}
        {...form.getInputProps('unlocode')}
      />
    </>
  );
}
