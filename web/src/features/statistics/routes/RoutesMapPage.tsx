import { useMemo } from 'react';
import { Alert, Anchor, Button, Grid, Group, Loader, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconExternalLink, IconRefresh } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCodeBook } from '@/api/queries/codelists';
import type { SeizureStats } from '@/api/types';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import '@/i18n/statistics';
import { formatKg } from '@/lib/format';
import { useSeizureStats } from '../api/stats';
import { MapLegend } from '../components/MapLegend';
import { RankTable } from '../components/MapTables';
import { RoutesMap, type MapWords } from '../components/RoutesMap';
import { StatsControls } from '../components/StatsControls';
import { StatsViewLinks } from '../components/StatsViewLinks';
import { useAtlas } from '../lib/atlas';
import { placeErrors } from '../lib/errors';
import { countryLocator } from '../lib/geo';
import { MAP_MEASURES, measureOf, placesFrom, segmentsFrom, type MapMeasure } from '../lib/mapData';
import { formatCount } from '../lib/numbers';
import { placeLabel } from '../lib/useKeyLabels';
import { mapControlFields, mapQuery, mapView, viewFromParams, viewToParams, type StatsView } from '../lib/view';

/** Recent cases not counted yet, with a way to read the figures again. */
function Pending({ pending, onRefresh, refreshing }: { pending: number; onRefresh: () => void; refreshing: boolean }) {
  const { t } = useTranslation();
  if (pending === 0) return null;
  return (
    <Alert color="blue" variant="light" data-testid="stats-pending">
      <Group justify="space-between" gap="xs">
        <Text size="sm">{t('statistics:notes.pending', { count: pending })}</Text>
        <Button size="compact-xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} loading={refreshing} onClick={onRefresh}>
          {t('statistics:notes.refresh')}
        </Button>
      </Group>
    </Alert>
  );
}

