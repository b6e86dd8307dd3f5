import { Badge, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconEqual } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Bidi, Data } from '@/components/Bidi';
import type { Feature, HitDetail } from '../api/types';
import { comparisonRows, formatContribution, formatScore } from '../lib/comparison';

const SAME_BG = 'var(--mantine-color-green-0)';

/**
 * The alert's subject and the record found, field by field (named in the UI language; a field
 * the app does not know is shown by its name). A row whose two sides say the same is tinted
 * and marked "same" — in words too, never by colour alone.
 */
export function HitComparison({ hit }: { hit: HitDetail }) {
  const { t } = useTranslation();
  const rows = comparisonRows(hit.subject, hit.record);
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder withColumnBorders aria-label={t('alerts.hit.compareLabel')} data-testid="hit-comparison">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="22%">
              {t('alerts.hit.field')}
            </Table.Th>
            <Table.Th scope="col">{t('alerts.hit.subject')}</Table.Th>
            <Table.Th scope="col">{t('alerts.hit.record')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.field} data-testid="comparison-row" data-field={r.field} data-same={r.same ? 'true' : 'false'} bg={r.same ? SAME_BG : undefined}>
              <Table.Th scope="row" fw={600}>
                <Group gap={6} wrap="nowrap" justify="space-between">
                  <span>{t(`alerts.facts.${r.field}`, { defaultValue: r.field })}</span>
                  {r.same && (
                    <Badge size="xs" variant="outline" color="#1b6e31" tt="none" leftSection={<IconEqual size={10} aria-hidden />}>
                      {t('alerts.hit.sameShort')}
                      <VisuallyHidden> — {t('alerts.hit.same')}</VisuallyHidden>
                    </Badge>
                  )}
                </Group>
              </Table.Th>
              <Table.Td data-testid="comparison-subject" style={{ overflowWrap: 'anywhere' }}>
                {r.subject === null ? '—' : <Data>{r.subject}</Data>}
              </Table.Td>
              <Table.Td data-testid="comparison-record" style={{ overflowWrap: 'anywhere' }}>
                {r.record === null ? '—' : <Data>{r.record}</Data>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The score (a whole percentage, rounded down) and each piece of evidence with its effect. */
export function HitExplanation({ hit }: { hit: HitDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const features: Feature[] = hit.features;
  return (
    <Stack gap="sm">
      <Group gap="sm" align="baseline">
        <Text size="sm" c="dimmed" fw={600}>
          {t('alerts.hit.score')}
        </Text>
        <Text size="xl" fw={700} data-testid="hit-score">
          <Bidi ltr>{formatScore(hit.score, lang)}</Bidi>
        </Text>
        {hit.exact && (
          <Badge variant="outline" color="gray.8" tt="none" data-testid="hit-exact">
            {t('alerts.hits.exact')}
          </Badge>
        )}
      </Group>
      {features.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('alerts.hit.noFeatures')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label={t('alerts.hit.explanationLabel')} data-testid="hit-explanation">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('alerts.hit.feature')}</Table.Th>
                <Table.Th scope="col">{t('alerts.hit.detail')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('alerts.hit.contribution')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {features.map((f, i) => (
                <Table.Tr key={`${f.feature}-${i}`} data-testid="hit-feature" data-feature={f.feature}>
                  <Table.Td>{t(`alerts.features.${f.feature}`, { defaultValue: f.feature })}</Table.Td>
                  <Table.Td>
                    <Data>{f.detail}</Data>
                  </Table.Td>
                  <Table.Td ta="end" ff="monospace" style={{ whiteSpace: 'nowrap' }} data-testid="hit-contribution">
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
