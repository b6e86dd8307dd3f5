import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import '@/i18n/analysis';
import { NODE_KINDS } from '../lib/graph';
import { legendPoints, LOOKS, PATH_COLOUR, type KindLook } from '../lib/style';

function Shape({ look, dashed }: { look: KindLook; dashed?: boolean }) {
  const stroke = { stroke: '#343a40', strokeWidth: dashed ? 2 : 1, strokeDasharray: dashed ? '3 2' : undefined };
  const points = legendPoints(look.shape);
  return (
    <svg width={16} height={16} viewBox="0 0 16 16" aria-hidden focusable="false">
      {points ? (
        <polygon points={points} fill={look.colour} {...stroke} />
      ) : look.shape === 'ellipse' ? (
        <circle cx={8} cy={8} r={7} fill={look.colour} {...stroke} />
      ) : (
        <rect x={1} y={3} width={14} height={10} rx={look.shape === 'round-rectangle' ? 3 : 0} fill={look.colour} {...stroke} />
      )}
    </svg>
  );
}

/** What the shapes and colours of the graph mean (kinds have a shape each: colour is not needed to tell them apart). */
export function Legend() {
  const { t } = useTranslation();
  return (
    <Group gap="md" wrap="wrap" data-testid="analysis-legend" role="group" aria-label={t('analysis:graph.legend')}>
      {NODE_KINDS.map((k) => (
        <Group key={k} gap={4} wrap="nowrap">
          <Shape look={LOOKS[k]} />
          <Text size="xs">{t(`analysis:kinds.${k}`)}</Text>
        </Group>
      ))}
      <Group gap={4} wrap="nowrap">
        <Shape look={{ shape: 'ellipse', colour: '#ffffff' }} dashed />
        <Text size="xs">{t('analysis:graph.legendMore')}</Text>
      </Group>
      <Group gap={4} wrap="nowrap">
        <svg width={16} height={16} viewBox="0 0 16 16" aria-hidden focusable="false">
          <line x1={1} y1={8} x2={15} y2={8} stroke={PATH_COLOUR} strokeWidth={4} />
        </svg>
        <Text size="xs">{t('analysis:graph.legendPath')}</Text>
      </Group>
    </Group>
  );
}
