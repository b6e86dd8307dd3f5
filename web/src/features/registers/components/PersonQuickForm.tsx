import { useState } from 'react';
import { Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person, PersonInput } from '@/api/types';
import { CodeMultiSelect } from '@/components/CodeSelect';
import { DocumentRows } from '@/components/DocumentRows';
import { GENDERS } from '@/lib/codes';
import { splitName } from '@/lib/persons';
import { useCreatePerson, type Duplicate } from '../api/registers';
import {
  emptyPersonForm,
  personDuplicateProbe,
  personErrorPaths,
  personFormToInput,
  validatePerson,
  type PersonFormValues,
} from '../lib/recordForms';
import { DuplicateWarning } from './DuplicateWarning';
import { RecordForm } from './RecordForm';

export interface PersonQuickFormProps {
  /**
   * What the officer typed where no one was found, split into family and given names
   * ("RESTREPO GÓMEZ Juan Carlos", "Restrepo Gómez, Juan Carlos": see `splitName`).
   */
  name?: string;
  /** The person as the register now holds it (`POST /api/v1/persons` answered 201). */
  onCreated: (person: Person) => void;
  onCancel?: () => void;
  /**
   * Placed inside another `<form>` (the case form): renders a group with a plain button, as
   * forms do not nest. Not needed inside a modal, whose form a submit never leaves.
   */
  embedded?: boolean;
  /** Offers "Use this record" on each likely duplicate (e.g. to link the existing person instead). */
  onUseExisting?: (match: Duplicate) => void;
  /** Opens a likely duplicate in a new tab (default), so work in progress is not left. */
  openMatchesInNewTab?: boolean;
}

/**
 * A person created on the spot (from the case form): family name and given names apart, date
 * of birth, gender, nationalities and identity documents (type, number, issuing country), so
 * the record needs no correction afterwards. Checked as the register's own form checks it,
 * warned of likely duplicates while typed, sent by `POST /api/v1/persons`; the server's field
 * errors are shown at their fields.
 */
export function PersonQuickForm({ name = '', onCreated, onCancel, embedded = false, onUseExisting, openMatchesInNewTab = true }: PersonQuickFormProps) {
  const { t } = useTranslation();
  const create = useCreatePerson();
  // the typed name seeds the form once; the form owns its values afterwards
  const [initial] = useState(() => emptyPersonForm(splitName(name)));
  return (
    <RecordForm<PersonFormValues, PersonInput, Person>
      testId="person-quick-form"
      initial={initial}
      toInput={personFormToInput}
      validate={(v) => validatePerson(v)}
      errorPaths={personErrorPaths}
      create={(input) => create.mutateAsync(input)}
      onSaved={onCreated}
      onCancel={onCancel}
      submitLabel={t('registers.create.quickSubmit')}
      embedded={embedded}
    >
      {(form) => (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('registers.person.family_name')} withAsterisk {...form.getInputProps('family_name')} />
            <TextInput label={t('registers.person.given_names')} {...form.getInputProps('given_names')} />
            <TextInput label={t('registers.person.date_of_birth')} description={t('registers.person.dobHelp')} {...form.getInputProps('date_of_birth')} />
            <Select
              label={t('registers.person.gender')}
              clearable
              data={GENDERS.map((g) => ({ value: g, label: t(`seizures.genders.${g}`) }))}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('gender')}
            />
            <CodeMultiSelect list="countries" label={t('registers.person.nationalities')} {...form.getInputProps('nationalities')} />
          </SimpleGrid>
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('registers.edit.documents')}
            </Text>
            <DocumentRows form={form} documents={form.values.documents} withExpiry={false} />
          </Stack>
          <DuplicateWarning register="persons" probe={personDuplicateProbe(form.values)} newTab={openMatchesInNewTab} onUse={onUseExisting} />
        </>
      )}
    </RecordForm>
  );
}
