import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ConveyanceRole } from '@/api/types';
import { CodeSelect } from '@/components/CodeSelect';
import { RecordSearch } from '@/components/RecordSearch';
import { IDENTIFIER_KINDS } from '@/lib/codes';
import { fieldId } from '@/lib/formErrors';
import { useCompanyMatches, useCompanyMatchesAny, useConveyanceMatches, useConveyanceMatchesAny, usePersonMatches } from '../api/registers';
import {
  companyLabel,
  conveyanceLabel,
  emptyCompany,
  emptyConveyance,
  emptyPerson,
  newKey,
  personLabel,
  type CaseFormValues,
} from '../lib/caseForm';
import { CASE_FORM } from '../lib/fieldErrors';
import { CarrierNameInput } from './CarrierNameInput';
import { Chosen, LinkCard, PossibleMatches } from './LinkParts';
import { NewPersonFields } from './NewPersonFields';

type Form = UseFormReturnType<CaseFormValues>;

const CONVEYANCE_ROLES: ConveyanceRole[] = ['carrying', 'container', 'trailer', 'parcel', 'other'];

const usePersonOptions = (q: string) => {
  const r = usePersonMatches(q);
  return { isFetching: r.isFetching, data: r.data?.map((p) => ({ id: p.id, label: personLabel(p) })) };
};
const useCompanyOptions = (q: string) => {
  const r = useCompanyMatches(q);
  return { isFetching: r.isFetching, data: r.data?.map((c) => ({ id: c.id, label: companyLabel(c) })) };
};
const useConveyanceOptions = (q: string) => {
  const r = useConveyanceMatches(q);
  return { isFetching: r.isFetching, data: r.data?.map((c) => ({ id: c.id, label: conveyanceLabel(c) })) };
};
const useCompanyOptionsAny = (qs: readonly string[]) => ({ data: useCompanyMatchesAny(qs).data.map((c) => ({ id: c.id, label: companyLabel(c) })) });
const useConveyanceOptionsAny = (qs: readonly string[]) => ({ data: useConveyanceMatchesAny(qs).data.map((c) => ({ id: c.id, label: conveyanceLabel(c) })) });

export function PersonLinks({ form }: { form: Form }) {
  const { t } = useTranslation();
  const links = form.values.persons;
  const p = (i: number, f: string) => `persons.${i}.${f}`;
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('seizures.links.persons')}
      </Title>
      {typeof form.errors.persons === 'string' && (
        <Text c="red.8" size="sm" id={fieldId(CASE_FORM, 'persons')}>
          {form.errors.persons}
        </Text>
      )}
      {links.map((l, i) => (
        <LinkCard
          key={l.key}
          title={t('seizures.links.personN', { n: i + 1 })}
          onRemove={() => form.removeListItem('persons', i)}
          removeLabel={t('seizures.links.removePerson', { n: i + 1 })}
          error={form.errors[`persons.${i}`]}
          path={`persons.${i}`}
        >
          <CodeSelect list="person_roles" label={t('seizures.links.role')} withAsterisk {...form.getInputProps(p(i, 'role'))} />
          {l.person_id ? (
            <Chosen label={l.label} to={`/registers/persons/${l.person_id}`} onChange={() => form.setFieldValue(`persons.${i}`, { ...l, person_id: null, label: '' })} />
          ) : l.person ? (
            <>
              <NewPersonFields
                form={form}
                index={i}
                person={l.person}
                onUse={(m) => form.setFieldValue(`persons.${i}`, { ...l, person_id: m.id, label: m.label, person: null })}
              />
              <Group>
                <Button size="compact-sm" variant="subtle" onClick={() => form.setFieldValue(`persons.${i}`, { ...l, person: null })}>
                  {t('seizures.links.searchInstead')}
                </Button>
              </Group>
            </>
          ) : (
            <RecordSearch
              label={t('seizures.links.findPerson')}
              createLabel={(text) => t('seizures.links.createPerson', { name: text })}
              useMatches={usePersonOptions}
              canCreate
              error={form.errors[p(i, 'person_id')]}
              id={fieldId(CASE_FORM, p(i, 'person_id'))}
              onPick={(m) => form.setFieldValue(`persons.${i}`, { ...l, person_id: m.id, label: m.label, person: null })}
              onCreate={(text) => form.setFieldValue(`persons.${i}`, { ...l, person: emptyPerson(text) })}
            />
          )}
        </LinkCard>
      ))}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => form.insertListItem('persons', { key: newKey(), role: null, person_id: null, label: '', person: null })}
        >
          {t('seizures.links.addPerson')}
        </Button>
      </Group>
    </Stack>
  );
}

