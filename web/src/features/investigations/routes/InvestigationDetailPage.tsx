import { Anchor, Breadcrumbs, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/i18n/investigations';
import { useMe } from '@/api/queries/me';
import { Data } from '@/components/Bidi';
import { ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { useInvestigation } from '../api/investigations';
import { InvestigationStatusBadge, OverdueBadge, PriorityBadge } from '../components/badges';
import { CommunicationsTab } from '../components/CommunicationsTab';
import { JournalTab } from '../components/JournalTab';
import { LinksTab } from '../components/LinksTab';
import { OverviewTab } from '../components/OverviewTab';
import { Field } from '../components/parts';
import { ReportActions } from '../components/ReportActions';
import { TasksTab } from '../components/TasksTab';
import { TimelineTab } from '../components/TimelineTab';
import { TransitionActions } from '../components/TransitionActions';
import { investigationAbilities } from '../lib/abilities';
import { formatDay } from '../lib/format';

const TABS = ['overview', 'links', 'tasks', 'journal', 'communications', 'timeline'] as const;
type Tab = (typeof TABS)[number];

/**
 * `/investigations/:id`: an investigation the user is entitled to — its reference, status,
 * priority, outcome once closed, lead, unit and due date; the moves the user may make now; the
 * case report (PDF or print view, for everyone who sees the page); and its overview (team,
 * counts), links, tasks, journal, communications (threads and requests for information) and
 * timeline as tabs (`?tab=` in the address).
 */
export function InvestigationDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('investigations');
  const lang = i18n.language;
  const { data: me } = useMe();
  const query = useInvestigation(id);
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(asked ?? '') ? (asked as Tab) : 'overview';

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const inv = query.data;
  const abilities = investigationAbilities(me, inv);
  // a tab's own filters (task view, timeline kinds) stay with it
  const setTab = (v: string | null) => setParams(v && v !== 'overview' ? { tab: v } : {}, { replace: true });

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/investigations">
          {t('title')}
        </Anchor>
        <Text>
          <Data>{inv.reference}</Data>
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="sm" wrap="wrap">
            <Title order={1} size="h2" data-testid="investigation-reference">
              <Data>{inv.reference}</Data>
            </Title>
            <InvestigationStatusBadge status={inv.status} size="lg" />
            <PriorityBadge priority={inv.priority} size="lg" />
            {inv.overdue && <OverdueBadge size="lg" />}
          </Group>
          <Text fw={600} size="lg" data-testid="investigation-title" style={{ overflowWrap: 'anywhere' }}>
            <Data>{inv.title}</Data>
          </Text>
          <Group gap="xl" wrap="wrap" data-testid="investigation-header">
            <Field label={t('fields.lead_id')} testId="investigation-lead">
              {inv.lead ? <Data>{inv.lead.name}</Data> : t('noLead')}
            </Field>
            <Field label={t('fields.unit')}>
              <Data>{inv.unit.name}</Data>
            </Field>
            <Field label={t('fields.due_date')} testId="investigation-due">
              {inv.due_date ? (
                <Text span size="sm" c={inv.overdue ? 'red.9' : undefined} fw={inv.overdue ? 700 : undefined}>
                  {formatDay(inv.due_date, lang)}
                </Text>
              ) : null}
            </Field>
            <Field label={t('fields.standing')} testId="investigation-standing">
              {t(`standings.${inv.standing}`)}
            </Field>
            {inv.status === 'closed' && inv.outcome && (
              <Field label={t('fields.outcome')} testId="investigation-outcome">
                {t(`outcomes.${inv.outcome}`)}
              </Field>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('detail.updated', { when: formatDateTime(inv.updated_at, lang), version: inv.version })}
          </Text>
        </Stack>
        <Stack gap="sm" align="flex-end">
          <TransitionActions inv={inv} onReload={() => void query.refetch()} />
          <ReportActions inv={inv} />
        </Stack>
      </Group>

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List aria-label={t('tabs.label')}>
          <Tabs.Tab value="overview" data-testid="tab-overview">
            {t('tabs.overview')}
          </Tabs.Tab>
          <Tabs.Tab value="links" data-testid="tab-links">
            {t('tabs.links')} ({inv.counts.links})
          </Tabs.Tab>
          <Tabs.Tab value="tasks" data-testid="tab-tasks">
            {t('tabs.tasks')} ({inv.counts.open_tasks})
          </Tabs.Tab>
          <Tabs.Tab value="journal" data-testid="tab-journal">
            {t('tabs.journal')} ({inv.counts.journal_entries})
          </Tabs.Tab>
          <Tabs.Tab value="communications" data-testid="tab-communications">
            {t('tabs.communications')}
          </Tabs.Tab>
          <Tabs.Tab value="timeline" data-testid="tab-timeline">
            {t('tabs.timeline')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <OverviewTab inv={inv} abilities={abilities} />
        </Tabs.Panel>
        <Tabs.Panel value="links" pt="md">
          <LinksTab inv={inv} abilities={abilities} />
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="md">
          <TasksTab inv={inv} abilities={abilities} meId={me?.id} />
        </Tabs.Panel>
        <Tabs.Panel value="journal" pt="md">
          <JournalTab inv={inv} canWrite={abilities.writeJournal} />
        </Tabs.Panel>
        <Tabs.Panel value="communications" pt="md">
          <CommunicationsTab inv={inv} abilities={abilities} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <TimelineTab inv={inv} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
