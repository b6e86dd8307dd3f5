import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink, IconTrash } from '@tabler/icons-react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/i18n/investigations';
import { Data } from '@/components/Bidi';
import { FREE_TEXT } from '@/components/freeText';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { useAddLink, useLinks, useRemoveLink } from '../api/investigations';
import type { Investigation, Link, TargetKind } from '../api/types';
import { LINK_ROLES, TARGET_KINDS } from '../api/types';
import type { InvestigationAbilities } from '../lib/abilities';
import { defaultRole, groupLinks, linkPath, UUID } from '../lib/links';
import { dialogErrors } from '../lib/problems';
import { ConfirmDialog, Problem, Section } from './parts';

const MAX_NOTE = 2000;

/** Links a record by its id (shown in its page's address), with a role of its kind and a note. */
function AddLinkDialog({ inv, opened, onClose }: { inv: Investigation; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('investigations');
  const add = useAddLink(inv.id);
  const [kind, setKind] = useState<TargetKind>('case');
  const [target, setTarget] = useState('');
  const [role, setRole] = useState<string>(defaultRole('case'));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const close = () => {
    add.reset();
    setKind('case');
    setTarget('');
    setRole(defaultRole('case'));
    setNote('');
    setErrors({});
    onClose();
  };
  const submit = () => {
    const id = target.trim().toLowerCase();
    const invalid: Record<string, string> = {};
    if (!id) invalid.target_id = t('validation.required');
    else if (!UUID.test(id)) invalid.target_id = t('validation.uuid');
    if (note.length > MAX_NOTE) invalid.note = t('validation.tooLong');
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    add.mutate(
      { target_kind: kind, target_id: id, role, note: note.trim() || null },
      {
        onSuccess: (l) => {
          notifications.show({ color: 'green', message: t('links.added', { label: l.label }) });
          close();
        },
        onError: (e) => setErrors(dialogErrors(t, e, 'link')),
      },
    );
  };
  const error = add.error;
  const placed = ['target_kind', 'target_id', 'role', 'note'].some((f) => errors[f]);
  return (
    <Modal opened={opened} onClose={close} title={t('links.addTitle', { reference: inv.reference })}>
      <form
        noValidate
        data-testid="add-link-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Select
            label={t('links.kind')}
            withAsterisk
            allowDeselect={false}
            data={TARGET_KINDS.map((k) => ({ value: k, label: t(`targetKinds.${k}`) }))}
            value={kind}
            onChange={(k) => {
              const next = (k as TargetKind | null) ?? 'case';
              setKind(next);
              setRole(defaultRole(next));
            }}
            error={errors.target_kind}
            comboboxProps={{ withinPortal: true }}
            data-testid="link-kind"
          />
          <TextInput
            label={t('links.targetId')}
            description={t('links.targetIdHelp')}
            withAsterisk
            dir="ltr"
            autoComplete="off"
            spellCheck={false}
            value={target}
            onChange={(e) => setTarget(e.currentTarget.value)}
            error={errors.target_id}
            data-testid="link-target-id"
            data-autofocus
          />
          <Select
            label={t('links.role')}
            withAsterisk
            allowDeselect={false}
            data={LINK_ROLES[kind].map((r) => ({ value: r, label: t(`linkRoles.${r}`) }))}
            value={role}
            onChange={(r) => setRole(r ?? defaultRole(kind))}
            error={errors.role}
            comboboxProps={{ withinPortal: true }}
            data-testid="link-role"
          />
          <Textarea label={t('links.note')} autosize minRows={2} maxLength={MAX_NOTE} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} {...FREE_TEXT} />
          {error && !placed && <Problem error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="add-link-submit">
              {t('links.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** What the investigation is about, grouped by kind: each record a link to its page, its role and note. */
export function LinksTab({ inv, abilities }: { inv: Investigation; abilities: InvestigationAbilities }) {
  const { t, i18n } = useTranslation('investigations');
  const links = useLinks(inv.id);
  const remove = useRemoveLink(inv.id);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Link | null>(null);
  const groups = groupLinks(links.data ?? []);
  return (
    <Section
      title={t('links.title')}
      testId="investigation-links"
      actions={
        abilities.addLink && (
          <Button size="xs" leftSection={<IconLink size={16} aria-hidden />} onClick={() => setAdding(true)} data-testid="add-link">
            {t('links.add')}
          </Button>
        )
      }
    >
      {links.isPending ? (
        <LoadingState />
      ) : links.isError ? (
        <ErrorState error={links.error} onRetry={() => void links.refetch()} />
      ) : groups.length === 0 ? (
        <EmptyState title={t('links.empty')} />
      ) : (
        <Stack gap="lg">
          {groups.map((g) => (
            <Stack key={g.kind} gap="xs" data-testid="link-group" data-kind={g.kind}>
              <Title order={3} size="h5">
                {t(`targetGroups.${g.kind}`)} ({g.links.length})
              </Title>
              <Table aria-label={t(`targetGroups.${g.kind}`)}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('links.record')}</Table.Th>
                    <Table.Th scope="col">{t('links.role')}</Table.Th>
                    <Table.Th scope="col">{t('links.note')}</Table.Th>
                    <Table.Th scope="col">{t('links.linkedBy')}</Table.Th>
                    {abilities.removeLink && (
                      <Table.Th scope="col" ta="end">
                        {t('actions.label')}
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {g.links.map((l) => (
                    <Table.Tr key={l.id} data-testid="link-row" data-kind={l.target_kind} data-role={l.role}>
                      <Table.Td>
                        <Anchor component={RouterLink} to={linkPath(l.target_kind, l.target_id)} style={{ overflowWrap: 'anywhere' }}>
                          <Data>{l.label || l.target_id}</Data>
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="outline" color="gray.8" tt="none">
                          {t(`linkRoles.${l.role}`, { defaultValue: l.role })}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" dir={l.note ? 'auto' : undefined} style={{ whiteSpace: 'pre-wrap' }}>
                          {l.note || '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t('links.byOn', { name: l.created_by.name, when: formatDateTime(l.created_at, i18n.language) })}</Text>
                      </Table.Td>
                      {abilities.removeLink && (
                        <Table.Td ta="end">
                          <ActionIcon variant="subtle" color="red.9" aria-label={t('links.remove', { label: l.label || l.target_id })} onClick={() => setRemoving(l)} data-testid="remove-link">
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          ))}
        </Stack>
      )}
      {abilities.addLink && <AddLinkDialog inv={inv} opened={adding} onClose={() => setAdding(false)} />}
      <ConfirmDialog
        opened={!!removing}
        title={t('links.removeTitle')}
        body={removing ? t('links.removeBody', { label: removing.label || removing.target_id }) : ''}
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
              notifications.show({ color: 'green', message: t('links.removed', { label: removing.label || removing.target_id }) });
              setRemoving(null);
            },
          })
        }
      />
    </Section>
  );
}