export function CompanyLinks({ form }: { form: Form }) {
  const { t } = useTranslation();
  const links = form.values.companies;
  const p = (i: number, f: string) => `companies.${i}.${f}`;
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('seizures.links.companies')}
      </Title>
      {typeof form.errors.companies === 'string' && (
        <Text c="red.8" size="sm" id={fieldId(CASE_FORM, 'companies')}>
          {form.errors.companies}
        </Text>
      )}
      {links.map((l, i) => (
        <LinkCard
          key={l.key}
          title={t('seizures.links.companyN', { n: i + 1 })}
          onRemove={() => form.removeListItem('companies', i)}
          removeLabel={t('seizures.links.removeCompany', { n: i + 1 })}
          error={form.errors[`companies.${i}`]}
          path={`companies.${i}`}
        >
          <CodeSelect list="company_roles" label={t('seizures.links.role')} withAsterisk {...form.getInputProps(p(i, 'role'))} />
          {l.company_id ? (
            <Chosen label={l.label} to={`/registers/companies/${l.company_id}`} onChange={() => form.setFieldValue(`companies.${i}`, { ...l, company_id: null, label: '' })} />
          ) : l.company ? (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput label={t('registers.company.name')} withAsterisk {...form.getInputProps(p(i, 'company.name'))} />
                <CodeSelect list="countries" label={t('registers.company.country')} {...form.getInputProps(p(i, 'company.country'))} />
                <TextInput label={t('registers.company.registration_number')} {...form.getInputProps(p(i, 'company.registration_number'))} />
                <TextInput label={t('registers.company.eori')} description={t('registers.company.eoriHelp')} {...form.getInputProps(p(i, 'company.eori'))} />
              </SimpleGrid>
              <PossibleMatches
                queries={[l.company.name, l.company.registration_number, l.company.eori]}
                useMatches={useCompanyOptionsAny}
                onUse={(m) => form.setFieldValue(`companies.${i}`, { ...l, company_id: m.id, label: m.label, company: null })}
              />
              <Group>
                <Button size="compact-sm" variant="subtle" onClick={() => form.setFieldValue(`companies.${i}`, { ...l, company: null })}>
                  {t('seizures.links.searchInstead')}
                </Button>
              </Group>
            </>
          ) : (
            <RecordSearch
              label={t('seizures.links.findCompany')}
              createLabel={(text) => t('seizures.links.createCompany', { name: text })}
              useMatches={useCompanyOptions}
              canCreate
              error={form.errors[p(i, 'company_id')]}
              id={fieldId(CASE_FORM, p(i, 'company_id'))}
              onPick={(m) => form.setFieldValue(`companies.${i}`, { ...l, company_id: m.id, label: m.label, company: null })}
              onCreate={(text) => form.setFieldValue(`companies.${i}`, { ...l, company: emptyCompany(text) })}
            />
          )}
        </LinkCard>
      ))}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => form.insertListItem('companies', { key: newKey(), role: null, company_id: null, label: '', company: null })}
        >
          {t('seizures.links.addCompany')}
        </Button>
      </Group>
    </Stack>
  );
}

