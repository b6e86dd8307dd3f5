import { Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bidi, Data } from '@/components/Bidi';
import type { DuplicatePair } from '../api/types';
import { formatContribution, formatScore } from '../lib/format';
import { ExactBadge } from './parts';

/**
 * Why the engine finds the two records likely to be one: the score (a whole percentage,
 * rounded down), "same identifier" when they share one, and each piece of evidence with its
 * effect (named as the screening explains its matches).
 */
export function PairExplanation({ pair }: { pair: DuplicatePair }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Stack gap="sm">
      <Group gap="sm" align="baseline">
        <Text size="sm" c="dimmed" fw={600}>
          {t('duplicates.pair.score')}
        </Text>
        <Text size="xl" fw={700} data-testid="pair-why-score">
          <Bidi ltr>{formatScore(pair.score, lang)}</Bidi>
        </Text>
        {pair.exact && <ExactBadge size="sm" />}
      </Group>
      {pair.features.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('duplicates.pair.noFeatures')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label={t('duplicates.pair.whyLabel')} data-testid="pair-explanation">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('duplicates.pair.feature')}</Table.Th>
                <Table.Th scope="col">{t('duplicates.pair.detail')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('duplicates.pair.contribution')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pair.features.map((f, i) => (
                <Table.Tr key={`${f.feature}-${i}`} data-testid="pair-feature" data-feature={f.feature}>
                  <Table.Td>{t(`screening.features.${f.feature}`, { defaultValue: f.feature })}</Table.Td>
                  <Table.Td>
                    <Data>{f.detail}</Data>
                  </Table.Td>
                  <Table.Td ta="end" ff="monospace" style={{ whiteSpace: 'nowrap' }} data-testid="pair-contribution">
                    <Bidi ltr>{formatContribution(f.contribution, lang)}</Bidi>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
