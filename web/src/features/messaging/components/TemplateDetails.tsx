import type { ReactNode } from 'react';
import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title, useDirection } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCodeBook } from '@/api/queries/codelists';
import { Bidi, Data } from '@/components/Bidi';
import { formatDateTime, formatKg } from '@/lib/format';
import type { FeedbackOutcome, SeizureSummary, ThreadDetail, WarningDto, WatchType } from '../api/types';

export function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId} dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children || '—'}
      </Text>
    </Stack>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title} data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** An arrow pointing the way the text reads (right to left in Arabic). */
function useArrow(): string {
  const { dir } = useDirection();
  return dir === 'rtl' ? ' ← ' : ' → ';
}

const REGISTER_PATHS: Partial<Record<WatchType, string>> = { person: 'persons', company: 'companies', conveyance: 'conveyances' };

// outline colours dark enough for 4.5:1 on white
const OUTCOME_COLOR: Record<FeedbackOutcome, string> = {
  seized: 'red.9',
  controlled_nothing_found: '#1b6e31',
  not_arrived: 'gray.8',
  not_controlled: '#8a5a00',
};

export function OutcomeBadge({ outcome }: { outcome: FeedbackOutcome }) {
  const { t } = useTranslation();
  return (
    <Badge color={OUTCOME_COLOR[outcome]} variant="outline" tt="none" data-testid="feedback-outcome" data-outcome={outcome}>
      {t(`messaging.outcomes.${outcome}`)}
    </Badge>
  );
}

