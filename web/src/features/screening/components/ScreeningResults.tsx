import { Fragment, useState } from 'react';
import { Alert, Anchor, Badge, Box, Button, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Bidi, Data } from '@/components/Bidi';
import { EmptyState } from '@/components/states';
import type { Band, Candidate, ScreeningResult } from '../api/screening';
import { candidatePath } from '../lib/batch';
import { formatContribution, formatScore, formatThreshold } from '../lib/screeningForm';

/**
 * Hit: white on red 9 (5.5:1). Review: dark orange on orange 1 (6.4:1); Mantine's own light
 * orange text is under 4.5:1. The band is written out, never told by colour alone.
 */
const BAND_STYLE: Record<Band, { color: string; variant: 'filled' | 'light'; styles?: { root: Record<string, string> } }> = {
  hit: { color: 'red.9', variant: 'filled' },
  review: { color: 'orange', variant: 'light', styles: { root: { color: '#8f3a00', backgroundColor: 'var(--mantine-color-orange-1)' } } },
};

export function BandBadge({ band }: { band: Band }) {
  const { t } = useTranslation();
  const style = BAND_STYLE[band] ?? BAND_STYLE.review;
  return (
    <Badge color={style.color} variant={style.variant} styles={style.styles} tt="none" data-testid="screening-band">
      {t(`screening.bands.${band}`, { defaultValue: band })}
    </Badge>
  );
}

/**
 * Each piece of evidence: what was compared (named in the UI language), how it compared (as the
 * server wrote it), its part of the score. Also shown for each line of a screened list.
 */
export function Explanation({ candidate, id }: { candidate: Candidate; id: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Box id={id} data-testid="screening-explanation" py="xs">
      {candidate.features.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('screening.explanation.none')}
        </Text>
      ) : (
        <Table withTableBorder={false} verticalSpacing={4} aria-label={t('screening.explanation.label', { label: candidate.label })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('screening.explanation.feature')}</Table.Th>
              <Table.Th scope="col">{t('screening.explanation.detail')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('screening.explanation.contribution')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {candidate.features.map((f, i) => (
              <Table.Tr key={`${f.feature}-${i}`} data-testid="screening-feature">
                <Table.Td>{t(`screening.features.${f.feature}`, { defaultValue: f.feature })}</Table.Td>
                <Table.Td>
                  <Data>{f.detail}</Data>
                </Table.Td>
                <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }} ff="monospace">
                  <Bidi ltr>{formatContribution(f.contribution, i18n.language)}</Bidi>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Box>
  );
}

/**
 * The candidates of a screening, best first (as the server orders them): band, score, the
 * record (a link to it) and, on demand, why it may be the one screened. Under the table, the
 * thresholds in force and how many records were compared.
 */
/**
 * The active alerts the query hits, as the server discloses them to a screening officer: the
 * alert, the requested action, the handling instructions and whom to contact — never why.
 */
function ScreeningAlerts({ result }: { result: ScreeningResult }) {
  const { t, i18n } = useTranslation();
  if (result.alerts.length === 0) return null;
  return (
    <Stack gap="sm" data-testid="screening-alerts">
      {result.alerts.map((a) => (
        <Alert
          key={a.alert_reference}
          role="note"
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('alerts.notices.title', { reference: a.alert_reference })}
          data-testid="screening-alert"
          styles={{ root: { borderInlineStart: '4px solid var(--mantine-color-red-9)' } }}
        >
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('alerts.notices.screening', {
                reference: a.alert_reference,
                score: formatScore(a.score, i18n.language),
                action: t(`alerts.requestedActions.${a.requested_action}`, { defaultValue: a.requested_action }),
              })}
            </Text>
            {a.handling_instructions && (
              <Text size="sm" dir="auto" translate="no" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {a.handling_instructions}
              </Text>
            )}
            <Text size="sm">{t('alerts.notices.contact', { name: a.contact.name, unit: a.contact_unit.name })}</Text>
          </Stack>
        </Alert>
      ))}
    </Stack>
  );
}

export function ScreeningResults({ result }: { result: ScreeningResult }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const lang = i18n.language;
  const footer = (
    <Stack gap={2} data-testid="screening-summary">
      <Text size="sm">
        {t('screening.thresholds', { hit: formatThreshold(result.thresholds.hit, lang), review: formatThreshold(result.thresholds.review, lang) })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('screening.scored', { count: result.scored })}
      </Text>
    </Stack>
  );
  if (result.candidates.length === 0) {
    return (
      <Stack gap="sm" data-testid="screening-no-candidates">
        <ScreeningAlerts result={result} />
        <EmptyState title={t('screening.empty')}>
          <Text size="sm" c="dimmed" ta="center" maw={480}>
            {t('screening.emptyHelp')}
          </Text>
        </EmptyState>
        {footer}
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      <ScreeningAlerts result={result} />
      <Table.ScrollContainer minWidth={600}>
        <Table data-testid="screening-results" aria-label={t('screening.results.label')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('screening.results.band')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('screening.results.score')}
              </Table.Th>
              <Table.Th scope="col">{t('screening.results.record')}</Table.Th>
              <Table.Th scope="col">{t('screening.results.explanation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.candidates.map((c) => {
              const key = `${c.kind}-${c.id}`;
              const expanded = open.has(key);
              const panelId = `screening-why-${key}`;
              const labelId = `screening-label-${key}`;
              return (
                <Fragment key={key}>
                  <Table.Tr data-testid="screening-candidate" data-band={c.band}>
                    <Table.Td>
                      <BandBadge band={c.band} />
                    </Table.Td>
                    <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }} data-testid="screening-score">
                      <Bidi ltr>{formatScore(c.score, lang)}</Bidi>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={candidatePath(c)} id={labelId}>
                        <Data>{c.label}</Data>
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        variant="subtle"
                        size="xs"
                        onClick={() => toggle(key)}
                        aria-expanded={expanded}
                        aria-controls={expanded ? panelId : undefined}
                        aria-describedby={labelId}
                        rightSection={
                          <IconChevronDown
                            size={14}
                            aria-hidden
                            style={{ transform: expanded ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }}
                          />
                        }
                      >
                        {t('screening.why')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                  {expanded && (
                    <Table.Tr>
                      <Table.Td colSpan={4} bg="var(--mantine-color-gray-0)">
                        <Explanation candidate={c} id={panelId} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {footer}
    </Stack>
  );
}
