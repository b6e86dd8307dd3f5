import { useState } from 'react';
import { Anchor, Badge, Breadcrumbs, Button, Group, Stack, Switch, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CodeListEntry } from '@/api/types';
import { Bidi, Data } from '@/components/Bidi';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { useErrorMessage } from '@/components/useErrorMessage';
import { formatDateTime, pickLabel } from '@/lib/format';
import { useCodeList, useUpdateEntry } from '../api/codelists';
import { EntryModal } from '../components/EntryModal';
import { useListDescription } from '../lib/descriptions';

export function CodeListPage() {
  const { name = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [includeRetired, setIncludeRetired] = useState(true);
  const [filter, setFilter] = useState('');
  const [modal, setModal] = useState<{ entry: CodeListEntry | null } | null>(null);
  const list = useCodeList(name, includeRetired);
  const update = useUpdateEntry(name);
  const errorMessage = useErrorMessage();
  const describe = useListDescription();

  const setRetired = (entry: CodeListEntry, retired: boolean) =>
    update.mutate(
      { code: entry.code, changes: { retired } },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: retired ? t('codelists.retiredDone', { code: entry.code }) : t('codelists.reinstatedDone', { code: entry.code }),
          }),
        onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
      },
    );

  const needle = filter.trim().toLowerCase();
  const entries = (list.data?.entries ?? []).filter(
    (e) =>
      !needle ||
      e.code.toLowerCase().includes(needle) ||
      Object.values(e.labels).some((l) => typeof l === 'string' && l.toLowerCase().includes(needle)),
  );

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/admin/codelists">
          {t('codelists.title')}
        </Anchor>
        <Text ff="monospace">
          <Data>{name}</Data>
        </Text>
      </Breadcrumbs>
      {list.isPending || list.data?.name !== name ? (
        list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <PageHeader
            title={name}
            description={describe(name, list.data.description)}
            actions={
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setModal({ entry: null })}>
                {t('codelists.addEntry')}
              </Button>
            }
          />
          <Group align="flex-end">
            <TextInput
              label={t('codelists.filter')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value)}
              type="search"
              w={280}
            />
            <Switch
              label={t('codelists.showRetired')}
              checked={includeRetired}
              onChange={(e) => setIncludeRetired(e.currentTarget.checked)}
              mb={8}
            />
          </Group>
          {entries.length === 0 ? (
            <EmptyState title={needle ? t('codelists.noMatch') : t('codelists.noEntries')} />
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped aria-label={name} data-testid="entries-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('codelists.fields.code')}</Table.Th>
                    <Table.Th scope="col">{t('codelists.fields.label')}</Table.Th>
                    {list.data.parent_list && <Table.Th scope="col">{t('codelists.fields.parent')}</Table.Th>}
                    <Table.Th scope="col">{t('codelists.fields.status')}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.map((e) => (
                    <Table.Tr key={e.code} data-code={e.code} data-retired={e.retired || undefined}>
                      <Table.Td ff="monospace">
                        <Data>{e.code}</Data>
                      </Table.Td>
                      <Table.Td>
                        <Bidi>{pickLabel(e.labels, i18n.language, e.code)}</Bidi>
                      </Table.Td>
                      {list.data.parent_list && <Table.Td ff="monospace">{e.parent_code ? <Data>{e.parent_code}</Data> : '—'}</Table.Td>}
                      <Table.Td>
                        {e.retired ? (
                          <Badge color="gray" variant="dot" title={formatDateTime(e.retired_at, i18n.language)}>
                            {t('codelists.retired')}
                          </Badge>
                        ) : (
                          <Badge color="green" variant="dot">
                            {t('codelists.inUse')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          <Button size="compact-sm" variant="subtle" onClick={() => setModal({ entry: e })} aria-label={t('codelists.editEntry', { code: e.code })}>
                            {t('common.edit')}
                          </Button>
                          <Button
                            size="compact-sm"
                            variant={e.retired ? 'default' : 'outline'}
                            color={e.retired ? undefined : 'red'}
                            loading={update.isPending && update.variables?.code === e.code}
                            onClick={() => setRetired(e, !e.retired)}
                            aria-label={
                              e.retired ? t('codelists.reinstateEntry', { code: e.code }) : t('codelists.retireEntry', { code: e.code })
                            }
                          >
                            {e.retired ? t('codelists.reinstate') : t('codelists.retire')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {modal && (
            <EntryModal
              key={modal.entry?.code ?? '__new__'}
              listName={name}
              parentList={list.data.parent_list ?? null}
              entry={modal.entry}
              opened
              onClose={() => setModal(null)}
              onSaved={(code) => {
                setModal(null);
                notifications.show({ color: 'green', message: t('codelists.savedEntry', { code }) });
              }}
            />
          )}
        </>
      )}
    </Stack>
  );
}
