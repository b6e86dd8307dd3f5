import { useMemo } from 'react';
import { Badge, Box, Button, Chip, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/i18n/investigations';
import { Data } from '@/components/Bidi';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { useTimeline } from '../api/investigations';
import type { Investigation } from '../api/types';
import { EVENT_KINDS } from '../api/types';
import { describeEvent, entrySeqs, knownNames, linkLabels, timelineQueryFromParams } from '../lib/timeline';

/**
 * Everything that happened to the investigation, in words in the user's language, with when and
 * who: filtered by kind (chips), newest or oldest first (both in the address), a page at a time.
 */
export function TimelineTab({ inv }: { inv: Investigation }) {
  const { t, i18n } = useTranslation('investigations');
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => timelineQueryFromParams(params, EVENT_KINDS), [params]);
  const timeline = useTimeline(inv.id, query);
  const events = useMemo(() => timeline.data?.pages.flatMap((p) => p.items) ?? [], [timeline.data]);
  const ctx = useMemo(() => ({ names: knownNames(inv, events), linkLabels: linkLabels(events), entrySeqs: entrySeqs(events) }), [inv, events]);
  const update = (kinds: string[], order: 'asc' | 'desc') => {
    const next = new URLSearchParams(params);
    if (kinds.length) next.set('kinds', kinds.join(','));
    else next.delete('kinds');
    if (order === 'asc') next.set('order', 'asc');
    else next.delete('order');
    setParams(next, { replace: true });
  };
  const kindsLabelId = 'timeline-kinds-label';

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="timeline-title" data-testid="investigation-timeline">
      <Stack>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Title order={2} size="h4" id="timeline-title">
            {t('timeline.title')}
          </Title>
          <SegmentedControl
            size="xs"
            aria-label={t('timeline.order')}
            value={query.order}
            onChange={(o) => update(query.kinds, o === 'asc' ? 'asc' : 'desc')}
            data={[
              { value: 'desc', label: t('timeline.newest') },
              { value: 'asc', label: t('timeline.oldest') },
            ]}
            data-testid="timeline-order"
          />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500} id={kindsLabelId}>
            {t('timeline.kinds')}
          </Text>
          <Chip.Group multiple value={query.kinds} onChange={(kinds) => update(EVENT_KINDS.filter((k) => kinds.includes(k)), query.order)}>
            <Group gap={6} role="group" aria-labelledby={kindsLabelId} data-testid="timeline-kinds">
              {EVENT_KINDS.map((k) => (
                <Chip key={k} value={k} size="xs" data-testid={`timeline-kind-${k}`}>
                  {t(`timeline.eventKinds.${k}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <Text size="xs" c="dimmed">
            {query.kinds.length ? t('timeline.kindsSome') : t('timeline.kindsAll')}
          </Text>
        </Stack>
        {timeline.isPending ? (
          <LoadingState />
        ) : timeline.isError ? (
          <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
        ) : events.length === 0 ? (
          <EmptyState title={t('timeline.empty')} />
        ) : (
          <Box component="ol" style={{ display: 'flex', flexDirection: 'column', gap: 'var(--mantine-spacing-xs)', listStyle: 'none', padding: 0, margin: 0, opacity: timeline.isPlaceholderData ? 0.6 : 1 }} aria-busy={timeline.isPlaceholderData || undefined} aria-label={t('timeline.title')}>
            {events.map((ev) => (
              <Paper key={ev.id} withBorder p="sm" component="li" data-testid="timeline-event" data-kind={ev.kind}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Badge variant="outline" color="gray.8" size="sm" tt="none" style={{ flexShrink: 0 }}>
                    {t(`timeline.eventKinds.${ev.kind}`, { defaultValue: ev.kind })}
                  </Badge>
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="timeline-text">
                      {describeEvent(t, ev, ctx)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      <time dateTime={ev.at}>{formatDateTime(ev.at, lang)}</time>
                      {ev.actor && (
                        <>
                          {' · '}
                          <Data>{ev.actor.name}</Data>
                        </>
                      )}
                    </Text>
                  </Stack>
                </Group>
              </Paper>
            ))}
          </Box>
        )}
        {timeline.hasNextPage && (
          <Group justify="center">
            <Button variant="default" loading={timeline.isFetchingNextPage} onClick={() => void timeline.fetchNextPage()} data-testid="timeline-more">
              {t('actions.loadMore')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
