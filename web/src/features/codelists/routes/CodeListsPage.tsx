import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Bidi, Data } from '@/components/Bidi';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { useCodeLists } from '../api/codelists';
import { useListDescription } from '../lib/descriptions';

export function CodeListsPage() {
  const { t } = useTranslation();
  const lists = useCodeLists();
  const describe = useListDescription();
  return (
    <Stack>
      <PageHeader title={t('codelists.title')} description={t('codelists.description')} />
      {lists.isPending ? (
        <LoadingState />
      ) : lists.isError ? (
        <ErrorState error={lists.error} onRetry={() => void lists.refetch()} />
      ) : lists.data.length === 0 ? (
        <EmptyState title={t('codelists.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover aria-label={t('codelists.title')} data-testid="codelists-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('codelists.fields.name')}</Table.Th>
                <Table.Th scope="col">{t('codelists.fields.description')}</Table.Th>
                <Table.Th scope="col">{t('codelists.fields.parentList')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('codelists.fields.entryCount')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lists.data.map((l) => (
                <Table.Tr key={l.name}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/codelists/${encodeURIComponent(l.name)}`} ff="monospace">
                      <Data>{l.name}</Data>
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Bidi>{describe(l.name, l.description)}</Bidi>
                  </Table.Td>
                  <Table.Td>
                    {l.parent_list ? (
                      <Badge variant="outline" color="gray" tt="none">
                        <Data>{l.parent_list}</Data>
                      </Badge>
                    ) : (
                      <Text c="dimmed">—</Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="end">{l.entry_count}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
