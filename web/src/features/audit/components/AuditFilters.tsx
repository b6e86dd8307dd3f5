import { Button, Group, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { EMPTY_FILTERS, type AuditFilterValues } from './filterValues';

export function AuditFilters({ value, onApply }: { value: AuditFilterValues; onApply: (v: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const form = useForm<AuditFilterValues>({ mode: 'controlled', initialValues: value });
  return (
    <form
      onSubmit={form.onSubmit((v) => onApply(v))}
      role="search"
      aria-label={t('audit.filters')}
      data-testid="audit-filters"
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <TextInput label={t('audit.fields.actor')} description={t('audit.actorHelp')} {...form.getInputProps('actor')} />
        <TextInput label={t('audit.fields.action')} placeholder="user.create" {...form.getInputProps('action')} />
        <TextInput label={t('audit.fields.objectType')} placeholder="user" {...form.getInputProps('object_type')} />
        <TextInput label={t('audit.fields.objectId')} {...form.getInputProps('object_id')} />
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
