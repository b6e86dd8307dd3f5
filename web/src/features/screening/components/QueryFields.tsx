import { ActionIcon, Alert, Button, Group, Paper, Select, SegmentedControl, SimpleGrid, Stack, TagsInput, Text, TextInput, type TagsInputProps } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CodeMultiSelect, CodeSelect } from '@/components/CodeSelect';
import { GENDERS } from '@/lib/codes';
import { fieldId } from '@/lib/formErrors';
import { emptyDocumentQuery, MAX_DOCUMENTS, type NameEntry, type ScreeningFormValues } from '../lib/screeningForm';

export type ScreeningForm = UseFormReturnType<ScreeningFormValues>;

/** The element id of a field, for the error summary and for moving to the first error. */
const screeningFieldId = (path: string) => fieldId('screening', path);

/** Identifiers are typed in monospace (the input only, not its label or messages). */
const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** The props of a field at `path`: its value, change handler, error and element id. */
function bind(form: ScreeningForm, path: string) {
  return { ...form.getInputProps(path), id: screeningFieldId(path) };
}

/** Free-text lists (phones, e-mails): a value is added with Enter, a comma or on leaving the field. */
function ListInput(props: TagsInputProps) {
  const { t } = useTranslation();
  return <TagsInput description={t('registers.edit.listHelp')} clearable acceptValueOnBlur {...props} />;
}

/** An error that belongs to the person or the company as a whole (`nothing_to_match`). */
function WholeError({ form, path }: { form: ScreeningForm; path: 'person' | 'company' }) {
  const error = form.errors[path];
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" id={screeningFieldId(path)} data-testid="screening-subject-error">
      {error}
    </Alert>
  );
}

/**
 * A person as the officer knows them: a full name in one field (any order, any script) or
 * family and given names apart, date of birth (whole or partial), gender, nationalities,
 * document numbers (with their issuing country when known), phones and e-mails.
 */
export function PersonFields({ form }: { form: ScreeningForm }) {
  const { t } = useTranslation();
  const p = form.values.person;
  const documentsError = form.errors['person.documents'];
  return (
    <Stack gap="sm">
      <WholeError form={form} path="person" />
      <SegmentedControl
        aria-label={t('screening.nameEntry.label')}
        size="xs"
        style={{ alignSelf: 'flex-start' }}
        value={p.nameEntry}
        onChange={(v) => {
          form.setFieldValue('person.nameEntry', v as NameEntry);
          // an error on the fields now hidden would be counted but not seen
          for (const f of ['name', 'family_name', 'given_names']) form.clearFieldError(`person.${f}`);
        }}
        data={[
          { value: 'full', label: t('screening.nameEntry.full') },
          { value: 'parts', label: t('screening.nameEntry.parts') },
        ]}
      />
      {p.nameEntry === 'full' ? (
        <TextInput label={t('screening.fullName')} description={t('screening.fullNameHelp')} maxLength={200} {...bind(form, 'person.name')} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('registers.person.family_name')} maxLength={200} {...bind(form, 'person.family_name')} />
          <TextInput label={t('registers.person.given_names')} maxLength={200} {...bind(form, 'person.given_names')} />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label={t('registers.person.date_of_birth')}
          description={t('registers.person.dobHelp')}
          maxLength={10}
          {...bind(form, 'person.date_of_birth')}
        />
        <Select
          label={t('registers.person.gender')}
          clearable
          data={GENDERS.map((g) => ({ value: g, label: t(`seizures.genders.${g}`) }))}
          comboboxProps={{ withinPortal: true }}
          {...bind(form, 'person.gender')}
        />
        <CodeMultiSelect list="countries" label={t('registers.person.nationalities')} {...bind(form, 'person.nationalities')} />
      </SimpleGrid>
      <Stack gap="xs" role="group" aria-labelledby={screeningFieldId('person.documents-title')} id={screeningFieldId('person.documents')}>
        <Text fw={600} size="sm" id={screeningFieldId('person.documents-title')}>
          {t('screening.documents')}
        </Text>
        {documentsError && (
          <Text c="red.9" size="sm" role="alert">
            {documentsError}
          </Text>
        )}
        {p.documents.map((doc, i) => (
          <Paper key={doc.key} withBorder p="sm" data-testid="screening-document" id={screeningFieldId(`person.documents.${i}`)}>
            <Group align="flex-start" gap="sm" wrap="nowrap">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" style={{ flex: 1 }}>
                <TextInput
                  label={t('screening.documentNumber', { n: i + 1 })}
                  maxLength={64}
                  styles={MONO}
                  {...bind(form, `person.documents.${i}.number`)}
                />
                <CodeSelect list="countries" label={t('registers.document.country')} {...bind(form, `person.documents.${i}.country`)} />
              </SimpleGrid>
              <ActionIcon
                variant="subtle"
                color="red.9"
                mt={28}
                onClick={() => form.removeListItem('person.documents', i)}
                aria-label={t('registers.edit.removeDocument', { n: i + 1 })}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          </Paper>
        ))}
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            disabled={p.documents.length >= MAX_DOCUMENTS}
            onClick={() => form.insertListItem('person.documents', emptyDocumentQuery())}
          >
            {t('screening.addDocument')}
          </Button>
        </Group>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <ListInput label={t('registers.person.phones')} {...bind(form, 'person.phones')} />
        <ListInput label={t('registers.person.emails')} {...bind(form, 'person.emails')} />
      </SimpleGrid>
    </Stack>
  );
}

/** A company as the officer knows it: name, country, registration number, tax id, EORI. */
export function CompanyFields({ form }: { form: ScreeningForm }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <WholeError form={form} path="company" />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('registers.company.name')} maxLength={200} {...bind(form, 'company.name')} />
        <CodeSelect list="countries" label={t('registers.company.country')} {...bind(form, 'company.country')} />
        <TextInput label={t('registers.company.registration_number')} maxLength={64} styles={MONO} {...bind(form, 'company.registration_number')} />
        <TextInput label={t('registers.company.tax_id')} maxLength={64} styles={MONO} {...bind(form, 'company.tax_id')} />
        <TextInput
          label={t('registers.company.eori')}
          description={t('registers.company.eoriHelp')}
          maxLength={32}
          styles={MONO}
          {...bind(form, 'company.eori')}
        />
      </SimpleGrid>
    </Stack>
  );
}
