import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/i18n/investigations';
import { Data } from '@/components/Bidi';
import { HomeBlock } from '@/components/HomeBlock';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { useMyInvestigations, useWork } from '../api/communications';
import type { WorkItem } from '../api/types';
import { formatDay } from '../lib/format';
import { InvestigationStatusBadge, OverdueBadge, TaskStatusBadge } from './badges';

/** How many rows a home block lists (the investigation pages have the rest). */
const HOME_ROWS = 10;

/** A due date, red and marked when past. */
function Due({ day, overdue, testId }: { day: string | null | undefined; overdue: boolean; testId?: string }) {
  const { t, i18n } = useTranslation('investigations');
  if (!day)
    return (
      <Group gap={6} wrap="nowrap" data-testid={testId} data-overdue={overdue}>
        <Text span size="sm" c="dimmed">
          {t('tasks.noDue')}
        </Text>
        {overdue && <OverdueBadge size="xs" />}
      </Group>
    );
  return (
    <Group gap={6} wrap="nowrap" data-testid={testId} data-overdue={overdue}>
      <Text span size="sm" c={overdue ? 'red.9' : undefined} fw={overdue ? 700 : undefined}>
        {formatDay(day, i18n.language)}
      </Text>
      {overdue && <OverdueBadge size="xs" />}
    </Group>
  );
}

/** The investigation a task belongs to: its reference (a link to its tasks) and title. */
function InvestigationCell({ item }: { item: WorkItem }) {
  return (
    <Stack gap={0}>
      <Anchor component={Link} to={`/investigations/${item.investigation_id}?tab=tasks`} ff="monospace" size="sm">
        <Data>{item.reference}</Data>
      </Anchor>
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        <Data>{item.investigation_title}</Data>
      </Text>
    </Stack>
  );
}

function WorkRows({ scope, overdue, empty, label, testId }: { scope: 'mine' | 'unit'; overdue?: boolean; empty: string; label: string; testId: string }) {
  const { t } = useTranslation('investigations');
  const work = useWork({ scope, overdue: overdue || undefined, limit: HOME_ROWS });
  if (work.isPending) return <LoadingState />;
  if (work.isError) return <ErrorState error={work.error} onRetry={() => void work.refetch()} />;
  const rows = work.data.items;
  if (rows.length === 0) return <EmptyState title={empty} />;
  const unit = scope === 'unit';
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped aria-label={label} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('home.task')}</Table.Th>
            <Table.Th scope="col">{t('home.investigation')}</Table.Th>
            {unit && <Table.Th scope="col">{t('taskFields.assignee_id')}</Table.Th>}
            <Table.Th scope="col">{t('taskFields.due_date')}</Table.Th>
            <Table.Th scope="col">{t('taskFields.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} data-testid="work-row" data-task={r.id} data-overdue={r.overdue}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                <Text size="sm" fw={500}>
                  <Data>{r.title}</Data>
                </Text>
              </Table.Td>
              <Table.Td>
                <InvestigationCell item={r} />
              </Table.Td>
              {unit && <Table.Td>{r.assignee ? <Data>{r.assignee.name}</Data> : <Text span size="sm" c="dimmed">{t('tasks.unassigned')}</Text>}</Table.Td>}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Due day={r.due_date} overdue={r.overdue} testId="work-due" />
              </Table.Td>
              <Table.Td>
                <TaskStatusBadge status={r.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Whoever works on investigations: the open tasks assigned to them, soonest due first. */
export function MyTasksBlock() {
  const { t } = useTranslation('investigations');
  const title = t('home.tasks.title');
  return (
    <HomeBlock id="my-tasks" title={title} help={t('home.tasks.help')}>
      <WorkRows scope="mine" empty={t('home.tasks.empty')} label={title} testId="home-my-tasks-table" />
    </HomeBlock>
  );
}

/** Supervisors: the tasks past their due date on the investigations their unit supervises. */
export function UnitOverdueBlock() {
  const { t } = useTranslation('investigations');
  const title = t('home.unitOverdue.title');
  return (
    <HomeBlock
      id="unit-overdue"
      title={title}
      help={t('home.unitOverdue.help')}
      actions={
        <Anchor component={Link} to="/investigations?overdue=1" size="sm">
          {t('home.unitOverdue.all')}
        </Anchor>
      }
    >
      <WorkRows scope="unit" overdue empty={t('home.unitOverdue.empty')} label={title} testId="home-unit-overdue-table" />
    </HomeBlock>
  );
}

/** The open investigations the user leads or is on the team of, most recently active first. */
export function MyInvestigationsBlock({ meId }: { meId: string }) {
  const { t } = useTranslation('investigations');
  const title = t('home.investigations.title');
  const mine = useMyInvestigations(meId);
  const rows = (mine.data ?? []).slice(0, HOME_ROWS);
  return (
    <HomeBlock
      id="my-investigations"
      title={title}
      help={t('home.investigations.help')}
      actions={
        <>
          <Anchor component={Link} to="/investigations?mine=lead" size="sm">
            {t('filters.mineOptions.lead')}
          </Anchor>
          <Anchor component={Link} to="/investigations?mine=member" size="sm">
            {t('filters.mineOptions.member')}
          </Anchor>
        </>
      }
    >
      {mine.isPending ? (
        <LoadingState />
      ) : mine.isError ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('home.investigations.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-label={title} data-testid="home-my-investigations-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('list.reference')}</Table.Th>
                <Table.Th scope="col">{t('list.title')}</Table.Th>
                <Table.Th scope="col">{t('list.status')}</Table.Th>
                <Table.Th scope="col">{t('list.dueDate')}</Table.Th>
                <Table.Th scope="col">{t('list.openTasks')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id} data-testid="my-investigation-row" data-reference={r.reference}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component={Link} to={`/investigations/${r.id}`} ff="monospace" size="sm">
                      <Data>{r.reference}</Data>
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Data>{r.title}</Data>
                  </Table.Td>
                  <Table.Td>
                    <InvestigationStatusBadge status={r.status} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Due day={r.due_date} overdue={r.overdue} />
                  </Table.Td>
                  <Table.Td>{r.open_tasks}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </HomeBlock>
  );
}
