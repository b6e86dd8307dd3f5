import { Button, Group, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { EMPTY_FILTERS, type AuditFilterValues } from './filterValues';
import { ActionSelect, ActorPicker, ObjectTypeSelect, OutcomeSelect, type SeenActor } from './Pickers';

export function AuditFilters({
  value,
  onApply,
  seen,
}: {
  value: AuditFilterValues;
  onApply: (v: AuditFilterValues) => void;
  /** actors of the events loaded, suggested by the actor picker */
  seen: readonly SeenActor[];
}) {
  const { t } = useTranslation();
  const form = useForm<AuditFilterValues>({ mode: 'controlled', initialValues: value });
  const picker = (key: keyof AuditFilterValues) => ({
    value: form.values[key],
    onChange: (v: string) => form.setFieldValue(key, v),
  });
  return (
    <form onSubmit={form.onSubmit((v) => onApply(v))} role="search" aria-label={t('audit.filters')} data-testid="audit-filters">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <ActorPicker label={t('audit.fields.actor')} seen={seen} {...picker('actor')} />
        <ActionSelect label={t('audit.fields.action')} {...picker('action')} />
        <OutcomeSelect label={t('audit.fields.outcome')} {...picker('outcome')} />
        <ObjectTypeSelect label={t('audit.fields.objectType')} {...picker('object_type')} />
        <TextInput label={t('audit.fields.objectId')} description={t('audit.objectIdHelp')} {...form.getInputProps('object_id')} />
        <TextInput type="datetime-local" label={t('audit.fields.from')} {...form.getInputProps('from')} />
        <TextInput type="datetime-local" label={t('audit.fields.to')} {...form.getInputProps('to')} />
      </SimpleGrid>
      <Group mt="sm">
        <Button type="submit">{t('audit.apply')}</Button>
        <Button
          variant="default"
          onClick={() => {
            form.setValues(EMPTY_FILTERS);
            onApply(EMPTY_FILTERS);
          }}
        >
          {t('audit.clear')}
        </Button>
      </Group>
    </form>
  );
}
