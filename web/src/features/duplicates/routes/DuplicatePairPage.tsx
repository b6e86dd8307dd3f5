import { useState } from 'react';
import { Alert, Anchor, Breadcrumbs, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { useDuplicatePair, usePairRecord } from '../api/duplicates';
import type { DuplicatePair } from '../api/types';
import { PairComparison } from '../components/PairComparison';
import { PairExplanation } from '../components/PairExplanation';
import { PairReview, ReviewedNote, type ReviewProblem } from '../components/PairReview';
import type { PairLinkState } from '../components/PairsTable';
import { ExactBadge, PairStatusBadge, Section } from '../components/parts';

/** What the page says after a refused step. */
function ProblemAlert({ problem, onClose }: { problem: ReviewProblem; onClose: () => void }) {
  const { t } = useTranslation();
  const [title, body] =
    problem === 'stale'
      ? [t('duplicates.merge.staleTitle'), t('duplicates.merge.stale')]
      : problem === 'mergeConflict'
        ? [undefined, t('duplicates.merge.conflict')]
        : [undefined, t('duplicates.distinct.conflict')];
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      title={title}
      icon={<IconAlertTriangle aria-hidden />}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onClose}
      data-testid="pair-problem"
      data-problem={problem}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{body}</Text>
        {problem !== 'stale' && (
          <Button component={Link} to="/duplicates" size="xs" variant="default">
            {t('duplicates.pair.backToQueue')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

function PairView({ pair, onReloadPair }: { pair: DuplicatePair; onReloadPair: () => void }) {
  const { t, i18n } = useTranslation();
  const left = usePairRecord(pair.kind, pair.first.id);
  const right = usePairRecord(pair.kind, pair.second.id);
  const [problem, setProblem] = useState<ReviewProblem | null>(null);
  const reloadRecords = () => {
    void left.refetch();
    void right.refetch();
  };
  const onProblem = (p: ReviewProblem) => {
    setProblem(p);
    // a record changed or was merged meanwhile: both are read again (an open pair whose record
    // was merged is no longer listed as open, so the pair itself is kept as it is); a pair
    // reviewed meanwhile is looked up again
    if (p === 'distinctConflict') onReloadPair();
    else reloadRecords();
  };
  // a record of an open pair merged into another since: its id reads the survivor
  const resolved = (left.data && left.data.id !== pair.first.id) || (right.data && right.data.id !== pair.second.id);
  const open = pair.status === 'open' && !resolved;

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/duplicates">
          {t('duplicates.title')}
        </Anchor>
        <Text>{t('duplicates.pair.breadcrumb')}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm" wrap="wrap">
            <Title order={1} size="h2" data-testid="pair-title">
              {t('duplicates.pair.title')}
            </Title>
            <PairStatusBadge status={pair.status} size="lg" />
            {pair.exact && <ExactBadge size="lg" />}
          </Group>
          <Text size="sm" c="dimmed">
            {t(`duplicates.kind.${pair.kind}`)} · {t('duplicates.pair.found', { when: formatDateTime(pair.detected_at, i18n.language) })}
          </Text>
          <ReviewedNote pair={pair} />
        </Stack>
        <PairReview pair={pair} left={left.data} right={right.data} decidable={open} onProblem={onProblem} />
      </Group>

      {problem && <ProblemAlert problem={problem} onClose={() => setProblem(null)} />}
      {pair.status === 'open' && resolved && (
        <Alert color="yellow" variant="light" data-testid="pair-not-open">
          {t('duplicates.pair.notOpen')}
        </Alert>
      )}

      <Section title={t('duplicates.pair.compare')} testId="pair-compare">
        {left.isPending || right.isPending ? (
          <LoadingState />
        ) : left.isError || right.isError ? (
          <ErrorState error={left.error ?? right.error} onRetry={reloadRecords} />
        ) : (
          <PairComparison kind={pair.kind} firstId={pair.first.id} secondId={pair.second.id} left={left.data} right={right.data} />
        )}
      </Section>

      <Section title={t('duplicates.pair.why')} description={t('duplicates.pair.whyHelp')} testId="pair-why">
        <PairExplanation pair={pair} />
      </Section>
    </Stack>
  );
}

/**
 * `/duplicates/:id`: one pair of the queue — both records side by side with their differences,
 * the engine's explanation, and (while open) Merge into left / Merge into right / Not
 * duplicates. The queue hands the pair over (router state); opened by its address, it is looked
 * for in the queue, and when not found the page says to open it from there.
 */
export function DuplicatePairPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const handed = (location.state as Partial<PairLinkState> | null)?.pair;
  const query = useDuplicatePair(id, handed);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) {
    return (
      <Stack>
        <Breadcrumbs>
          <Anchor component={Link} to="/duplicates">
            {t('duplicates.title')}
          </Anchor>
          <Text>{t('duplicates.pair.breadcrumb')}</Text>
        </Breadcrumbs>
        <EmptyState title={t('duplicates.pair.notFound')}>
          <Text size="sm" c="dimmed" ta="center" maw={520}>
            {t('duplicates.pair.notFoundHelp')}
          </Text>
          <Button component={Link} to="/duplicates" variant="default" data-testid="pair-back-to-queue">
            {t('duplicates.pair.backToQueue')}
          </Button>
        </EmptyState>
      </Stack>
    );
  }
  return <PairView key={query.data.id} pair={query.data} onReloadPair={() => void query.refetch()} />;
}
