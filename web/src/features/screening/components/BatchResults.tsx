import { useState } from 'react';
import { Anchor, Badge, Box, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Bidi, Data } from '@/components/Bidi';
import type { BatchCounts, BatchLine, BatchOutcome, BatchResult, ScreeningAlert } from '../api/screening';
import { candidatePath, OUTCOMES, splitLines } from '../lib/batch';
import { formatScore, formatThreshold } from '../lib/screeningForm';
import { BandBadge, Explanation } from './ScreeningResults';

type BadgeStyle = { color: string; variant: 'filled' | 'light'; styles?: { root: Record<string, string> } };

/**
 * As the single check's bands: hit white on red 9, review dark orange on orange 1; clear dark
 * grey on grey 1 (Mantine's own light grey text is too pale). Always written out.
 */
const OUTCOME_STYLE: Record<BatchOutcome, BadgeStyle> = {
  hit: { color: 'red.9', variant: 'filled' },
  review: { color: 'orange', variant: 'light', styles: { root: { color: '#8f3a00', backgroundColor: 'var(--mantine-color-orange-1)' } } },
  clear: { color: 'gray', variant: 'light', styles: { root: { color: 'var(--mantine-color-gray-8)', backgroundColor: 'var(--mantine-color-gray-1)' } } },
};

export function OutcomeBadge({ outcome }: { outcome: BatchOutcome }) {
  const { t } = useTranslation();
  const style = OUTCOME_STYLE[outcome] ?? OUTCOME_STYLE.review;
  return (
    <Badge color={style.color} variant={style.variant} styles={style.styles} tt="none" data-testid="batch-outcome">
      {t(`screening.batch.outcomes.${outcome}`, { defaultValue: outcome })}
    </Badge>
  );
}

/** How many lines came out each way, as badges in the outcome colours. */
function Counts({ counts }: { counts: BatchCounts }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" data-testid="batch-counts">
      {OUTCOMES.map((o) => {
        const style = OUTCOME_STYLE[o];
        return (
          <Badge key={o} size="lg" color={style.color} variant={style.variant} styles={style.styles} tt="none" data-testid={`batch-count-${o}`}>
            {t(`screening.batch.counts.${o}`, { count: counts[o] })}
          </Badge>
        );
      })}
    </Group>
  );
}

/** The alerts a line hits, as a screening officer may see them: what to do and whom to contact, never why. */
function LineAlerts({ alerts }: { alerts: readonly ScreeningAlert[] }) {
  const { t } = useTranslation();
  if (alerts.length === 0) return <>—</>;
  return (
    <Stack gap="xs">
      {alerts.map((a) => (
        <Box
          key={a.alert_reference}
          data-testid="batch-alert"
          ps="xs"
          style={{ borderInlineStart: '3px solid var(--mantine-color-red-9)' }}
        >
          <Text size="sm" fw={600}>
            {t('alerts.notices.title', { reference: a.alert_reference })}
          </Text>
          <Text size="sm">
            {t('screening.batch.requestedAction', {
              action: t(`alerts.requestedActions.${a.requested_action}`, { defaultValue: a.requested_action }),
            })}
          </Text>
          {a.handling_instructions && (
            <Text size="sm" dir="auto" translate="no" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {a.handling_instructions}
            </Text>
          )}
          <Text size="sm">{t('alerts.notices.contact', { name: a.contact.name, unit: a.contact_unit.name })}</Text>
        </Box>
      ))}
    </Stack>
  );
}

const COLUMNS = 7;

