import { Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CodeMultiSelect } from '@/components/CodeSelect';
import { DocumentRows } from '@/components/DocumentRows';
import { GENDERS } from '@/lib/codes';
import { fieldId } from '@/lib/formErrors';
import { documentNumbers } from '@/lib/persons';
import { usePersonMatchesAny } from '../api/registers';
import type { CaseFormValues, PersonValues } from '../lib/caseForm';
import { CASE_FORM } from '../lib/fieldErrors';
import { personMatches, type PossibleMatch } from '../lib/matches';
import { PossibleMatches } from './LinkParts';

function usePersonOptionsAny(qs: readonly string[]) {
  const { t } = useTranslation();
  const r = usePersonMatchesAny(qs);
  return { data: personMatches(r.data, qs, t) };
}

/**
 * A person created with the case (`persons.<i>.person`): family and given names apart, date of
 * birth, gender, nationalities and identity documents, so the record needs no correction
 * afterwards. Persons the register already holds under that name or document number are
 * offered instead ("Use this record").
 */
export function NewPersonFields({
  form,
  index,
  person,
  onUse,
}: {
  form: UseFormReturnType<CaseFormValues>;
  index: number;
  person: PersonValues;
  onUse: (m: PossibleMatch) => void;
}) {
  const { t } = useTranslation();
  const p = (f: string) => `persons.${index}.person.${f}`;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('registers.person.family_name')} withAsterisk {...form.getInputProps(p('family_name'))} />
        <TextInput label={t('registers.person.given_names')} {...form.getInputProps(p('given_names'))} />
        <TextInput label={t('registers.person.date_of_birth')} description={t('registers.person.dobHelp')} {...form.getInputProps(p('date_of_birth'))} />
        <Select
          label={t('registers.person.gender')}
          clearable
          data={GENDERS.map((g) => ({ value: g, label: t(`seizures.genders.${g}`) }))}
          {...form.getInputProps(p('gender'))}
        />
        <CodeMultiSelect list="countries" label={t('registers.person.nationalities')} {...form.getInputProps(p('nationalities'))} />
      </SimpleGrid>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('registers.edit.documents')}
        </Text>
        <DocumentRows form={form} documents={person.documents} path={p('documents')} withExpiry={false} elementId={(path) => fieldId(CASE_FORM, path)} />
      </Stack>
      <PossibleMatches
        queries={[`${person.family_name} ${person.given_names}`, ...documentNumbers(person.documents)]}
        useMatches={usePersonOptionsAny}
        onUse={onUse}
      />
    </>
  );
}