export function ConveyanceLinks({ form }: { form: Form }) {
  const { t } = useTranslation();
  const links = form.values.conveyances;
  const p = (i: number, f: string) => `conveyances.${i}.${f}`;
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('seizures.links.conveyances')}
      </Title>
      {typeof form.errors.conveyances === 'string' && (
        <Text c="red.8" size="sm" id={fieldId(CASE_FORM, 'conveyances')}>
          {form.errors.conveyances}
        </Text>
      )}
      {links.map((l, i) => (
        <LinkCard
          key={l.key}
          title={t('seizures.links.conveyanceN', { n: i + 1 })}
          onRemove={() => form.removeListItem('conveyances', i)}
          removeLabel={t('seizures.links.removeConveyance', { n: i + 1 })}
          error={form.errors[`conveyances.${i}`]}
          path={`conveyances.${i}`}
        >
          <Select
            label={t('seizures.links.role')}
            withAsterisk
            data={CONVEYANCE_ROLES.map((r) => ({ value: r, label: t(`seizures.conveyanceRoles.${r}`) }))}
            {...form.getInputProps(p(i, 'role'))}
          />
          {l.conveyance_id ? (
            <Chosen label={l.label} to={`/registers/conveyances/${l.conveyance_id}`} onChange={() => form.setFieldValue(`conveyances.${i}`, { ...l, conveyance_id: null, label: '' })} />
          ) : l.conveyance ? (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <CodeSelect list="conveyance_types" label={t('registers.conveyance.conveyance_type')} withAsterisk {...form.getInputProps(p(i, 'conveyance.conveyance_type'))} />
                <Select
                  label={t('registers.conveyance.identifier_kind')}
                  withAsterisk
                  searchable
                  openOnFocus={false}
                  data={IDENTIFIER_KINDS.map((k) => ({ value: k, label: t(`registers.identifierKinds.${k}`) }))}
                  {...form.getInputProps(p(i, 'conveyance.identifier_kind'))}
                />
                <TextInput label={t('registers.conveyance.identifier')} withAsterisk {...form.getInputProps(p(i, 'conveyance.identifier'))} />
                <CodeSelect list="countries" label={t('registers.conveyance.country')} {...form.getInputProps(p(i, 'conveyance.country'))} />
                <CarrierNameInput label={t('registers.conveyance.name')} {...form.getInputProps(p(i, 'conveyance.name'))} />
              </SimpleGrid>
              <PossibleMatches
                queries={[l.conveyance.identifier]}
                useMatches={useConveyanceOptionsAny}
                onUse={(m) => form.setFieldValue(`conveyances.${i}`, { ...l, conveyance_id: m.id, label: m.label, conveyance: null })}
              />
              <Group>
                <Button size="compact-sm" variant="subtle" onClick={() => form.setFieldValue(`conveyances.${i}`, { ...l, conveyance: null })}>
                  {t('seizures.links.searchInstead')}
                </Button>
              </Group>
            </>
          ) : (
            <RecordSearch
              label={t('seizures.links.findConveyance')}
              createLabel={(text) => t('seizures.links.createConveyance', { name: text })}
              useMatches={useConveyanceOptions}
              canCreate
              error={form.errors[p(i, 'conveyance_id')]}
              id={fieldId(CASE_FORM, p(i, 'conveyance_id'))}
              onPick={(m) => form.setFieldValue(`conveyances.${i}`, { ...l, conveyance_id: m.id, label: m.label, conveyance: null })}
              onCreate={(text) => form.setFieldValue(`conveyances.${i}`, { ...l, conveyance: emptyConveyance(text) })}
            />
          )}
        </LinkCard>
      ))}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => form.insertListItem('conveyances', { key: newKey(), role: null, conveyance_id: null, label: '', conveyance: null })}
        >
          {t('seizures.links.addConveyance')}
        </Button>
      </Group>
    </Stack>
  );
}
