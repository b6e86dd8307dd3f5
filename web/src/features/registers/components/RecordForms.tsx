import { useMemo, type ReactNode } from 'react';
import { Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput, Title } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Company, CompanyInput, CompanyRecord, ConveyanceInput, ConveyanceRecord, Person, PersonInput, PersonRecord } from '@/api/types';
import { CodeMultiSelect, CodeSelect } from '@/components/CodeSelect';
import { DocumentRows } from '@/components/DocumentRows';
import { COMPANY_STATUSES, GENDERS, IDENTIFIER_KINDS } from '@/lib/codes';
import type { MergePatch } from '@/lib/patch';
import {
  companyDuplicateProbe,
  companyErrorPaths,
  companyFormToInput,
  companyToForm,
  conveyanceErrorPaths,
  conveyanceFormToInput,
  conveyanceToForm,
  emptyCompanyForm,
  emptyPersonForm,
  personDuplicateProbe,
  personErrorPaths,
  personFormToInput,
  personToForm,
  validateCompany,
  validateConveyance,
  validatePerson,
  type CompanyFormValues,
  type ConveyanceFormValues,
  type PersonFormValues,
} from '../lib/recordForms';
import { AddressRows, CompanyCountrySelect, FormerNameRows, IdentifierRows, LegalFormSelect } from './CompanyFields';
import { DuplicateWarning } from './DuplicateWarning';
import { Card } from './parts';
import { RecordForm, type RecordSubmit } from './RecordForm';

/** A correction of `record`: a merge patch of what changed. */
interface EditProps<R, I> {
  record: R;
  save: (patch: MergePatch<I>) => Promise<unknown>;
  onSaved: () => void;
  onCancel: () => void;
  onReload: () => void;
}

/** A new record: the whole input, checked against the register for duplicates while it is typed. */
interface CreateProps<I, C> {
  create: (input: I) => Promise<C>;
  onSaved: (created: C) => void;
  onCancel: () => void;
}

type Props<R, I, C = never> = EditProps<R, I> | CreateProps<I, C>;

/** RecordForm's submit props for either kind of form. */
function submitter<R, I, C>(props: Props<R, I, C>): RecordSubmit<I, unknown> & { onSaved: (r: unknown) => void; onCancel: () => void; onReload?: () => void } {
  if ('create' in props) return { create: props.create, onSaved: (c) => props.onSaved(c as C), onCancel: props.onCancel };
  return { save: props.save, onSaved: () => props.onSaved(), onCancel: props.onCancel, onReload: props.onReload };
}

/** Identifiers are typed in monospace (the input only, not its label or messages). */
const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

function Grid({ children }: { children: ReactNode }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
      {children}
    </SimpleGrid>
  );
}

/** Free-text lists (aliases, phones, e-mails): a value is added with Enter, a comma or on leaving the field. */
function ListInput({ label, ...props }: { label: string } & GetInputPropsReturnType) {
  const { t } = useTranslation();
  return <TagsInput label={label} description={t('registers.edit.listHelp')} clearable acceptValueOnBlur {...props} />;
}

export function PersonForm(props: Props<PersonRecord, PersonInput, Person>) {
  const { t } = useTranslation();
  const record = 'record' in props ? props.record : null;
  const initial = useMemo(() => (record ? personToForm(record) : emptyPersonForm()), [record]);
  return (
    <RecordForm<PersonFormValues, PersonInput>
      testId="person-form"
      initial={initial}
      toInput={personFormToInput}
      validate={(v) => validatePerson(v)}
      errorPaths={personErrorPaths}
      {...submitter(props)}
    >
      {(form) => (
        <>
          <Card title={t('registers.details')}>
            <Grid>
              <TextInput label={t('registers.person.family_name')} withAsterisk {...form.getInputProps('family_name')} />
              <TextInput label={t('registers.person.given_names')} {...form.getInputProps('given_names')} />
              <TextInput label={t('registers.person.original_script_name')} {...form.getInputProps('original_script_name')} />
              <TextInput label={t('registers.person.date_of_birth')} description={t('registers.person.dobHelp')} {...form.getInputProps('date_of_birth')} />
              <TextInput label={t('registers.person.place_of_birth')} {...form.getInputProps('place_of_birth')} />
              <Select
                label={t('registers.person.gender')}
                clearable
                data={GENDERS.map((g) => ({ value: g, label: t(`seizures.genders.${g}`) }))}
                {...form.getInputProps('gender')}
              />
              <CodeMultiSelect list="countries" label={t('registers.person.nationalities')} {...form.getInputProps('nationalities')} />
              <ListInput label={t('registers.person.aliases')} {...form.getInputProps('aliases')} />
            </Grid>
          </Card>
          <Card title={t('registers.edit.documents')}>
            <DocumentRows form={form} documents={form.values.documents} />
          </Card>
          <Card title={t('registers.edit.contact')}>
            <Grid>
              <Textarea label={t('registers.person.addresses')} description={t('registers.edit.linesHelp')} autosize minRows={2} {...form.getInputProps('addresses')} />
              <ListInput label={t('registers.person.phones')} {...form.getInputProps('phones')} />
              <ListInput label={t('registers.person.emails')} {...form.getInputProps('emails')} />
            </Grid>
          </Card>
          <Card title={t('registers.notes')}>
            <Textarea label={t('registers.notes')} autosize minRows={3} {...form.getInputProps('notes')} />
          </Card>
          {!record && <DuplicateWarning register="persons" probe={personDuplicateProbe(form.values)} />}
        </>
      )}
    </RecordForm>
  );
}

