import { useState } from 'react';
import { ActionIcon, Alert, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import '@/i18n/investigations';
import { isApiError } from '@/api/errors';
import { CodeSelect } from '@/components/CodeSelect';
import { FREE_TEXT } from '@/components/freeText';
import { isEmptyPatch } from '@/lib/patch';
import { useAddTask, useAddTemplateTasks, useUpdateTask } from '../api/investigations';
import type { Investigation, Task, TaskStatus } from '../api/types';
import { OFFENCE_LIST, TASK_STATUSES } from '../api/types';
import { isDay } from '../lib/format';
import { dialogErrors } from '../lib/problems';
import { assigneeOptions, checklistFromLines, taskPatch, taskToEdit, templateLang, type TaskEdit } from '../lib/tasks';
import { Problem } from './parts';

const MAX_TITLE = 200;
const MAX_DESCRIPTION = 5000;

/** Whether the field errors were all shown at fields (the general message is then not needed). */
const placedAt = (errors: Record<string, string>, fields: readonly string[]) => Object.keys(errors).some((k) => fields.some((f) => k === f || k.startsWith(`${f}.`)));

/**
 * A task opened from the board or the list: its status, checklist, assignee and due date. The
 * lead and supervisors change all of it; its assignee moves its status (not to cancelled) and
 * ticks its checklist; anyone else reads it. Sent as a merge patch with the task's version.
 */
export function TaskDialog({
  inv,
  task,
  mode,
  onClose,
  onReload,
}: {
  inv: Investigation;
  task: Task;
  /** `all` (the lead, a supervisor), `own` (its assignee), `read`. */
  mode: 'all' | 'own' | 'read';
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation('investigations');
  const update = useUpdateTask(inv.id);
  const [edit, setEdit] = useState<TaskEdit>(() => taskToEdit(task));
  const [newItem, setNewItem] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const readOnly = mode === 'read';
  const statuses = TASK_STATUSES.filter((s) => mode === 'all' || s !== 'cancelled' || task.status === 'cancelled');

  const save = () => {
    const invalid: Record<string, string> = {};
    if (edit.due_date && !isDay(edit.due_date)) invalid.due_date = t('validation.day');
    else if (edit.due_date && edit.due_date < inv.opened_on && edit.due_date !== (task.due_date ?? '')) invalid.due_date = t('validation.dueBeforeOpening');
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    const patch = taskPatch(task, edit);
    if (isEmptyPatch(patch)) return onClose();
    update.mutate(
      { task, patch },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('tasks.saved', { title: saved.title }) });
          onClose();
        },
        onError: (e) => setErrors(dialogErrors(t, e)),
      },
    );
  };
  const error = update.error;
  const placed = isApiError(error) && error.status === 422 && placedAt(errors, ['status', 'assignee_id', 'due_date', 'checklist']);

  return (
    <Modal opened onClose={onClose} title={t('tasks.dialogTitle', { title: task.title })} size="lg">
      <form
        noValidate
        data-testid="task-dialog"
        data-task={task.id}
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Stack>
          {task.description && (
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
              {task.description}
            </Text>
          )}
          {mode === 'own' && <Text size="sm" c="dimmed">{t('tasks.assigneeOnly')}</Text>}
          {readOnly && (
            <Alert color="gray" variant="light" data-testid="task-read-only">
              {t('tasks.readOnly')}
            </Alert>
          )}
          <Group grow align="flex-start">
            <Select
              label={t('taskFields.status')}
              data={statuses.map((s) => ({ value: s, label: t(`taskStatuses.${s}`) }))}
              value={edit.status}
              allowDeselect={false}
              disabled={readOnly}
              onChange={(s) => s && setEdit((v) => ({ ...v, status: s as TaskStatus }))}
              error={errors.status}
              comboboxProps={{ withinPortal: true }}
              data-testid="task-status"
            />
            <Select
              label={t('taskFields.assignee_id')}
              placeholder={t('tasks.unassigned')}
              clearable
              data={assigneeOptions(inv, task.assignee)}
              value={edit.assignee_id}
              disabled={mode !== 'all'}
              onChange={(a) => setEdit((v) => ({ ...v, assignee_id: a }))}
              error={errors.assignee_id}
              comboboxProps={{ withinPortal: true }}
              data-testid="task-assignee"
            />
            <TextInput
              type="date"
              label={t('taskFields.due_date')}
              min={inv.opened_on}
              value={edit.due_date}
              disabled={mode !== 'all'}
              onChange={(e) => {
                const due_date = e.currentTarget.value;
                setEdit((v) => ({ ...v, due_date }));
              }}
              error={errors.due_date}
              data-testid="task-due-date"
            />
          </Group>
          <Stack gap={6} role="group" aria-label={t('taskFields.checklist')} data-testid="task-checklist">
            <Text size="sm" fw={500}>
              {t('taskFields.checklist')}
            </Text>
            {edit.checklist.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('tasks.noChecklist')}
              </Text>
            )}
            {edit.checklist.map((item, i) => (
              <Group key={i} gap="xs" wrap="nowrap" justify="space-between">
                <Checkbox
                  label={item.text}
                  checked={!!item.done}
                  disabled={readOnly}
                  error={errors[`checklist.${i}.text`]}
                  onChange={(e) => {
                    const done = e.currentTarget.checked;
                    setEdit((v) => ({ ...v, checklist: v.checklist.map((x, j) => (j === i ? { ...x, done } : x)) }));
                  }}
                  data-testid="checklist-item"
                />
                {mode === 'all' && (
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    aria-label={t('tasks.removeItem', { text: item.text })}
                    onClick={() => setEdit((v) => ({ ...v, checklist: v.checklist.filter((_, j) => j !== i) }))}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            ))}
            {mode === 'all' && (
              <Group gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  label={t('tasks.newItem')}
                  value={newItem}
                  maxLength={200}
                  onChange={(e) => setNewItem(e.currentTarget.value)}
                  style={{ flex: 1 }}
                  {...FREE_TEXT}
                />
                <Button
                  variant="default"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  disabled={!newItem.trim()}
                  onClick={() => {
                    setEdit((v) => ({ ...v, checklist: [...v.checklist, { text: newItem.trim(), done: false }] }));
                    setNewItem('');
                  }}
                >
                  {t('tasks.addItem')}
                </Button>
              </Group>
            )}
            {errors.checklist && (
              <Text size="xs" c="var(--mantine-color-error)" role="alert">
                {errors.checklist}
              </Text>
            )}
          </Stack>
          {error && !placed && <Problem error={error} onReload={onReload} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {readOnly ? t('actions.close') : t('actions.cancel')}
            </Button>
            {!readOnly && (
              <Button type="submit" loading={update.isPending} data-testid="task-save">
                {t('actions.save')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A new task (the lead, a supervisor): title, description, assignee on the team, due date, checklist. */
export function AddTaskDialog({ inv, onClose }: { inv: Investigation; onClose: () => void }) {
  const { t } = useTranslation('investigations');
  const add = useAddTask(inv.id);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [assignee, setAssignee] = useState<string | null>(null);
  const [due, setDue] = useState('');
  const [checklist, setChecklist] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = () => {
    const invalid: Record<string, string> = {};
    if (!title.trim()) invalid.title = t('validation.required');
    else if (title.trim().length > MAX_TITLE) invalid.title = t('validation.tooLong');
    if (due && !isDay(due)) invalid.due_date = t('validation.day');
    else if (due && due < inv.opened_on) invalid.due_date = t('validation.dueBeforeOpening');
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    add.mutate(
      { title: title.trim(), description: description.trim() || null, assignee_id: assignee, due_date: due || null, checklist: checklistFromLines(checklist) },
      {
        onSuccess: (task) => {
          notifications.show({ color: 'green', message: t('tasks.added', { title: task.title }) });
          onClose();
        },
        onError: (e) => setErrors(dialogErrors(t, e)),
      },
    );
  };
  const error = add.error;
  const placed = isApiError(error) && error.status === 422 && placedAt(errors, ['title', 'description', 'assignee_id', 'due_date', 'checklist']);
  return (
    <Modal opened onClose={onClose} title={t('tasks.addTitle', { reference: inv.reference })} size="lg">
      <form
        noValidate
        data-testid="add-task-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <TextInput label={t('taskFields.title')} withAsterisk maxLength={MAX_TITLE} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} data-testid="task-title" data-autofocus {...FREE_TEXT} />
          <Textarea label={t('taskFields.description')} autosize minRows={2} maxLength={MAX_DESCRIPTION} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} {...FREE_TEXT} />
          <Group grow align="flex-start">
            <Select
              label={t('taskFields.assignee_id')}
              description={t('tasks.assigneeHelp')}
              placeholder={t('tasks.unassigned')}
              clearable
              data={assigneeOptions(inv)}
              value={assignee}
              onChange={setAssignee}
              error={errors.assignee_id}
              comboboxProps={{ withinPortal: true }}
              data-testid="new-task-assignee"
            />
            <TextInput type="date" label={t('taskFields.due_date')} min={inv.opened_on} value={due} onChange={(e) => setDue(e.currentTarget.value)} error={errors.due_date} data-testid="new-task-due-date" />
          </Group>
          <Textarea
            label={t('taskFields.checklist')}
            description={t('tasks.checklistHelp')}
            autosize
            minRows={2}
            value={checklist}
            onChange={(e) => setChecklist(e.currentTarget.value)}
            error={errors.checklist ?? Object.entries(errors).find(([k]) => k.startsWith('checklist.'))?.[1]}
            {...FREE_TEXT}
          />
          {error && !placed && <Problem error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="add-task-submit">
              {t('tasks.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The tasks an offence type usually needs (code list `task_templates`), titled in the user's language. */
export function TemplateTasksDialog({ inv, onClose }: { inv: Investigation; onClose: () => void }) {
  const { t, i18n } = useTranslation('investigations');
  const add = useAddTemplateTasks(inv.id);
  const [offence, setOffence] = useState<string | null>(inv.offence_types[0] ?? null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = () => {
    if (!offence) return setErrors({ offence_type: t('validation.required') });
    setErrors({});
    add.mutate(
      { offence_type: offence, lang: templateLang(i18n.language) },
      {
        onSuccess: (tasks) => {
          notifications.show({ color: tasks.length ? 'green' : 'gray', message: tasks.length ? t('tasks.templatesAdded', { count: tasks.length }) : t('tasks.templatesNone') });
          onClose();
        },
        onError: (e) => setErrors(dialogErrors(t, e)),
      },
    );
  };
  const error = add.error;
  const placed = isApiError(error) && error.status === 422 && !!errors.offence_type;
  return (
    <Modal opened onClose={onClose} title={t('tasks.templatesTitle', { reference: inv.reference })}>
      <form
        noValidate
        data-testid="template-tasks-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Text size="sm">{t('tasks.templatesHelp')}</Text>
          <CodeSelect
            list={OFFENCE_LIST}
            first={inv.offence_types[0]}
            label={t('tasks.offenceType')}
            withAsterisk
            value={offence}
            onChange={setOffence}
            error={errors.offence_type}
            data-testid="template-offence-type"
          />
          {error && !placed && <Problem error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="template-tasks-submit">
              {t('tasks.templatesSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
