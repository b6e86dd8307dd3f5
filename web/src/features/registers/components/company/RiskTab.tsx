import { Alert, Anchor, Badge, Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCodeBook } from '@/api/queries/codelists';
import type { CompanyRiskDetail, RiskFactorRef } from '@/api/types';
import { Data } from '@/components/Bidi';
import '@/i18n/companies';
import { formatDateTime } from '@/lib/format';
import { contributionTotal, refPath } from '@/features/registers/lib/companyProfile';
import { RiskBadge } from '../RiskBadge';
import { Section } from './ProfileParts';

/** Points with their sign ("+10", "−5", "0"), in the reading order of the UI. */
function signed(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `\u2212${Math.abs(points)}`;
  return '0';
}

/** One record a contribution counts: its kind, its label (a link where it has a page), its points; "restricted" when the reader may not see it. */
function CountedRecord({ record }: { record: RiskFactorRef }) {
  const { t } = useTranslation();
  const typologies = useCodeBook('fraud_typologies', record.kind === 'typology');
  const kind = t(`companies:risk.refKinds.${record.kind}`, { defaultValue: record.kind });
  const path = refPath(record);
  const label = record.kind === 'typology' ? typologies.label(record.label) : record.label;
  return (
    <Group gap={6} wrap="wrap" data-testid="risk-ref" data-kind={record.kind}>
      <Text size="sm" c="dimmed" span>
        {kind}
        {t('companies:labelSeparator')}
      </Text>
      {record.id === null || record.id === undefined ? (
        <Badge size="sm" variant="outline" color="gray.8" tt="none" data-testid="risk-ref-restricted">
          {t('companies:risk.restricted')}
        </Badge>
      ) : path ? (
        <Anchor component={Link} to={path} size="sm">
          <Data>{label}</Data>
        </Anchor>
      ) : (
        <Text size="sm" span>
          <Data>{label}</Data>
        </Text>
      )}
      <Text size="sm" span c="dimmed">
        ({t('companies:risk.pointsN', { points: signed(record.points) })})
      </Text>
    </Group>
  );
}

/**
 * The company's risk: its score and band, the thresholds, when it was computed (or that it is
 * waiting for a recomputation), and what makes it up — each factor with its points and the
 * records it counts, and the total that is the score.
 */
export function RiskTab({ risk, onRefresh, refreshing }: { risk: CompanyRiskDetail; onRefresh: () => void; refreshing: boolean }) {
  const { t, i18n } = useTranslation();
  const total = contributionTotal(risk.explanation);
  return (
    <Stack>
      <Section title={t('companies:risk.title')} testId="company-risk">
        <Stack gap="sm">
          <Group gap="md" align="center">
            <Text size="xl" fw={700} data-testid="risk-score">
              {t('companies:risk.scoreOf', { score: risk.score })}
            </Text>
            <RiskBadge risk={risk} size="lg" />
          </Group>
          <Text size="sm" data-testid="risk-thresholds">
            {t('companies:risk.thresholds', { medium: risk.thresholds.medium, high: risk.thresholds.high })}
          </Text>
          <Text size="sm" c="dimmed" data-testid="risk-computed-at">
            {risk.computed_at ? t('companies:risk.computedAt', { when: formatDateTime(risk.computed_at, i18n.language) }) : t('companies:risk.neverComputed')}
          </Text>
          {risk.pending && (
            <Alert color="yellow" variant="light" icon={<IconClockHour4 aria-hidden />} data-testid="risk-pending">
              <Stack gap="xs">
                <Text size="sm">{t('companies:risk.pending')}</Text>
                <Group>
                  <Button size="xs" variant="default" loading={refreshing} onClick={onRefresh}>
                    {t('companies:risk.refresh')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
        </Stack>
      </Section>
      <Section title={t('companies:risk.explanation')} testId="risk-explanation">
        <Table.ScrollContainer minWidth={600}>
          <Table striped aria-label={t('companies:risk.explanation')} data-testid="risk-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('companies:risk.factor')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('companies:risk.points')}
                </Table.Th>
                <Table.Th scope="col">{t('companies:risk.records')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {risk.explanation.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={3}>
                    <Text size="sm" c="dimmed">
                      {t('companies:risk.nothing')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {risk.explanation.map((c, i) => (
                <Table.Tr key={`${c.factor}-${i}`} data-factor={c.factor}>
                  <Table.Th scope="row" fw={500}>
                    {t(`companies:risk.factors.${c.factor}`, { defaultValue: c.rule })}
                  </Table.Th>
                  <Table.Td ta="end" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    <Data ltr>{signed(c.points)}</Data>
                  </Table.Td>
                  <Table.Td>
                    {c.refs.length === 0 ? (
                      '—'
                    ) : (
                      <List size="sm" spacing={2} listStyleType="none" m={0} p={0}>
                        {c.refs.map((r, j) => (
                          <List.Item key={`${r.kind}-${r.id ?? j}`}>
                            <CountedRecord record={r} />
                          </List.Item>
                        ))}
                      </List>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr data-testid="risk-total">
                <Table.Th scope="row">{t('companies:risk.total')}</Table.Th>
                <Table.Td ta="end" ff="monospace" fw={700}>
                  <Data ltr>{total}</Data>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {total === risk.score ? t('companies:risk.totalIsScore', { score: risk.score }) : t('companies:risk.totalDiffers', { score: risk.score })}
                  </Text>
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </Section>
    </Stack>
  );
}
