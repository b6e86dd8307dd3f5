import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Bidi, Data } from '@/components/Bidi';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { recordPath } from '@/lib/recordHistory';
import { useDuplicateList, type DuplicateListQuery } from '../api/duplicates';
import type { DuplicatePair, MergeKind, RecordLabel } from '../api/types';
import { formatScore } from '../lib/format';
import { ExactBadge, PairStatusBadge } from './parts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** The state a pair's page is opened with: the pair as listed (the API reads no pair alone). */
export interface PairLinkState {
  pair: DuplicatePair;
}

/** One record of a pair: its label, a link to its page, and whether it was merged since. */
function RecordCell({ kind, record, testId }: { kind: MergeKind; record: RecordLabel; testId: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Anchor component={Link} to={recordPath(kind, record.id)} size="sm" style={{ overflowWrap: 'anywhere' }} data-testid={testId}>
        <Data>{record.label || record.id}</Data>
      </Anchor>
      {record.merged_into && (
        <Text size="xs" c="dimmed" component="span" display="block">
          {t('duplicates.mergedSince')}
        </Text>
      )}
    </div>
  );
}

/**
 * The queue's pairs matching `query`, best score first: both records (each a link to its
 * page), the register, the score (whole percentage, rounded down) with "same identifier" when
 * an identifier is shared, when the pair was found, its status; each opens the pair's review.
 * More are loaded on demand.
 */
export function PairsTable({ query }: { query: DuplicateListQuery }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const list = useDuplicateList(query);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (rows.length === 0) return <EmptyState title={t(`duplicates.empty.${query.status}`)} />;
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={820}>
        <Table
          striped
          highlightOnHover
          aria-label={t('duplicates.list.label')}
          data-testid="duplicates-table"
          aria-busy={list.isPlaceholderData || undefined} style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('duplicates.list.records')}</Table.Th>
              <Table.Th scope="col">{t('duplicates.list.kind')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('duplicates.list.score')}
              </Table.Th>
              <Table.Th scope="col">{t('duplicates.list.found')}</Table.Th>
              <Table.Th scope="col">{t('duplicates.list.status')}</Table.Th>
              <Table.Th scope="col">{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => {
              const action = p.status === 'open' ? t('duplicates.list.review') : t('duplicates.list.open');
              const state: PairLinkState = { pair: p };
              return (
                <Table.Tr key={p.id} data-testid="duplicate-row" data-pair={p.id} data-first={p.first.id} data-second={p.second.id}>
                  <Table.Td>
                    <Stack gap={4}>
                      <RecordCell kind={p.kind} record={p.first} testId="pair-first" />
                      <RecordCell kind={p.kind} record={p.second} testId="pair-second" />
                    </Stack>
                  </Table.Td>
                  <Table.Td style={NOWRAP}>{t(`duplicates.kind.${p.kind}`)}</Table.Td>
                  <Table.Td ta="end" style={NOWRAP}>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {p.exact && <ExactBadge />}
                      <Text size="sm" component="span" data-testid="pair-score">
                        <Bidi ltr>{formatScore(p.score, lang)}</Bidi>
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td style={NOWRAP}>{formatDateTime(p.detected_at, lang)}</Table.Td>
                  <Table.Td style={NOWRAP}>
                    <PairStatusBadge status={p.status} />
                  </Table.Td>
                  <Table.Td style={NOWRAP}>
                    <Button
                      component={Link}
                      to={`/duplicates/${p.id}`}
                      state={state}
                      size="xs"
                      variant={p.status === 'open' ? 'filled' : 'default'}
                      data-testid="pair-open"
                      aria-label={t('duplicates.list.openNamed', { action, first: p.first.label, second: p.second.label })}
                    >
                      {action}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="center">
        {list.hasNextPage && (
          <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} data-testid="duplicates-more">
            {t('common.loadMore')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
