import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bidi } from '@/components/Bidi';
import '@/i18n/statistics';
import { legendValues, PLACE_RADIUS, SEGMENT_WIDTH, sqrtScale, type MapMeasure } from '../lib/mapData';

/**
 * What the map's ink means: line widths and circle sizes for round figures of the measure
 * (the same square-root scales as the map, at the map's full width), the shading of the
 * countries on the routes, and how a line's direction reads.
 */
export function MapLegend({
  measure,
  maxSegment,
  maxPlace,
  format,
}: {
  measure: MapMeasure;
  maxSegment: number;
  maxPlace: number;
  /** a figure of the measure in the UI language */
  format: (v: number) => string;
}) {
  const { t } = useTranslation();
  const width = sqrtScale(maxSegment, SEGMENT_WIDTH);
  const radius = sqrtScale(maxPlace, PLACE_RADIUS);
  const top = PLACE_RADIUS[1] * 2 + 2;
  return (
    <Stack gap={6} component="section" aria-label={t('statistics:map.legend')} data-testid="map-legend">
      <Group gap="xl" align="flex-start" wrap="wrap">
        {maxSegment > 0 && (
          <Stack gap={2}>
            <Text size="xs" fw={600}>
              {t('statistics:map.segments')} ({t(`statistics:measures.${measure}`)})
            </Text>
            {legendValues(maxSegment).map((v) => (
              <Group key={v} gap={6} wrap="nowrap">
                <svg width={44} height={18} aria-hidden>
                  <line x1={2} y1={9} x2={42} y2={9} stroke="var(--mantine-color-red-7)" strokeOpacity={0.75} strokeWidth={width(v)} strokeLinecap="round" />
                </svg>
                <Text size="xs">
                  <Bidi>{format(v)}</Bidi>
                </Text>
              </Group>
            ))}
          </Stack>
        )}
        {maxPlace > 0 && (
          <Stack gap={2}>
            <Text size="xs" fw={600}>
              {t('statistics:map.places')} ({t(`statistics:measures.${measure}`)})
            </Text>
            <Group gap="sm" align="flex-end" wrap="nowrap">
              {legendValues(maxPlace).map((v) => (
                <Stack key={v} gap={0} align="center">
                  <svg width={top} height={top} aria-hidden>
                    <circle cx={top / 2} cy={top / 2} r={radius(v)} fill="var(--mantine-color-blue-7)" fillOpacity={0.55} stroke="var(--mantine-color-white)" />
                  </svg>
                  <Text size="xs">
                    <Bidi>{format(v)}</Bidi>
                  </Text>
                </Stack>
              ))}
            </Group>
          </Stack>
        )}
        <Group gap={6} wrap="nowrap">
          <svg width={18} height={14} aria-hidden>
            <rect x={1} y={1} width={16} height={12} fill="var(--mantine-color-yellow-1)" stroke="var(--mantine-color-gray-5)" />
          </svg>
          <Text size="xs">{t('statistics:map.onRoutes')}</Text>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {t('statistics:map.direction')} {t('statistics:map.zoomHelp')}
      </Text>
    </Stack>
  );
}
