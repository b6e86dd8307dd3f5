import { Anchor, Breadcrumbs, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { OpenInvestigationButton } from '@/components/OpenInvestigationButton';
import { Data } from '@/components/Bidi';
import { ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { useHit } from '../api/alerts';
import { recordPath, type HitDetail } from '../api/types';
import { HitStatusBadge, RiskBadge } from '../components/badges';
import { HitComparison, HitExplanation } from '../components/HitComparison';
import { HitReview, ReviewedNote } from '../components/HitReview';
import { Field, Section } from '../components/parts';

/** The alert the hit is about, the record found and the cases that brought it, each a link. */
function Context({ hit }: { hit: HitDetail }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
      <Field label={t('alerts.hits.alert')}>
        <Anchor component={Link} to={`/alerts/${hit.alert.id}`} data-testid="hit-alert-link">
          <Data>{hit.alert.reference}</Data>
        </Anchor>
        <Text size="xs" c="dimmed" component="span" display="block">
          <Data>{hit.alert.subject_label}</Data>
        </Text>
      </Field>
      <Field label={t('alerts.fields.requested_action')}>{t(`alerts.requestedActions.${hit.alert.requested_action}`)}</Field>
      <Field label={t('alerts.hit.record')}>
        <Anchor component={Link} to={recordPath(hit.record_kind, hit.record_id)} data-testid="hit-record-link">
          <Data>{hit.record_label}</Data>
        </Anchor>
        <Text size="xs" c="dimmed" component="span" display="block">
          {t(`alerts.subjectKinds.${hit.record_kind}`)}
        </Text>
      </Field>
      <Field label={t('alerts.hit.cases')}>
        {hit.cases.length === 0 ? (
          <Text size="sm" c="dimmed" component="span">
            {t('alerts.hit.noCases')}
          </Text>
        ) : (
          <List size="sm" listStyleType="none" data-testid="hit-cases">
            {hit.cases.map((c) => (
              <List.Item key={c.id}>
                <Anchor component={Link} to={`/seizures/${c.id}`} ff="monospace">
                  <Data>{c.reference}</Data>
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
      </Field>
    </SimpleGrid>
  );
}

/**
 * `/alerts/hits/:id`: one hit of the user's unit — the alert's subject and the record found side
 * by side, the score and the engine's explanation, links to the record, the alert and the
 * cases — and, while it is new, Confirm or Dismiss.
 */
export function HitDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const query = useHit(id);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const hit = query.data;
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/alerts">
          {t('alerts.title')}
        </Anchor>
        <Anchor component={Link} to="/alerts/hits">
          {t('alerts.hits.title')}
        </Anchor>
        <Text>{t('alerts.hit.breadcrumb')}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm" wrap="wrap">
            <Title order={1} size="h2" data-testid="hit-title">
              {t('alerts.hit.title', { reference: hit.alert.reference })}
            </Title>
            <HitStatusBadge status={hit.status} size="lg" />
            <RiskBadge level={hit.alert.risk_level} size="lg" />
          </Group>
          <Text size="sm" c="dimmed">
            {t('alerts.hit.found', { when: formatDateTime(hit.created_at, i18n.language) })}
          </Text>
          <ReviewedNote hit={hit} />
        </Stack>
        <Group gap="xs" align="flex-start">
          {hit.status === 'confirmed' && <OpenInvestigationButton hitId={hit.id} alertId={hit.alert.id} />}
          <HitReview hit={hit} />
        </Group>
      </Group>

      <Section title={t('alerts.hit.context')} testId="hit-context">
        <Context hit={hit} />
      </Section>

      <Section title={t('alerts.hit.compare')} testId="hit-compare">
        <HitComparison hit={hit} />
      </Section>

      <Section title={t('alerts.hit.explanation')} testId="hit-why">
        <HitExplanation hit={hit} />
      </Section>
    </Stack>
  );
}
