import { useState } from 'react';
import { Anchor, Button, NumberInput, Select, SimpleGrid, Table, Text, TextInput, Textarea, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CompanyPerson, CompanyPersonInput, PersonRole } from '@/api/types';
import { Data } from '@/components/Bidi';
import { FREE_TEXT } from '@/components/freeText';
import { RecordSearch, type Match } from '@/components/RecordSearch';
import { EmptyState } from '@/components/states';
import '@/i18n/companies';
import { PERSON_ROLES, SHARE_HOLDING_ROLES } from '@/lib/codes';
import { usePersonChoices, useAddCompanyPerson, useRemoveCompanyPerson } from '@/features/registers/api/companies';
import { periodText, shareText } from '@/features/registers/lib/companyProfile';
import { personName } from '@/features/registers/lib/recordForms';
import { Chosen, FormDialog, RemoveButton, Section } from './ProfileParts';
import { useDialogErrors } from './useDialogErrors';
import { useRemoval } from './useRemoval';

const FIELDS = ['person_id', 'role', 'share_percent', 'from', 'until', 'note'] as const;

const usePersonOptions = (q: string) => {
  const r = usePersonChoices(q);
  return {
    isFetching: r.isFetching,
    data: r.data?.map((p) => ({ id: p.id, label: p.date_of_birth ? `${personName(p)} (${p.date_of_birth})` : personName(p) })),
  };
};

/** The people of a company: who they are (a link to the person), their role, share, period and note. */
export function PeopleTab({ companyId, people, canWrite }: { companyId: string; people: readonly CompanyPerson[]; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const [adding, setAdding] = useState(false);
  const role = (r: string) => t(`companies:people.roles.${r}`, { defaultValue: r });
  const removal = useRemoval(useRemoveCompanyPerson(companyId), {
    title: t('companies:people.removeTitle'),
    body: (p: CompanyPerson) => t('companies:people.removeBody', { name: p.person.name, role: role(p.role) }),
    confirmLabel: t('companies:actions.remove'),
    done: (p) => t('companies:people.removed', { name: p.person.name }),
  });
  return (
    <Section
      title={t('companies:people.title')}
      testId="company-people"
      actions={
        canWrite && (
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            {t('companies:people.add')}
          </Button>
        )
      }
    >
      {people.length === 0 ? (
        <EmptyState title={t('companies:people.none')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label={t('companies:people.table')} data-testid="people-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('companies:people.person')}</Table.Th>
                <Table.Th scope="col">{t('companies:people.role')}</Table.Th>
                <Table.Th scope="col">{t('companies:people.share')}</Table.Th>
                <Table.Th scope="col">{t('companies:people.period')}</Table.Th>
                <Table.Th scope="col">{t('companies:people.note')}</Table.Th>
                {canWrite && (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/registers/persons/${p.person.id}`}>
                      <Data>{p.person.name}</Data>
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{role(p.role)}</Table.Td>
                  <Table.Td>{shareText(p.share_percent, i18n.language) || '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{periodText(p.from, p.until) ? <Data ltr>{periodText(p.from, p.until)}</Data> : '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{p.note ? <Data>{p.note}</Data> : '—'}</Table.Td>
                  {canWrite && (
                    <Table.Td ta="end">
                      <RemoveButton label={t('companies:people.remove', { name: p.person.name })} onClick={() => removal.ask(p)} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canWrite && adding && <AddPersonDialog companyId={companyId} onClose={() => setAdding(false)} />}
      {removal.dialog}
    </Section>
  );
}

interface PersonDraft {
  person: Match | null;
  role: PersonRole | null;
  share: number | string;
  from: string;
  until: string;
  note: string;
}

const EMPTY: PersonDraft = { person: null, role: null, share: '', from: '', until: '', note: '' };

/** A person to link: found in the persons register, with a role, a share (shareholders and beneficial owners), a period and a note. */
function AddPersonDialog({ companyId, onClose }: { companyId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddCompanyPerson(companyId);
  const [draft, setDraft] = useState<PersonDraft>(EMPTY);
  const { errors, server, check: setChecked, changed } = useDialogErrors('person', add, FIELDS);
  const holdsShare = !!draft.role && SHARE_HOLDING_ROLES.includes(draft.role);
  const set = (change: Partial<PersonDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    changed();
  };

  const submit = () => {
    const invalid: Record<string, string> = {};
    if (!draft.person) invalid.person_id = t('companies:errors.personRequired');
    if (!draft.role) invalid.role = t('validation.required');
    const share = holdsShare && draft.share !== '' ? Number(draft.share) : null;
    if (share !== null && !(share > 0 && share <= 100)) invalid.share_percent = t('companies:errors.shareRange');
    if (draft.from && draft.until && draft.until < draft.from) invalid.until = t('companies:errors.beforeStart');
    setChecked(invalid);
    if (Object.keys(invalid).length > 0 || !draft.person || !draft.role) return;
    const input: CompanyPersonInput = {
      person_id: draft.person.id,
      role: draft.role,
      share_percent: share,
      from: draft.from || null,
      until: draft.until || null,
      note: draft.note.trim() || null,
    };
    const name = draft.person.label;
    add.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('companies:people.added', { name }) });
        onClose();
      },
    });
  };

  return (
    <FormDialog
      title={t('companies:people.addTitle')}
      testId="add-person-form"
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('companies:people.addSubmit')}
      pending={add.isPending}
      error={add.error}
      server={server}
    >
      {draft.person ? (
        <Chosen
          id="company-person-person_id"
          label={t('companies:people.person')}
          name={draft.person.label}
          to={`/registers/persons/${draft.person.id}`}
          onChange={() => set({ person: null })}
        />
      ) : (
        <RecordSearch
          id="company-person-person_id"
          label={t('companies:people.find')}
          withAsterisk
          useMatches={usePersonOptions}
          error={errors.person_id}
          onPick={(m) => {
            set({ person: m });
            setChecked(({ person_id: _, ...rest }) => rest);
          }}
        />
      )}
      {draft.person && errors.person_id && (
        <Text size="xs" c="var(--mantine-color-error)" role="alert">
          {errors.person_id}
        </Text>
      )}
      <Select
        label={t('companies:people.role')}
        withAsterisk
        data={PERSON_ROLES.map((r) => ({ value: r, label: t(`companies:people.roles.${r}`) }))}
        value={draft.role}
        onChange={(v) => set({ role: v as PersonRole | null })}
        error={errors.role}
        comboboxProps={{ withinPortal: true }}
      />
      {holdsShare && (
        <NumberInput
          label={t('companies:people.sharePercent')}
          description={t('companies:people.shareHelp')}
          min={0}
          max={100}
          clampBehavior="none"
          decimalScale={2}
          suffix=" %"
          value={draft.share}
          onChange={(v) => set({ share: v })}
          error={errors.share_percent}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="date" label={t('companies:period.from')} value={draft.from} onChange={(e) => set({ from: e.currentTarget.value })} error={errors.from} />
        <TextInput
          type="date"
          label={t('companies:period.until')}
          min={draft.from || undefined}
          value={draft.until}
          onChange={(e) => set({ until: e.currentTarget.value })}
          error={errors.until}
        />
      </SimpleGrid>
      <Textarea label={t('companies:people.note')} autosize minRows={2} maxLength={1000} value={draft.note} onChange={(e) => set({ note: e.currentTarget.value })} error={errors.note} {...FREE_TEXT} />
    </FormDialog>
  );
}
