import { useState } from 'react';
import { ActionIcon, Button, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuilding, IconTrash, IconUser, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import '@/i18n/investigations';
import { isApiError } from '@/api/errors';
import { Data } from '@/components/Bidi';
import { formatDateTime } from '@/lib/format';
import type { PersonChoice } from '../api/pickers';
import { useAddMember, useRemoveMember } from '../api/investigations';
import type { Investigation, Member } from '../api/types';
import { fieldMessage } from '../lib/problems';
import { ConfirmDialog, Problem, Section } from './parts';
import { PersonPicker } from './PersonPicker';

const memberName = (m: Member) => m.user?.name ?? m.unit?.name ?? '—';

/** Adds a user (who may work on investigations) or a whole unit to the team. */
function AddMemberDialog({ inv, opened, onClose }: { inv: Investigation; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('investigations');
  const add = useAddMember(inv.id);
  const [choice, setChoice] = useState<PersonChoice | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const close = () => {
    add.reset();
    setChoice(null);
    setFieldError(null);
    onClose();
  };
  const submit = () => {
    if (!choice) return setFieldError(t('validation.required'));
    setFieldError(null);
    add.mutate(choice.kind === 'unit' ? { unit_id: choice.id } : { user_id: choice.id }, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('team.added', { name: choice.label }) });
        close();
      },
      onError: (e) => {
        const first = isApiError(e) ? e.problem?.errors?.[0] : undefined;
        if (first) setFieldError(fieldMessage(t, first));
      },
    });
  };
  const error = add.error;
  const shownAtField = !!fieldError && isApiError(error) && error.status === 422;
  return (
    <Modal opened={opened} onClose={close} title={t('team.addTitle', { reference: inv.reference })}>
      <form
        noValidate
        data-testid="add-member-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <PersonPicker
            source="recipients"
            id="add-member-picker"
            label={t('team.pick')}
            description={t('team.pickHelp')}
            value={choice}
            onChange={(c) => {
              setChoice(c);
              setFieldError(null);
            }}
            error={fieldError}
            required
            testId="member-picker"
          />
          {error && !shownAtField && <Problem error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="add-member-submit">
              {t('team.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * The team: the lead, then the members (users, and units whose users all see it) with who
 * added them and when; the lead and supervisors add and remove members.
 */
export function TeamSection({ inv, manage }: { inv: Investigation; manage: boolean }) {
  const { t, i18n } = useTranslation('investigations');
  const remove = useRemoveMember(inv.id);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  return (
    <Section
      title={t('team.title')}
      testId="investigation-team"
      actions={
        manage && (
          <Button size="xs" variant="default" leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setAdding(true)} data-testid="add-member">
            {t('team.add')}
          </Button>
        )
      }
    >
      <Stack gap="sm">
        <Text size="sm">
          <Text span fw={600}>
            {t('fields.lead_id')}
            {t('labelSeparator')}
          </Text>
          {inv.lead ? <Data>{inv.lead.name}</Data> : t('noLead')}
        </Text>
        {inv.members.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('team.empty')}
          </Text>
        ) : (
          <Table aria-label={t('team.members')} data-testid="team-members">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('team.member')}</Table.Th>
                <Table.Th scope="col">{t('team.addedBy')}</Table.Th>
                {manage && (
                  <Table.Th scope="col" ta="end">
                    {t('actions.label')}
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {inv.members.map((m) => (
                <Table.Tr key={m.id} data-testid="team-member" data-kind={m.unit ? 'unit' : 'user'}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {m.unit ? <IconBuilding size={16} aria-hidden /> : <IconUser size={16} aria-hidden />}
                      <VisuallyHidden>{t(`picker.kinds.${m.unit ? 'unit' : 'user'}`)}</VisuallyHidden>
                      <Data>{memberName(m)}</Data>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t('team.addedByOn', { name: m.added_by.name, when: formatDateTime(m.added_at, i18n.language) })}</Text>
                  </Table.Td>
                  {manage && (
                    <Table.Td ta="end">
                      <ActionIcon variant="subtle" color="red.9" aria-label={t('team.remove', { name: memberName(m) })} onClick={() => setRemoving(m)} data-testid="remove-member">
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {manage && <AddMemberDialog inv={inv} opened={adding} onClose={() => setAdding(false)} />}
      <ConfirmDialog
        opened={!!removing}
        title={t('team.removeTitle')}
        body={removing ? t('team.removeBody', { name: memberName(removing) }) : ''}
        confirmLabel={t('actions.remove')}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('team.removed', { name: memberName(removing) }) });
              setRemoving(null);
            },
          })
        }
      />
    </Section>
  );
}
