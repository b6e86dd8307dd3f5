import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Bidi, Data } from '@/components/Bidi';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { useHitList } from '../api/alerts';
import type { HitQuery, HitStatus } from '../api/types';
import { formatScore } from '../lib/comparison';
import { HitStatusBadge, RiskBadge } from './badges';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/**
 * Hits of the user's unit with `status` (one alert's when `alertId` is given), newest first: the
 * alert (left out on the alert's own page), the record found, the score, the cases that
 * brought it; each opens the hit's page. More are loaded on demand.
 */
export function HitsTable({ status, alertId, label }: { status: HitStatus; alertId?: string; label: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const query: HitQuery = alertId ? { status, alert_id: alertId } : { status };
  const list = useHitList(query);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const withAlert = !alertId;
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (rows.length === 0) return <EmptyState title={t(`alerts.hits.empty.${status}`)} />;
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={withAlert ? 900 : 700}>
        <Table striped highlightOnHover aria-label={label} data-testid="hits-table" aria-busy={list.isPlaceholderData || undefined} style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
          <Table.Thead>
            <Table.Tr>
              {withAlert && <Table.Th scope="col">{t('alerts.hits.alert')}</Table.Th>}
              <Table.Th scope="col">{t('alerts.hits.record')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('alerts.hits.score')}
              </Table.Th>
              <Table.Th scope="col">{t('alerts.hits.cases')}</Table.Th>
              <Table.Th scope="col">{t('alerts.hits.found')}</Table.Th>
              <Table.Th scope="col">{t('alerts.hits.status')}</Table.Th>
              <Table.Th scope="col">{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((h) => (
              <Table.Tr key={h.id} data-testid="hit-row" data-hit={h.id} data-alert={h.alert.reference}>
                {withAlert && (
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Anchor component={Link} to={`/alerts/${h.alert.id}`} ff="monospace" size="sm" style={NOWRAP}>
                        <Data>{h.alert.reference}</Data>
                      </Anchor>
                      <RiskBadge level={h.alert.risk_level} size="xs" />
                    </Group>
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      <Data>{h.alert.subject_label}</Data>
                    </Text>
                  </Table.Td>
                )}
                <Table.Td>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    <Data>{h.record_label}</Data>
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`alerts.subjectKinds.${h.record_kind}`)}
                  </Text>
                </Table.Td>
                <Table.Td ta="end" style={NOWRAP} data-testid="hit-score">
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {h.exact && (
                      <Badge size="xs" variant="outline" color="gray.8" tt="none">
                        {t('alerts.hits.exact')}
                      </Badge>
                    )}
                    <Bidi ltr>{formatScore(h.score, lang)}</Bidi>
                  </Group>
                </Table.Td>
                <Table.Td>
                  {h.cases.length === 0
                    ? '—'
                    : h.cases.map((c, i) => (
                        <span key={c.id}>
                          {i > 0 && t('common.listSeparator')}
                          <Anchor component={Link} to={`/seizures/${c.id}`} size="sm" ff="monospace">
                            <Data>{c.reference}</Data>
                          </Anchor>
                        </span>
                      ))}
                </Table.Td>
                <Table.Td style={NOWRAP}>{formatDateTime(h.created_at, lang)}</Table.Td>
                <Table.Td style={NOWRAP}>
                  <HitStatusBadge status={h.status} />
                </Table.Td>
                <Table.Td style={NOWRAP}>
                  <Button
                    component={Link}
                    to={`/alerts/hits/${h.id}`}
                    size="xs"
                    variant={h.status === 'new' ? 'filled' : 'default'}
                    data-testid="hit-open"
                    aria-label={`${h.status === 'new' ? t('alerts.hits.review') : t('alerts.hits.open')} — ${h.record_label}`}
                  >
                    {h.status === 'new' ? t('alerts.hits.review') : t('alerts.hits.open')}
                  </Button>
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
    </Stack>
  );
}
