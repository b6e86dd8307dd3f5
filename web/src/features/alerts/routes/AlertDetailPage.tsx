import { Anchor, Breadcrumbs, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import { Bidi, Data } from '@/components/Bidi';
import { ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { useAlert } from '../api/alerts';
import { HIT_STATUSES, recordPath, type Alert, type HitStatus } from '../api/types';
import { AlertActions } from '../components/AlertActions';
import { AlertStatusBadge, RiskBadge } from '../components/badges';
import { HitsTable } from '../components/HitsTable';
import { Field, Section } from '../components/parts';
import { alertAbilities } from '../lib/abilities';
import { hitStatusFromParams } from '../lib/filters';
import { formatDay } from '../lib/format';

/** The subject: a register record (a link to it), or a bare identifier with its kind. */
function Subject({ a }: { a: Alert }) {
  const { t } = useTranslation();
  const recordId = a.person_id ?? a.company_id ?? a.conveyance_id;
  const kind = a.subject_kind;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Field label={t('alerts.fields.subject_kind')}>{t(`alerts.subjectKinds.${kind}`)}</Field>
      {kind === 'identifier' ? (
        <>
          <Field label={t('alerts.fields.identifier_kind')}>
            {a.identifier_kind ? t(`alerts.identifierKinds.${a.identifier_kind}`, { defaultValue: a.identifier_kind }) : ''}
          </Field>
          <Field label={t('alerts.fields.identifier')} testId="alert-subject">
            <Data ltr>{a.identifier ?? a.subject_label}</Data>
          </Field>
        </>
      ) : (
        <Field label={t('alerts.fields.subject')} testId="alert-subject">
          {recordId ? (
            <Anchor component={Link} to={recordPath(kind, recordId)}>
              <Data>{a.subject_label}</Data>
            </Anchor>
          ) : (
            <Data>{a.subject_label}</Data>
          )}
        </Field>
      )}
    </SimpleGrid>
  );
}

/** Who did it, and when ("Claire Martin, 3 Mar 2026, 10:12:00"), or a dash. */
function ByOn({ name, at }: { name?: string | null; at?: string | null }) {
  const { t, i18n } = useTranslation();
  if (!name && !at) return '—';
  return <>{t('alerts.detail.byOn', { name: name ?? '—', when: formatDateTime(at, i18n.language) })}</>;
}

/**
 * `/alerts/:id`: an alert of the user's unit in full — subject, requested action and handling
 * instructions, the reason (the unit's intelligence), status and validity with who activated
 * or withdrew it — its workflow actions, and its hits by status.
 */
export function AlertDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data: me } = useMe();
  const query = useAlert(id);
  const [params, setParams] = useSearchParams();
  const hitStatus = hitStatusFromParams(params);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const a = query.data;
  const abilities = alertAbilities(me, a);

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/alerts">
          {t('alerts.title')}
        </Anchor>
        <Text>
          <Data>{a.reference}</Data>
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm" wrap="wrap">
            <Title order={1} size="h2" data-testid="alert-reference">
              <Data>{a.reference}</Data>
            </Title>
            <AlertStatusBadge status={a.status} size="lg" />
            <RiskBadge level={a.risk_level} size="lg" />
          </Group>
          <Text size="sm" c="dimmed">
            {t('alerts.detail.header', { name: a.created_by.name, when: formatDateTime(a.created_at, lang), unit: a.unit.name })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('alerts.detail.updated', { when: formatDateTime(a.updated_at, lang), version: a.version })}
          </Text>
        </Stack>
        <AlertActions key={a.version} alert={a} abilities={abilities} onReload={() => void query.refetch()} />
      </Group>

      <Section title={t('alerts.detail.subject')} testId="alert-subject-section">
        <Subject a={a} />
      </Section>

      <Section title={t('alerts.detail.handling')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Field label={t('alerts.fields.requested_action')} testId="alert-requested-action">
            {t(`alerts.requestedActions.${a.requested_action}`)}
          </Field>
          <Field label={t('alerts.fields.risk_level')}>{t(`alerts.riskLevels.${a.risk_level}`)}</Field>
        </SimpleGrid>
        <Stack mt="sm">
          <Field label={t('alerts.fields.handling_instructions')} free>
            {a.handling_instructions}
          </Field>
        </Stack>
      </Section>

      <Section title={t('alerts.detail.intelligence')} description={t('alerts.detail.intelligenceHelp')} testId="alert-intelligence">
        <Field label={t('alerts.fields.reason')} free testId="alert-reason">
          {a.reason}
        </Field>
      </Section>

      <Section title={t('alerts.detail.lifecycle')} testId="alert-lifecycle">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <Field label={t('alerts.fields.validity')} testId="alert-validity">
            <Bidi>{t('alerts.detail.validity', { from: formatDay(a.valid_from, lang), until: formatDay(a.valid_until, lang) })}</Bidi>
          </Field>
          <Field label={t('alerts.fields.owner')}>
            <Data>{a.owner.name}</Data>
          </Field>
          <Field label={t('alerts.fields.unit')}>
            <Data>{a.unit.name}</Data>
          </Field>
          <Field label={t('alerts.fields.created')}>
            <ByOn name={a.created_by.name} at={a.created_at} />
          </Field>
          <Field label={t('alerts.fields.activated')} testId="alert-activated">
            {a.activated_by || a.activated_at ? <ByOn name={a.activated_by?.name} at={a.activated_at} /> : null}
          </Field>
          {(a.status === 'withdrawn' || a.closed_by) && (
            <Field label={t('alerts.fields.withdrawn')} testId="alert-withdrawn">
              <ByOn name={a.closed_by?.name} at={a.closed_at} />
            </Field>
          )}
        </SimpleGrid>
        {a.closing_reason && (
          <Stack mt="sm">
            <Field label={t('alerts.fields.closing_reason')} free testId="alert-closing-reason">
              {a.closing_reason}
            </Field>
          </Stack>
        )}
      </Section>

      <Section title={t('alerts.detail.hits')} testId="alert-hits">
        <Stack gap="sm">
          <Text size="sm" c="dimmed" data-testid="alert-hit-counts">
            {t('alerts.detail.hitCounts', { new: a.hits.new, confirmed: a.hits.confirmed, dismissed: a.hits.dismissed })}
          </Text>
          <SegmentedControl
            aria-label={t('alerts.hits.statusLabel')}
            style={{ alignSelf: 'flex-start' }}
            value={hitStatus}
            onChange={(s) => setParams(s === 'new' ? {} : { status: s }, { replace: true })}
            data={HIT_STATUSES.map((s: HitStatus) => ({ value: s, label: t(`alerts.hits.statuses.${s}`) }))}
          />
          <HitsTable status={hitStatus} alertId={a.id} label={t('alerts.detail.hitsLabel')} />
        </Stack>
      </Section>
    </Stack>
  );
}
