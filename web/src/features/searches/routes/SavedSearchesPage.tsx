import { Anchor, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconAddressBook, IconPackages } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import { Data } from '@/components/Bidi';
import { PageHeader } from '@/components/PageHeader';
import { SavedSearchSummary } from '@/components/SavedSearchSummary';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import '@/i18n/searches';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useSavedSearches, type SavedSearch } from '../api/searches';
import { GuideLink, SearchBadges, SearchTargetLabel } from '../components/parts';
import { SearchActions } from '../components/SearchActions';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/**
 * The saved searches (`/searches`): the user's own, then those the members of their unit share
 * with it, each with the list it searches (the seizure list or a register) and its filters in
 * words, how many cases or records it found and when it last did, whether it is shared or
 * paused, and what may be done with it.
 */
export function SavedSearchesPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const list = useSavedSearches();
  const mine = list.data?.filter((s) => s.mine) ?? [];
  const others = list.data?.filter((s) => !s.mine) ?? [];

  return (
    <Stack>
      <PageHeader title={t('searches:title')} description={t('searches:description')} actions={<GuideLink />} />
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Stack gap="xs" component="section" aria-labelledby="searches-mine">
            <Title order={2} size="h4" id="searches-mine">
              {t('searches:mine')}
            </Title>
            {mine.length === 0 ? (
              <Paper withBorder>
                <EmptyState title={t(can(me, 'registers.read') ? 'searches:noneMineRegisters' : 'searches:noneMine')}>
                  <Group gap="sm" justify="center">
                    <Button component={Link} to="/seizures" variant="default" leftSection={<IconPackages size={16} aria-hidden />}>
                      {t('searches:toSeizures')}
                    </Button>
                    {can(me, 'registers.read') && (
                      <Button component={Link} to="/registers" variant="default" leftSection={<IconAddressBook size={16} aria-hidden />}>
                        {t('searches:toRegisters')}
                      </Button>
                    )}
                  </Group>
                </EmptyState>
              </Paper>
            ) : (
              <SearchTable items={mine} label={t('searches:mine')} testId="saved-searches-mine" />
            )}
          </Stack>
          <Stack gap="xs" component="section" aria-labelledby="searches-shared">
            <Title order={2} size="h4" id="searches-shared">
              {t('searches:shared')}
            </Title>
            {others.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="saved-searches-shared-empty">
                {t('searches:noneShared')}
              </Text>
            ) : (
              <SearchTable items={others} label={t('searches:shared')} testId="saved-searches-shared" />
            )}
          </Stack>
        </>
      )}
    </Stack>
  );
}

function SearchTable({ items, label, testId }: { items: readonly SavedSearch[]; label: string; testId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover aria-label={label} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('searches:columns.name')}</Table.Th>
            <Table.Th scope="col">{t('searches:columns.target')}</Table.Th>
            <Table.Th scope="col">{t('searches:columns.search')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'end' }}>
              {t('searches:columns.hits')}
            </Table.Th>
            <Table.Th scope="col">{t('searches:columns.lastHit')}</Table.Th>
            <Table.Th scope="col">{t('searches:columns.state')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('searches:columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id} data-search-id={s.id} data-name={s.name}>
              <Table.Td>
                <Anchor component={Link} to={`/searches/${s.id}`} fw={500}>
                  <Data>{s.name}</Data>
                </Anchor>
                {!s.mine && (
                  <Text size="xs" c="dimmed" data-testid="search-owner">
                    {t('searches:owner', { name: s.owner_name })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={NOWRAP} data-testid="search-target">
                <SearchTargetLabel target={s.target} />
              </Table.Td>
              <Table.Td>
                <SavedSearchSummary target={s.target} query={s.query} />
              </Table.Td>
              <Table.Td style={{ textAlign: 'end' }} data-testid="search-hits">
                {new Intl.NumberFormat(i18n.language).format(s.hits)}
              </Table.Td>
              <Table.Td style={NOWRAP}>{s.last_hit_at ? formatDateTime(s.last_hit_at, i18n.language) : t('searches:never')}</Table.Td>
              <Table.Td>
                <SearchBadges search={s} />
              </Table.Td>
              <Table.Td>
                <SearchActions search={s} layout="menu" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
