import { Button, SimpleGrid, Stack } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/i18n/investigations';
import { useCodeBook } from '@/api/queries/codelists';
import { Data } from '@/components/Bidi';
import { formatDateTime } from '@/lib/format';
import type { Investigation } from '../api/types';
import { OFFENCE_LIST } from '../api/types';
import type { InvestigationAbilities } from '../lib/abilities';
import { formatDay } from '../lib/format';
import { Field, Section } from './parts';
import { TeamSection } from './TeamSection';

/** What the investigation is about, its team and what it holds. */
export function OverviewTab({ inv, abilities }: { inv: Investigation; abilities: InvestigationAbilities }) {
  const { t, i18n } = useTranslation('investigations');
  const lang = i18n.language;
  const offences = useCodeBook(OFFENCE_LIST);
  return (
    <Stack>
      <Section
        title={t('overview.about')}
        testId="investigation-about"
        actions={
          abilities.edit && (
            <Button component={Link} to={`/investigations/${inv.id}/edit`} size="xs" variant="default" leftSection={<IconEdit size={16} aria-hidden />} data-testid="investigation-edit">
              {t('actions.edit')}
            </Button>
          )
        }
      >
        <Stack gap="sm">
          <Field label={t('fields.summary')} free testId="investigation-summary">
            {inv.summary}
          </Field>
          <Field label={t('fields.legal_basis')} free testId="investigation-legal-basis">
            {inv.legal_basis}
          </Field>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <Field label={t('fields.offence_types')} testId="investigation-offences">
              {inv.offence_types.map((o) => offences.label(o)).join(t('listSeparator'))}
            </Field>
            <Field label={t('fields.opened_on')}>{formatDay(inv.opened_on, lang)}</Field>
            <Field label={t('fields.created_by')}>
              <Data>{inv.created_by.name}</Data>
            </Field>
            {inv.status === 'suspended' && inv.suspended_from && <Field label={t('fields.suspended_from')}>{t(`statuses.${inv.suspended_from}`)}</Field>}
            {inv.closed_at && <Field label={t('fields.closed_at')}>{formatDateTime(inv.closed_at, lang)}</Field>}
          </SimpleGrid>
        </Stack>
      </Section>
      <TeamSection inv={inv} manage={abilities.manageTeam} />
      <Section title={t('counts.title')} testId="investigation-counts">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Field label={t('counts.links')} testId="count-links">
            {String(inv.counts.links)}
          </Field>
          <Field label={t('counts.openTasks')} testId="count-open-tasks">
            {String(inv.counts.open_tasks)}
          </Field>
          <Field label={t('counts.overdueTasks')} testId="count-overdue-tasks">
            {String(inv.counts.overdue_tasks)}
          </Field>
          <Field label={t('counts.journalEntries')} testId="count-journal">
            {String(inv.counts.journal_entries)}
          </Field>
        </SimpleGrid>
      </Section>
    </Stack>
  );
}
