import { useMemo } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPencilPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Bidi } from '@/components/Bidi';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { useThreadList } from '../api/threads';
import { InboxFilterBar } from '../components/InboxFilterBar';
import { ThreadMarkers } from '../components/ThreadMarkers';
import { inboxFiltersFromParams, inboxFiltersToParams, inboxFiltersToQuery, isFiltered, type InboxFilters } from '../lib/inboxFilters';

/** `/messages`: the caller's threads, most recent message first. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => inboxFiltersFromParams(params), [params]);
  const query = useMemo(() => inboxFiltersToQuery(filters), [filters]);
  const list = useThreadList(query);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unreadTotal = list.data?.pages[0]?.unread_total ?? 0;
  const apply = (f: InboxFilters) => setParams(inboxFiltersToParams(f));

  return (
    <Stack>
      <PageHeader
        title={t('messaging.title')}
        description={t('messaging.description')}
        actions={
          <Button component={Link} to="/messages/new" leftSection={<IconPencilPlus size={16} aria-hidden />}>
            {t('messaging.newMessage')}
          </Button>
        }
      />
      <Paper withBorder p="md">
        <InboxFilterBar key={params.toString()} value={filters} onApply={apply} />
      </Paper>
      <Text size="sm" fw={500} aria-live="polite" data-testid="unread-total">
        {list.isSuccess ? t('messaging.unreadTotal', { count: unreadTotal }) : ''}
      </Text>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={isFiltered(filters) ? t('messaging.noMatch') : t('messaging.empty')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table highlightOnHover data-testid="threads-table" aria-label={t('messaging.title')} aria-busy={list.isPlaceholderData || undefined} style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('messaging.fields.subject')}</Table.Th>
                  <Table.Th scope="col">{t('messaging.fields.kind')}</Table.Th>
                  <Table.Th scope="col">{t('messaging.fields.case')}</Table.Th>
                  <Table.Th scope="col">{t('messaging.fields.lastMessage')}</Table.Th>
                  <Table.Th scope="col">{t('messaging.fields.unread')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id} data-testid="thread-row" data-thread-id={r.id} data-unread={r.unread > 0 ? 'true' : 'false'}>
                    <Table.Td>
                      <Anchor component={Link} to={`/messages/${r.id}`} fw={r.unread > 0 ? 700 : 400}>
                        <Bidi>{r.subject}</Bidi>
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t('messaging.startedBy', { name: r.created_by_name })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <ThreadMarkers thread={r} />
                    </Table.Td>
                    <Table.Td>
                      {r.case_id ? (
                        <Anchor component={Link} to={`/seizures/${r.case_id}`} size="sm">
                          {t('messaging.openCase')}
                        </Anchor>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.last_message_at, i18n.language)}</Table.Td>
                    <Table.Td>
                      {r.unread > 0 ? (
                        <Badge color="red" variant="filled" data-testid="thread-unread">
                          {r.unread}
                          {' '}<VisuallyHidden>{t('messaging.unreadWord')}</VisuallyHidden>
                        </Badge>
                      ) : (
                        <VisuallyHidden>{t('messaging.allRead')}</VisuallyHidden>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="center">
            {list.hasNextPage && (
              <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t('common.loadMore')}
              </Button>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}