function WarningDetails({ warning, overdue }: { warning: WarningDto; overdue: boolean }) {
  const { t, i18n } = useTranslation();
  const countries = useCodeBook('countries');
  const arrow = useArrow();
  const { watch, route } = warning;
  const registerPath = watch.register_id ? REGISTER_PATHS[watch.type] : undefined;
  const path = route ? [route.origin, ...(route.transit ?? []), route.destination].filter((c): c is string => !!c) : [];
  return (
    <Section title={t('messaging.warning.title')} testId="warning-details">
      <Stack gap="md">
        {overdue && (
          <Alert color="red" variant="light" icon={<IconClockExclamation aria-hidden />} data-testid="warning-overdue">
            {t('messaging.warning.overdueAlert', { when: formatDateTime(warning.feedback_due, i18n.language) })}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <Field label={t('messaging.warning.watchType')}>{t(`messaging.watchTypes.${watch.type}`)}</Field>
          <Field label={t('messaging.warning.identifier')}>
            {watch.identifier && (
              <Text span ff="monospace" size="sm">
                <Data>{watch.identifier}</Data>
              </Text>
            )}
          </Field>
          <Field label={t('messaging.warning.registerRecord')}>
            {registerPath && (
              <Anchor component={Link} to={`/registers/${registerPath}/${watch.register_id}`} size="sm">
                {t('messaging.warning.openRecord')}
              </Anchor>
            )}
          </Field>
        </SimpleGrid>
        <Field label={t('messaging.warning.watch')} testId="warning-watch">
          {watch.description}
        </Field>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <Field label={t('messaging.warning.route')} testId="warning-route">
            {path.length > 0 && path.map((c) => countries.label(c)).join(arrow)}
          </Field>
          <Field label={t('messaging.warning.place')}>{route?.place}</Field>
          <Field label={t('messaging.warning.expectedArrival')}>
            {warning.expected_arrival && formatDateTime(warning.expected_arrival, i18n.language)}
          </Field>
        </SimpleGrid>
        <Field label={t('messaging.warning.riskIndicators')}>
          {warning.risk_indicators.length > 0 && (
            <Group gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {warning.risk_indicators.map((r) => (
                <Badge key={r} component="li" variant="outline" color="#a33b00" tt="none">
                  <Bidi>{r}</Bidi>
                </Badge>
              ))}
            </Group>
          )}
        </Field>
        <Field label={t('messaging.warning.actionRequested')} testId="warning-action">
          {warning.action_requested}
        </Field>
        <Field label={t('messaging.warning.feedbackDue')} testId="warning-due">
          <Group gap="xs" component="span">
            <time dateTime={warning.feedback_due}>{formatDateTime(warning.feedback_due, i18n.language)}</time>
            {overdue && (
              <Badge color="red" variant="outline" tt="none">
                {t('messaging.overdue')}
              </Badge>
            )}
          </Group>
        </Field>
      </Stack>
    </Section>
  );
}

function FeedbackDetails({ thread }: { thread: ThreadDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('messaging.feedback.title')} testId="feedback-details">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Field label={t('messaging.feedback.outcome')}>{thread.outcome && <OutcomeBadge outcome={thread.outcome} />}</Field>
        <Field label={t('messaging.feedback.warning')}>
          {thread.replies_to && (
            <Anchor component={Link} to={`/messages/${thread.replies_to}`} size="sm" data-testid="feedback-warning-link">
              {t('messaging.feedback.openWarning')}
            </Anchor>
          )}
        </Field>
        <Field label={t('messaging.feedback.seizedCase')}>
          {thread.case_id && (
            <Anchor component={Link} to={`/seizures/${thread.case_id}`} size="sm" data-testid="feedback-case-link">
              {t('messaging.openCase')}
            </Anchor>
          )}
        </Field>
      </SimpleGrid>
    </Section>
  );
}

function SeizureDetails({ seizure }: { seizure: SeizureSummary }) {
  const { t, i18n } = useTranslation();
  const countries = useCodeBook('countries');
  const locationTypes = useCodeBook('location_types');
  const directions = useCodeBook('directions');
  const detection = useCodeBook('detection_methods');
  const concealment = useCodeBook('concealment_methods');
  const groups = useCodeBook('commodity_groups');
  const types = useCodeBook('commodity_types');
  const units = useCodeBook('units_of_measure');
  const roles = useCodeBook('route_leg_roles');
  const arrow = useArrow();
  const number = (n: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 3 }).format(n);
  const legs = [...seizure.route].sort((a, b) => a.position - b.position);
  return (
    <Section title={t('messaging.seizure.title')} testId="seizure-summary">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <Field label={t('messaging.seizure.reference')}>
            <Anchor component={Link} to={`/seizures/${seizure.case_id}`} ff="monospace" size="sm" data-testid="seizure-reference">
              <Data>{seizure.reference}</Data>
            </Anchor>
          </Field>
          <Field label={t('messaging.seizure.detectedAt')}>{formatDateTime(seizure.detected_at, i18n.language)}</Field>
          <Field label={t('messaging.seizure.unlocode')}>{seizure.unlocode}</Field>
          <Field label={t('messaging.seizure.country')}>{seizure.country ? countries.label(seizure.country) : ''}</Field>
          <Field label={t('messaging.seizure.locationType')}>{seizure.location_type ? locationTypes.label(seizure.location_type) : ''}</Field>
          <Field label={t('messaging.seizure.direction')}>{seizure.direction ? directions.label(seizure.direction) : ''}</Field>
          <Field label={t('messaging.seizure.detectionMethods')}>{seizure.detection_methods.map((d) => detection.label(d)).join(t('common.listSeparator'))}</Field>
          <Field label={t('messaging.seizure.concealment')}>{seizure.concealment_method ? concealment.label(seizure.concealment_method) : ''}</Field>
        </SimpleGrid>
        <Field label={t('messaging.seizure.summary')}>{seizure.summary_non_nominal}</Field>
        {seizure.goods.length > 0 && (
          <Table.ScrollContainer minWidth={480}>
            <Table striped aria-label={t('messaging.seizure.goods')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('messaging.seizure.commodity')}</Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'end' }}>
                    {t('messaging.seizure.quantity')}
                  </Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'end' }}>
                    {t('messaging.seizure.massKg')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {seizure.goods.map((g, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>
                      {groups.label(g.commodity_group)}
                      {g.commodity_type ? ` · ${types.label(g.commodity_type)}` : ''}
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
                      <Bidi>{number(g.quantity)}</Bidi> <Bidi>{units.label(g.unit)}</Bidi>
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
                      {g.mass_kg != null ? <Bidi>{formatKg(g.mass_kg, i18n.language)}</Bidi> : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {legs.length > 0 && (
          <Field label={t('messaging.seizure.route')}>
            {legs.map((l) => `${countries.label(l.country)} (${roles.label(l.role)})`).join(arrow)}
          </Field>
        )}
      </Stack>
    </Section>
  );
}

/** The template's structured fields, readably (warning, feedback, seizure); nothing for a general thread. */
export function TemplateDetails({ thread }: { thread: ThreadDetail }) {
  if (thread.kind === 'warning' && thread.warning) return <WarningDetails warning={thread.warning} overdue={thread.overdue} />;
  if (thread.kind === 'feedback') return <FeedbackDetails thread={thread} />;
  if (thread.kind === 'seizure' && thread.seizure) return <SeizureDetails seizure={thread.seizure} />;
  return null;
}
