import { Fieldset, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@/api/types';
import { UNIT_NAME_LANGUAGES } from '@/lib/units';
import { ParentSelect } from './ParentSelect';
import { nameField, type UnitFormValues } from './unitForm';

export function UnitFields({ form, units, self }: { form: UseFormReturnType<UnitFormValues>; units: readonly Unit[]; self?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput label={t('units.fields.code')} required {...form.getInputProps('code')} />
      <TextInput label={t('units.fields.name')} required {...form.getInputProps('name')} />
      <Fieldset legend={t('units.translations')} variant="unstyled">
        <Stack gap="xs">
          <Text size="xs" c="dimmed">
            {t('units.translationHelp')}
          </Text>
          {UNIT_NAME_LANGUAGES.map((lang) => (
            <TextInput
              key={lang}
              label={t(`units.fields.${nameField(lang)}`)}
              lang={lang}
              dir={lang === 'ar' ? 'rtl' : undefined}
              maxLength={200}
              {...form.getInputProps(nameField(lang))}
            />
          ))}
        </Stack>
      </Fieldset>
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