export function CompanyForm(props: Props<CompanyRecord, CompanyInput, Company>) {
  const { t } = useTranslation();
  const record = 'record' in props ? props.record : null;
  const initial = useMemo(() => (record ? companyToForm(record) : emptyCompanyForm()), [record]);
  return (
    <RecordForm<CompanyFormValues, CompanyInput>
      testId="company-form"
      initial={initial}
      toInput={companyFormToInput}
      validate={(v) => validateCompany(v)}
      errorPaths={companyErrorPaths}
      {...submitter(props)}
    >
      {(form) => (
        <>
          <Card title={t('registers.details')}>
            <Grid>
              <TextInput label={t('registers.company.name')} withAsterisk {...form.getInputProps('name')} />
              <ListInput label={t('registers.company.aliases')} {...form.getInputProps('aliases')} />
              <CodeMultiSelect list="company_roles" label={t('registers.company.activities')} {...form.getInputProps('activities')} />
            </Grid>
          </Card>
          <Card title={t('companies:cards.incorporation')}>
            <Grid>
              <CompanyCountrySelect form={form} field="country" label={t('registers.company.country')} />
              <CompanyCountrySelect
                form={form}
                field="incorporation_country"
                label={t('companies:fields.incorporation_country')}
                description={t('companies:help.incorporationCountry')}
              />
              <LegalFormSelect form={form} />
              <TextInput type="date" label={t('companies:fields.incorporated_on')} {...form.getInputProps('incorporated_on')} />
              <Select
                label={t('registers.company.status')}
                data={COMPANY_STATUSES.map((s) => ({ value: s, label: t(`registers.companyStatus.${s}`) }))}
                allowDeselect={false}
                {...form.getInputProps('status')}
              />
              <TextInput type="date" label={t('companies:fields.status_since')} {...form.getInputProps('status_since')} />
            </Grid>
          </Card>
          <Card title={t('companies:fields.former_names')}>
            <FormerNameRows form={form} />
          </Card>
          <Card title={t('registers.identifiers')}>
            <Stack gap="md">
              <Grid>
                <TextInput label={t('registers.company.registration_number')} styles={MONO} {...form.getInputProps('registration_number')} />
                <TextInput label={t('registers.company.tax_id')} styles={MONO} {...form.getInputProps('tax_id')} />
                <TextInput label={t('registers.company.eori')} description={t('registers.company.eoriHelp')} styles={MONO} {...form.getInputProps('eori')} />
              </Grid>
              <Title order={3} size="h5">
                {t('companies:fields.identifiers')}
              </Title>
              <IdentifierRows form={form} />
            </Stack>
          </Card>
          <Card title={t('registers.edit.contact')}>
            <Stack gap="md">
              <AddressRows form={form} />
              <Grid>
                <ListInput label={t('companies:fields.phones')} {...form.getInputProps('phones')} />
                <ListInput label={t('companies:fields.emails')} {...form.getInputProps('emails')} />
                <ListInput label={t('companies:fields.websites')} {...form.getInputProps('websites')} />
              </Grid>
            </Stack>
          </Card>
          <Card title={t('companies:cards.trade')}>
            <Grid>
              <TagsInput
                label={t('companies:fields.hs_chapters')}
                description={t('companies:help.hsChapters')}
                clearable
                acceptValueOnBlur
                {...form.getInputProps('hs_chapters')}
              />
              <CodeMultiSelect list="countries" label={t('companies:fields.trade_countries')} {...form.getInputProps('trade_countries')} />
            </Grid>
          </Card>
          <Card title={t('registers.notes')}>
            <Textarea label={t('registers.notes')} autosize minRows={3} {...form.getInputProps('notes')} />
          </Card>
          {!record && <DuplicateWarning register="companies" probe={companyDuplicateProbe(form.values)} />}
        </>
      )}
    </RecordForm>
  );
}

export function ConveyanceForm({ record, ...props }: EditProps<ConveyanceRecord, ConveyanceInput>) {
  const { t } = useTranslation();
  const initial = useMemo(() => conveyanceToForm(record), [record]);
  return (
    <RecordForm<ConveyanceFormValues, ConveyanceInput>
      testId="conveyance-form"
      initial={initial}
      toInput={conveyanceFormToInput}
      validate={validateConveyance}
      errorPaths={conveyanceErrorPaths}
      conflictField="identifier"
      {...props}
    >
      {(form) => (
        <>
          <Card title={t('registers.identifiers')}>
            <Grid>
              <Select
                label={t('registers.conveyance.identifier_kind')}
                withAsterisk
                searchable
                allowDeselect={false}
                data={IDENTIFIER_KINDS.map((k) => ({ value: k, label: t(`registers.identifierKinds.${k}`) }))}
                {...form.getInputProps('identifier_kind')}
              />
              <TextInput
                label={t('registers.conveyance.identifier')}
                description={t('registers.edit.identifierHelp')}
                withAsterisk
                styles={MONO}
                {...form.getInputProps('identifier')}
              />
            </Grid>
          </Card>
          <Card title={t('registers.details')}>
            <Grid>
              <CodeSelect list="conveyance_types" label={t('registers.conveyance.conveyance_type')} withAsterisk {...form.getInputProps('conveyance_type')} />
              <TextInput label={t('registers.conveyance.name')} {...form.getInputProps('name')} />
              <CodeSelect list="countries" label={t('registers.conveyance.country')} {...form.getInputProps('country')} />
              <TextInput label={t('registers.edit.make')} {...form.getInputProps('make')} />
              <TextInput label={t('registers.edit.model')} {...form.getInputProps('model')} />
            </Grid>
            <Textarea mt="sm" label={t('registers.notes')} autosize minRows={3} {...form.getInputProps('notes')} />
          </Card>
        </>
      )}
    </RecordForm>
  );
}
