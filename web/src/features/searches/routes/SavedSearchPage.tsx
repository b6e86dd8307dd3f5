import { Alert, Anchor, Button, Center, Group, Paper, Stack, Text, Title, useDirection } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { PageHeader } from '@/components/PageHeader';
import { SavedSearchSummary } from '@/components/SavedSearchSummary';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import '@/i18n/searches';
import { formatDateTime } from '@/lib/format';
import { useSavedSearch, useSearchHits, type SavedSearch } from '../api/searches';
import { HitsTable } from '../components/HitsTable';
import { GuideLink, SearchBadges, SearchTargetLabel } from '../components/parts';
import { SearchActions } from '../components/SearchActions';

function BackLink() {
  const { t } = useTranslation();
  const { dir } = useDirection();
  return (
    <Anchor component={Link} to="/searches" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden style={{ transform: dir === 'rtl' ? 'scaleX(-1)' : undefined }} />
        {t('searches:detail.back')}
      </Group>
    </Anchor>
  );
}

/** Not there, deleted, or neither the user's nor shared with their unit: said so, with the way back. */
function SearchNotFound() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Stack align="center" gap="sm" maw={520} data-testid="not-found-state">
        <Title order={1} size="h2">
          {t('states.notFoundTitle')}
        </Title>
        <Text ta="center">{t('searches:detail.notFound')}</Text>
        <Button component={Link} to="/searches" variant="default">
          {t('searches:detail.back')}
        </Button>
      </Stack>
    </Center>
  );
}

/**
 * One saved search (`/searches/:id`, where its notifications lead): what it searches and its
 * filters, its state, what its owner may do with it, and the cases or records it found,
 * latest first.
 */
export function SavedSearchPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const search = useSavedSearch(id);

  if (search.isPending) return <LoadingState />;
  if (search.isError) {
    // 400: not an identifier at all
    if (isApiError(search.error) && (search.error.status === 404 || search.error.status === 400)) return <SearchNotFound />;
    return <ErrorState error={search.error} onRetry={() => void search.refetch()} />;
  }
  const s = search.data;

  return (
    <Stack>
      <BackLink />
      <PageHeader
        title={s.name}
        description={t('searches:detail.created', { when: formatDateTime(s.created_at, i18n.language), name: s.owner_name })}
        actions={<GuideLink />}
      />
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <SearchBadges search={s} />
        <SearchActions search={s} layout="buttons" onDeleted={() => void navigate('/searches')} />
      </Group>
      {!s.mine && (
        <Text size="sm" c="dimmed" data-testid="search-not-owner">
          {t('searches:actions.notOwner', { name: s.owner_name })}
        </Text>
      )}
      {!s.active && (
        <Alert color="orange" variant="light" data-testid="search-paused">
          {t(s.target === 'seizures' ? 'searches:detail.paused' : 'searches:detail.pausedRecords')}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text size="sm" data-testid="search-target">
            <Text span size="sm" fw={600}>
              {t('searches:target.label')}
              {t('searches:summary.separator')}
            </Text>
            <SearchTargetLabel target={s.target} />
          </Text>
          <Title order={2} size="h5">
            {t('searches:save.filters')}
          </Title>
          <SavedSearchSummary target={s.target} query={s.query} links />
        </Stack>
      </Paper>
      <Hits search={s} />
    </Stack>
  );
}

function Hits({ search }: { search: SavedSearch }) {
  const { t } = useTranslation();
  const hits = useSearchHits(search.id);
  const records = search.target !== 'seizures';
  return (
    <Stack gap="xs" component="section" aria-labelledby="search-hits-title" data-testid="search-hits">
      <Title order={2} size="h4" id="search-hits-title">
        {t('searches:detail.hits')}
      </Title>
      <Text size="sm" c="dimmed">
        {t(records ? 'searches:detail.hitsHelpRecords' : 'searches:detail.hitsHelp')}
      </Text>
      {hits.isPending ? (
        <LoadingState />
      ) : hits.isError ? (
        <ErrorState error={hits.error} onRetry={() => void hits.refetch()} />
      ) : hits.data.items.length === 0 ? (
        <EmptyState title={t(records ? 'searches:detail.noHitsRecords' : 'searches:detail.noHits')} />
      ) : (
        <>
          <Text size="sm" fw={600} aria-live="polite" data-testid="search-hits-total">
            {t(records ? 'searches:detail.totalRecords' : 'searches:detail.total', { count: hits.data.total })}
            {hits.data.items.length < hits.data.total ? ` ${t('searches:detail.shownOf', { shown: hits.data.items.length })}` : ''}
          </Text>
          <HitsTable search={search} hits={hits.data.items} />
        </>
      )}
    </Stack>
  );
}
