import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { useCodeLists } from '../api/codelists';

export function CodeListsPage() {
  const { t } = useTranslation();
  const lists = useCodeLists();
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
                      {l.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{l.description}</Table.Td>
                  <Table.Td>
                    {l.parent_list ? (
                      <Badge variant="outline" color="gray" tt="none">
                        {l.parent_list}
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
