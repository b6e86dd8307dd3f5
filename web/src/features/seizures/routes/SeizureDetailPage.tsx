import type { ReactNode } from 'react';
import { Anchor, Badge, Breadcrumbs, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import { useCodeBook } from '@/api/queries/codelists';
import { useUnitNames } from '@/api/queries/units';
import { Bidi, Data } from '@/components/Bidi';
import { AlertNoticesSlot } from '@/components/AlertNoticesSlot';
import { CaseStatusBadge } from '@/components/CaseStatusBadge';
import { ExchangePreviewButton } from '@/components/ExchangePreviewButton';
import { LinkAnalysisButton } from '@/components/LinkAnalysisButton';
import { OpenInvestigationButton } from '@/components/OpenInvestigationButton';
import { ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { useCase } from '../api/seizures';
import { AttachmentGallery } from '../components/AttachmentGallery';
import { CaseActions } from '../components/CaseActions';
import { CaseMessages } from '../components/CaseMessages';
import { GoodsTable } from '../components/GoodsTable';
import { HistoryList } from '../components/HistoryList';
import { LinkedRecords } from '../components/LinkedRecords';
import { ReopenedNote } from '../components/ReopenedNote';
import { RoutePath } from '../components/RoutePath';
import { UploadPanel } from '../components/UploadPanel';
import { caseAbilities } from '../lib/permissions';

/**
 * A labelled value, isolated (in Arabic, "Quay 4 · FRLEH" keeps its order); `free` text typed by
 * an officer (a narrative) takes its direction from its first letter, as a paragraph of its own.
 */
function Field({ label, children, testId, free, ltr }: { label: string; children: ReactNode; testId?: string; free?: boolean; ltr?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" data-testid={testId} dir={free && children ? 'auto' : undefined} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {!children ? '—' : free ? children : <Bidi ltr={ltr}>{children}</Bidi>}
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

export function SeizureDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const query = useCase(id);
  const unitName = useUnitNames();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'case';
  const locationTypes = useCodeBook('location_types');
  const countries = useCodeBook('countries');
  const directions = useCodeBook('directions');
  const detection = useCodeBook('detection_methods');
  const concealment = useCodeBook('concealment_methods');

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  const abilities = caseAbilities(me, c);

  return (
    <Stack>
      <AlertNoticesSlot caseId={c.id} />
      <Breadcrumbs>
        <Anchor component={Link} to="/seizures">
          {t('seizures.title')}
        </Anchor>
        <Text>
          <Data>{c.reference}</Data>
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm" wrap="wrap">
            <Title order={1} size="h2" data-testid="case-reference">
              <Data>{c.reference}</Data>
            </Title>
            <CaseStatusBadge status={c.status} size="lg" />
            <Badge variant="outline" color="gray" size="lg" tt="none">
              {t(`seizures.kinds.${c.kind}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('seizures.header', {
              unit: unitName(c.reporting_unit_id, c.reporting_unit_name) ?? '—',
              officer: c.reporting_officer_name ?? '—',
              when: formatDateTime(c.detected_at, i18n.language),
            })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('seizures.updated', { when: formatDateTime(c.updated_at, i18n.language), version: c.version })}
          </Text>
        </Stack>
        <Group gap="xs" align="flex-start">
          {c.status !== 'draft' && <OpenInvestigationButton caseId={c.id} />}
          <LinkAnalysisButton node={`case:${c.id}`} />
          <ExchangePreviewButton caseId={c.id} status={c.status} />
          <CaseActions c={c} abilities={abilities} onReload={() => void query.refetch()} />
        </Group>
      </Group>
      {c.reopened && <ReopenedNote note={c.reopened} />}

      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'case' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="case">{t('seizures.tabs.case')}</Tabs.Tab>
          <Tabs.Tab value="attachments">
            {t('seizures.tabs.attachments')} ({c.attachments.length})
          </Tabs.Tab>
          <Tabs.Tab value="history">{t('seizures.tabs.history')}</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="case" pt="md">
          <Stack>
            <Section title={t('seizures.sections.when')}>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
                <Field label={t('seizures.fields.detected_at')}>{formatDateTime(c.detected_at, i18n.language)}</Field>
                <Field label={t('seizures.fields.place')}>{[c.place, c.unlocode].filter(Boolean).join(' · ')}</Field>
                <Field label={t('seizures.fields.location_type')}>{c.location_type ? locationTypes.label(c.location_type) : ''}</Field>
                <Field label={t('seizures.fields.country')}>{c.country ? countries.label(c.country) : ''}</Field>
                <Field label={t('seizures.fields.direction')}>{c.direction ? directions.label(c.direction) : ''}</Field>
                <Field label={t('seizures.fields.customs_procedure')}>{c.customs_procedure}</Field>
                <Field label={t('seizures.fields.declaration_reference')}>{c.declaration_reference}</Field>
                <Field label={t('seizures.fields.coordinates')} ltr>
                  {c.latitude != null && c.longitude != null ? `${c.latitude}, ${c.longitude}` : ''}
                </Field>
                <Field label={t('seizures.fields.detection_methods')}>{c.detection_methods.map((d) => detection.label(d)).join(t('common.listSeparator'))}</Field>
              </SimpleGrid>
            </Section>
            {c.kind === 'seizure' && (
              <Section title={t('seizures.goods.title')}>
                <GoodsTable goods={c.goods} />
              </Section>
            )}
            <Section title={t('seizures.route.title')}>
              <RoutePath legs={c.route} />
            </Section>
            <Section title={t('seizures.sections.concealment')} testId="concealment">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Field label={t('seizures.fields.concealment_method')}>{c.concealment_method ? concealment.label(c.concealment_method) : ''}</Field>
                <Field label={t('seizures.fields.concealment_description')} free>
                  {c.concealment_description}
                </Field>
              </SimpleGrid>
            </Section>
            <Section title={t('seizures.sections.links')}>
              <LinkedRecords c={c} />
            </Section>
            <Section title={t('seizures.sections.narrative')}>
              <Stack gap="sm">
                <Field label={t('seizures.fields.narrative')} free>
                  {c.narrative}
                </Field>
                <Field label={t('seizures.fields.summary_non_nominal')} free>
                  {c.summary_non_nominal}
                </Field>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  <Field label={t('seizures.fields.offender_nationality')}>{c.offender_nationality ? countries.label(c.offender_nationality) : ''}</Field>
                  <Field label={t('seizures.fields.offender_gender')}>{c.offender_gender ? t(`seizures.genders.${c.offender_gender}`) : ''}</Field>
                  <Field label={t('seizures.fields.offender_age_band')}>{c.offender_age_band ? t(`seizures.ageBands.${c.offender_age_band}`) : ''}</Field>
                </SimpleGrid>
              </Stack>
            </Section>
            <Section title={t('seizures.messages.title')} testId="case-messages">
              <CaseMessages caseId={c.id} />
            </Section>
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="attachments" pt="md">
          <Stack>
            {abilities.edit && (
              <Section title={t('seizures.attachments.add')}>
                <UploadPanel caseId={c.id} />
              </Section>
            )}
            <AttachmentGallery attachments={c.attachments} />
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="history" pt="md">
          <HistoryList c={c} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
