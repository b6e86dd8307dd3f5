import { useState } from 'react';
import { Anchor, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconListCheck, IconPlus } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/i18n/investigations';
import { Data } from '@/components/Bidi';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { useTasks } from '../api/investigations';
import type { Investigation, Task } from '../api/types';
import { TASK_STATUSES } from '../api/types';
import { taskAbilities, type InvestigationAbilities } from '../lib/abilities';
import { formatDay } from '../lib/format';
import { checklistProgress, groupTasks, sortTaskList } from '../lib/tasks';
import { OverdueBadge, TaskStatusBadge } from './badges';
import { Section } from './parts';
import { AddTaskDialog, TaskDialog, TemplateTasksDialog } from './TaskDialogs';

type View = 'board' | 'list';

/** The due date, red and marked when the task is overdue. */
function Due({ task }: { task: Task }) {
  const { t, i18n } = useTranslation('investigations');
  if (!task.due_date) return <Text span size="sm" c="dimmed">{t('tasks.noDue')}</Text>;
  return (
    <Group gap={6} wrap="nowrap" data-testid="task-due" data-overdue={task.overdue}>
      <Text span size="sm" c={task.overdue ? 'red.9' : undefined} fw={task.overdue ? 700 : undefined}>
        {formatDay(task.due_date, i18n.language)}
      </Text>
      {task.overdue && <OverdueBadge size="xs" />}
    </Group>
  );
}

function Progress({ task }: { task: Task }) {
  const { t } = useTranslation('investigations');
  const p = checklistProgress(task.checklist);
  if (p.total === 0) return null;
  return (
    <Text span size="xs" c="dimmed" data-testid="task-progress">
      {t('tasks.progress', { done: p.done, total: p.total })}
    </Text>
  );
}

function TaskCard({ task, onOpen }: { task: Task; onOpen: () => void }) {
  const { t } = useTranslation('investigations');
  return (
    <Paper withBorder p="sm" data-testid="task-card" data-task={task.id} data-status={task.status} data-overdue={task.overdue}>
      <Stack gap={4}>
        <Anchor component="button" type="button" onClick={onOpen} fw={600} size="sm" ta="start" style={{ overflowWrap: 'anywhere' }} data-testid="task-open">
          <Data>{task.title}</Data>
        </Anchor>
        <Text size="xs">
          {task.assignee ? (
            <>
              {t('taskFields.assignee_id')}
              {t('labelSeparator')}
              <Data>{task.assignee.name}</Data>
            </>
          ) : (
            <Text span size="xs" c="dimmed">
              {t('tasks.unassigned')}
            </Text>
          )}
        </Text>
        <Group justify="space-between" gap="xs">
          <Due task={task} />
          <Progress task={task} />
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * The tasks, as a board (a column per status) or a list; the lead and supervisors add them, one
 * by one or those an offence type usually needs. Each opens a dialog to move it, tick its
 * checklist, reassign it or change its due date, as the caller may.
 */
export function TasksTab({ inv, abilities, meId }: { inv: Investigation; abilities: InvestigationAbilities; meId: string | undefined }) {
  const { t } = useTranslation('investigations');
  const tasks = useTasks(inv.id);
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'list' ? 'list' : 'board';
  const [openId, setOpenId] = useState<string | null>(null);
  const [adding, setAdding] = useState<'task' | 'templates' | null>(null);
  const items = tasks.data ?? [];
  const board = groupTasks(items);
  const opened = openId ? items.find((x) => x.id === openId) : undefined;
  const setView = (v: string) => {
    const next = new URLSearchParams(params);
    if (v === 'list') next.set('view', 'list');
    else next.delete('view');
    setParams(next, { replace: true });
  };
  const modeOf = (task: Task) => {
    const a = taskAbilities(meId, inv, task);
    return a.all ? 'all' : a.any ? 'own' : 'read';
  };

  return (
    <Section
      title={t('tasks.title')}
      testId="investigation-tasks"
      actions={
        <>
          <SegmentedControl
            size="xs"
            aria-label={t('tasks.view')}
            value={view}
            onChange={setView}
            data={[
              { value: 'board', label: t('tasks.board') },
              { value: 'list', label: t('tasks.list') },
            ]}
            data-testid="tasks-view"
          />
          {abilities.addTask && (
            <>
              <Button size="xs" variant="default" leftSection={<IconListCheck size={16} aria-hidden />} onClick={() => setAdding('templates')} data-testid="add-template-tasks">
                {t('tasks.fromTemplates')}
              </Button>
              <Button size="xs" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding('task')} data-testid="add-task">
                {t('tasks.add')}
              </Button>
            </>
          )}
        </>
      }
    >
      {tasks.isPending ? (
        <LoadingState />
      ) : tasks.isError ? (
        <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('tasks.empty')} />
      ) : view === 'board' ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" data-testid="task-board">
          {TASK_STATUSES.map((status) => [status, board[status]] as const).map(([status, column]) => (
            <Paper key={status} bg="var(--mantine-color-gray-0)" p="xs" withBorder component="section" aria-label={t(`taskStatuses.${status}`)} data-testid="task-column" data-status={status}>
              <Title order={3} size="h5" mb="xs">
                {t(`taskStatuses.${status}`)} ({column.length})
              </Title>
              <Stack gap="xs">
                {column.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('tasks.columnEmpty')}
                  </Text>
                ) : (
                  column.map((task) => <TaskCard key={task.id} task={task} onOpen={() => setOpenId(task.id)} />)
                )}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label={t('tasks.listLabel')} data-testid="task-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('taskFields.title')}</Table.Th>
                <Table.Th scope="col">{t('taskFields.status')}</Table.Th>
                <Table.Th scope="col">{t('taskFields.assignee_id')}</Table.Th>
                <Table.Th scope="col">{t('taskFields.due_date')}</Table.Th>
                <Table.Th scope="col">{t('taskFields.checklist')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sortTaskList(items).map((task) => (
                <Table.Tr key={task.id} data-testid="task-row" data-task={task.id} data-status={task.status}>
                  <Table.Td>
                    <Anchor component="button" type="button" onClick={() => setOpenId(task.id)} size="sm" ta="start" data-testid="task-open">
                      <Data>{task.title}</Data>
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <TaskStatusBadge status={task.status} />
                  </Table.Td>
                  <Table.Td>{task.assignee ? <Data>{task.assignee.name}</Data> : <Text span size="sm" c="dimmed">{t('tasks.unassigned')}</Text>}</Table.Td>
                  <Table.Td>
                    <Due task={task} />
                  </Table.Td>
                  <Table.Td>
                    <Progress task={task} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {opened && <TaskDialog key={`${opened.id}:${opened.version}`} inv={inv} task={opened} mode={modeOf(opened)} onClose={() => setOpenId(null)} onReload={() => void tasks.refetch()} />}
      {adding === 'task' && <AddTaskDialog inv={inv} onClose={() => setAdding(null)} />}
      {adding === 'templates' && <TemplateTasksDialog inv={inv} onClose={() => setAdding(null)} />}
    </Section>
  );
}