/** One line of the list, and on demand why its records may be the one listed. */
function LineRows({ line, expanded, onToggle }: { line: BatchLine; expanded: boolean; onToggle: () => void }) {
  const { t, i18n } = useTranslation();
  const best = line.candidates[0];
  const panelId = `batch-why-${line.line}`;
  const labelId = `batch-label-${line.line}`;
  return (
    <>
      <Table.Tr data-testid="batch-line" data-outcome={line.outcome} data-line={line.line}>
        <Table.Td ff="monospace" data-testid="batch-line-number">
          <Bidi ltr>{line.line}</Bidi>
        </Table.Td>
        <Table.Td ff="monospace">{line.reference ? <Data>{line.reference}</Data> : '—'}</Table.Td>
        <Table.Td id={labelId}>
          <Data>{line.label}</Data>
        </Table.Td>
        <Table.Td>
          <OutcomeBadge outcome={line.outcome} />
        </Table.Td>
        <Table.Td>
          <LineAlerts alerts={line.alerts} />
        </Table.Td>
        <Table.Td data-testid="batch-best">
          {best ? (
            <Group gap={6} wrap="nowrap" align="baseline">
              <Anchor component={Link} to={candidatePath(best)} size="sm">
                <Data>{best.label}</Data>
              </Anchor>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid="batch-score">
                <Bidi ltr>{formatScore(best.score, i18n.language)}</Bidi>
              </Text>
            </Group>
          ) : (
            '—'
          )}
        </Table.Td>
        <Table.Td>
          {best && (
            <Button
              variant="subtle"
              size="xs"
              onClick={onToggle}
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
          )}
        </Table.Td>
      </Table.Tr>
      {expanded && best && (
        <Table.Tr>
          <Table.Td colSpan={COLUMNS} bg="var(--mantine-color-gray-0)">
            <Stack gap="sm" id={panelId} data-testid="batch-why">
              {line.candidates.map((c, i) => (
                <Stack key={`${c.kind}-${c.id}`} gap={0} data-testid="batch-candidate">
                  <Group gap="xs" wrap="wrap">
                    <BandBadge band={c.band} />
                    <Text size="sm" fw={600}>
                      {/* the best record is linked from the line already */}
                      {i === 0 ? (
                        <Data>{c.label}</Data>
                      ) : (
                        <Anchor component={Link} to={candidatePath(c)} size="sm" fw={600}>
                          <Data>{c.label}</Data>
                        </Anchor>
                      )}
                    </Text>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      <Bidi ltr>{formatScore(c.score, i18n.language)}</Bidi>
                    </Text>
                  </Group>
                  <Explanation candidate={c} id={`${panelId}-${i}`} />
                </Stack>
              ))}
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

/**
 * A screened list: how many lines hit, are to review or are clear; then the lines to look at,
 * hits first (as the server orders them), each with the alerts it hits, its best record and,
 * on demand, why; the clear lines behind a toggle.
 */
export function BatchResults({ result }: { result: BatchResult }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [showClear, setShowClear] = useState(false);
  const toggle = (line: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(line)) next.delete(line);
      else next.add(line);
      return next;
    });
  const { flagged, clear } = splitLines(result.lines);
  const shown = showClear ? [...flagged, ...clear] : flagged;
  const lang = i18n.language;
  return (
    <Stack gap="sm">
      <Group gap="sm" align="center" wrap="wrap">
        <Text size="sm" fw={600}>
          {t('screening.batch.screened', { count: result.counts.lines })}
        </Text>
        <Counts counts={result.counts} />
      </Group>
      {flagged.length === 0 && (
        <Text size="sm" data-testid="batch-all-clear">
          {t('screening.batch.allClear')}
        </Text>
      )}
      {shown.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table data-testid="batch-results" aria-label={t('screening.batch.results.label')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('screening.batch.results.line')}</Table.Th>
                <Table.Th scope="col">{t('screening.batch.results.reference')}</Table.Th>
                <Table.Th scope="col">{t('screening.batch.results.details')}</Table.Th>
                <Table.Th scope="col">{t('screening.batch.results.outcome')}</Table.Th>
                <Table.Th scope="col">{t('screening.batch.results.alerts')}</Table.Th>
                <Table.Th scope="col">{t('screening.batch.results.best')}</Table.Th>
                <Table.Th scope="col">{t('screening.results.explanation')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((line) => (
                <LineRows key={line.line} line={line} expanded={open.has(line.line)} onToggle={() => toggle(line.line)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {clear.length > 0 && (
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => setShowClear((v) => !v)}
            aria-expanded={showClear}
            data-testid="batch-toggle-clear"
            rightSection={
              <IconChevronDown
                size={14}
                aria-hidden
                style={{ transform: showClear ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }}
              />
            }
          >
            {showClear ? t('screening.batch.hideClear') : t('screening.batch.showClear', { count: clear.length })}
          </Button>
        </Group>
      )}
      <Text size="sm" data-testid="batch-thresholds">
        {t('screening.thresholds', { hit: formatThreshold(result.thresholds.hit, lang), review: formatThreshold(result.thresholds.review, lang) })}
      </Text>
    </Stack>
  );
}