/** The map and its tables, once both layers are counted. */
function Results({ segmentStats, placeStats, measure, setMeasure }: { segmentStats: SeizureStats; placeStats: SeizureStats; measure: MapMeasure; setMeasure: (m: MapMeasure) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const countries = useCodeBook('countries');
  const atlas = useAtlas();
  const { segments, none } = useMemo(() => segmentsFrom(segmentStats.rows, measure), [segmentStats.rows, measure]);
  const { places, unrecorded } = useMemo(() => placesFrom(placeStats.rows, measure), [placeStats.rows, measure]);
  const locate = useMemo(() => (atlas.data ? countryLocator(atlas.data.countries, countries.entries) : null), [atlas.data, countries.entries]);
  const drawn = useMemo(() => (locate ? segments.filter((s) => locate(s.from) && locate(s.to)) : []), [segments, locate]);

  const segmentName = (s: { from: string; to: string }) => t('statistics:keys.route', { origin: countries.label(s.from), destination: countries.label(s.to) });
  const placeName = (p: { key: string }) => placeLabel(p.key, lang, t) ?? p.key;
  const format = (v: number) => (measure === 'kg' ? formatKg(v, lang) : formatCount(v, lang));
  const words: MapWords = {
    country: countries.label,
    segment: segmentName,
    place: placeName,
    figures: (c) => [
      t('statistics:map.tooltipCases', { cases: formatCount(c.cases, lang) }),
      ...(c.kg ? [t('statistics:map.tooltipKg', { kg: formatKg(c.kg, lang) })] : []),
    ],
  };
  const notes = [
    ...(segmentStats.more || placeStats.more ? [t('statistics:map.more')] : []),
    ...(none > 0 ? [t('statistics:map.noSegment', { n: formatCount(none, lang) })] : []),
    ...(unrecorded > 0 ? [t('statistics:map.noPlace', { n: formatCount(unrecorded, lang) })] : []),
    ...(locate && drawn.length < segments.length ? [t('statistics:map.undrawn', { n: formatCount(segments.length - drawn.length, lang) })] : []),
  ];

  if (segments.length === 0 && places.length === 0 && segmentStats.total.cases === 0) return <EmptyState title={t('statistics:empty')} />;
  return (
    <Stack gap="sm">
      {notes.length > 0 && (
        <Stack gap={2} data-testid="map-notes">
          {notes.map((n) => (
            <Text key={n} size="sm" c="dimmed">
              {n}
            </Text>
          ))}
        </Stack>
      )}
      <SegmentedControl
        aria-label={t('statistics:map.measure')}
        size="xs"
        value={measure}
        onChange={(m) => setMeasure(m as MapMeasure)}
        data={MAP_MEASURES.map((m) => ({ value: m, label: t(`statistics:measures.${m}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Paper withBorder p={0} style={{ overflow: 'hidden' }}>
            {atlas.isError ? (
              <Alert color="yellow" variant="light" data-testid="map-failed">
                {t('statistics:map.failed', { message: atlas.error instanceof Error ? atlas.error.message : String(atlas.error) })}
              </Alert>
            ) : !atlas.data || !locate ? (
              <LoadingState label={t('statistics:map.loading')} />
            ) : (
              <RoutesMap atlas={atlas.data} segments={drawn} places={places} locate={locate} measure={measure} words={words} />
            )}
          </Paper>
          <Paper withBorder p="xs" mt="xs">
            <MapLegend
              measure={measure}
              maxSegment={Math.max(0, ...drawn.map((s) => measureOf(s, measure)))}
              maxPlace={Math.max(0, ...places.map((p) => measureOf(p, measure)))}
              format={format}
            />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <RankTable
              title={t('statistics:map.segmentsTable')}
              column={t('statistics:map.segment')}
              items={segments}
              name={segmentName}
              empty={t('statistics:map.noSegments')}
              testId="map-segments"
            />
            <RankTable
              title={t('statistics:map.placesTable')}
              column={t('statistics:map.place')}
              items={places}
              name={placeName}
              empty={t('statistics:map.noPlaces')}
              testId="map-places"
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/**
 * The routes map (`/statistics/map`): the route segments of the submitted and validated cases
 * as lines from country to country, their width by cases or mass, and the places of seizure
 * as circles; beside them the top segments and places as tables (the map's accessible
 * equivalent). The range, status, filters and measure are in the address, under the names
 * the statistics page gives them: each page links to the other with the same cases.
 */
export function RoutesMapPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => mapView(viewFromParams(params)), [params]);
  const measure: MapMeasure = view.measure === 'kg' ? 'kg' : 'cases';
  const segmentQuery = useMemo(() => mapQuery(view, 'route_segment'), [view]);
  const placeQuery = useMemo(() => mapQuery(view, 'place'), [view]);
  const segmentStats = useSeizureStats(segmentQuery);
  const placeStats = useSeizureStats(placeQuery);
  const setView = (next: StatsView) => setParams(viewToParams(mapView(next)), { replace: true });
  const error = segmentStats.error ?? placeStats.error;
  const { fields, unplaced, refused } = placeErrors(error, mapControlFields(), (e) => t(`statistics:errors.${e.code}`, { defaultValue: e.message || e.code }));
  const guide = i18n.language === 'fr' ? '/help/fr/statistics.html#la-carte-des-itineraires' : '/help/en/statistics.html#the-routes-map';
  const data = segmentStats.data && placeStats.data ? { segments: segmentStats.data, places: placeStats.data } : null;
  const fetching = segmentStats.isFetching || placeStats.isFetching;
  const refetch = () => {
    void segmentStats.refetch();
    void placeStats.refetch();
  };

  return (
    <Stack>
      <PageHeader title={t('statistics:map.title')} description={t('statistics:map.description')} />
      <Group justify="space-between" wrap="wrap" gap="xs">
        <StatsViewLinks view={view} current="map" />
        <Anchor href={guide} target="_blank" rel="noopener" size="sm">
          <Group gap={4} component="span">
            {t('statistics:map.help')}
            <IconExternalLink size={14} aria-hidden />
          </Group>
        </Anchor>
      </Group>
      <Paper withBorder p="md" role="search" aria-label={t('statistics:controls.label')}>
        <StatsControls
          view={view}
          onChange={setView}
          errors={fields}
          range={segmentStats.data ? { from: segmentStats.data.from, to: segmentStats.data.to } : null}
          grouping={false}
        />
      </Paper>
      <Group gap="xs" mih={20} aria-live="polite">
        {fetching && data && (
          <>
            <Loader size="xs" aria-hidden />
            <Text size="xs" c="dimmed">
              {t('statistics:updating')}
            </Text>
          </>
        )}
      </Group>
      {refused ? (
        <Alert color="red" variant="light" role="alert" data-testid="stats-refused" title={t('statistics:errors.title')}>
          {unplaced.length === 0 ? (
            t('statistics:errors.atFields')
          ) : (
            <Stack gap={2}>
              {unplaced.map((m) => (
                <Text key={m} size="sm">
                  {m}
                </Text>
              ))}
            </Stack>
          )}
        </Alert>
      ) : error ? (
        <ErrorState error={error} onRetry={refetch} />
      ) : !data ? (
        <LoadingState />
      ) : (
        <>
          <Pending pending={Math.max(data.segments.pending, data.places.pending)} onRefresh={refetch} refreshing={fetching} />
          <Results segmentStats={data.segments} placeStats={data.places} measure={measure} setMeasure={(m) => setView({ ...view, measure: m })} />
        </>
      )}
    </Stack>
  );
}
