import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import '@/i18n/investigations';
import { isApiError } from '@/api/errors';
import { CodeMultiSelect, CodeSelect } from '@/components/CodeSelect';
import { FREE_TEXT } from '@/components/freeText';
import { FormProblems } from '@/components/FormProblems';
import { UnsavedChangesModal } from '@/components/UnsavedChangesModal';
import { fieldId, focusElement, focusField, focusFirstError, inPageOrder } from '@/lib/formErrors';
import { useUnsavedGuard } from '@/lib/useUnsavedGuard';
import type { Investigation } from '../api/types';
import { OFFENCE_LIST, PRIORITY_LIST } from '../api/types';
import {
  FORM_FIELDS,
  INVESTIGATION_FORM,
  MAX_LEGAL_BASIS,
  MAX_SUMMARY,
  MAX_TITLE,
  validateInvestigation,
  type InvestigationFormValues,
} from '../lib/investigationForm';
import { placeProblem, refusalMessage, withListPaths } from '../lib/problems';
import { LinkChip } from './LinkChip';
import { Problem } from './parts';
import { PersonPicker } from './PersonPicker';

const PROBLEMS_ID = 'investigation-form-problems';

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

/**
 * An investigation as written (a new one, or a correction): what it is about (title, priority,
 * due date, legal basis, offence types, summary), its lead (a supervisor, who may pick among
 * users) and — when opening it — the records it starts from. The client checks first; the
 * server's field errors go to their fields (`links[0].target_id` to the first link).
 */
export function InvestigationForm({
  initial,
  openedOn,
  leadPicker,
  submitLabel,
  onSubmit,
  onSaved,
  onCancel,
  onReload,
}: {
  initial: InvestigationFormValues;
  /** The day a due date may not come before. */
  openedOn: string;
  /** Show the lead picker (a supervisor who may read users). */
  leadPicker: boolean;
  submitLabel: string;
  onSubmit: (values: InvestigationFormValues) => Promise<Investigation>;
  onSaved: (inv: Investigation) => void;
  onCancel: () => void;
  /** After a 412: load the latest version. */
  onReload?: () => void;
}) {
  const { t } = useTranslation('investigations');
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<{ field: string; message: string }[]>([]);
  const [saving, setSaving] = useState(false);
  const [jump, setJump] = useState<{ paths: string[] } | null>(null);
  const form = useForm<InvestigationFormValues>({
    mode: 'controlled',
    initialValues: initial,
    enhanceGetInputProps: ({ field }) => ({ id: fieldId(INVESTIGATION_FORM, String(field)) }),
  });
  const [initialJson] = useState(() => JSON.stringify(initial));
  const dirty = useMemo(() => JSON.stringify(form.values) !== initialJson, [form.values, initialJson]);
  const guard = useUnsavedGuard(dirty && !saving);

  useEffect(() => {
    if (!jump) return;
    if (!focusFirstError(INVESTIGATION_FORM, jump.paths)) {
      const problems = document.getElementById(PROBLEMS_ID);
      if (problems) focusElement(problems);
    }
  }, [jump]);

  const v = form.values;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setUnplaced([]);
    const invalid = validateInvestigation(v, openedOn);
    if (Object.keys(invalid).length > 0) {
      form.setErrors(Object.fromEntries(Object.entries(invalid).map(([k, key]) => [k, t(key)])));
      setJump({ paths: Object.keys(invalid) });
      return;
    }
    form.clearErrors();
    setSaving(true);
    try {
      const saved = await onSubmit(v);
      guard.allowNavigation();
      form.resetDirty();
      onSaved(saved);
    } catch (e) {
      setError(e);
      let paths: string[] = [];
      if (isApiError(e) && e.problem?.errors?.length) {
        const placed = placeProblem(t, e, withListPaths(FORM_FIELDS, 'links', v.links.length));
        form.setErrors(placed.fields);
        setUnplaced(placed.unplaced);
        paths = Object.keys(placed.fields);
      }
      setJump({ paths });
    } finally {
      setSaving(false);
    }
  };

  const fieldLabel = (path: string) => {
    const m = /^links(?:\.(\d+))?/.exec(path);
    if (m) return m[1] !== undefined ? t('form.linkN', { n: Number(m[1]) + 1 }) : t('form.links');
    return t(`fields.${path}`);
  };
  const refused = refusalMessage(t, error) !== null;
  const problems = inPageOrder(INVESTIGATION_FORM, Object.keys(form.errors)).map((path) => ({ path, label: fieldLabel(path), message: String(form.errors[path]) }));
  const removeLink = (i: number) => {
    form.setFieldValue(
      'links',
      v.links.filter((_, j) => j !== i),
    );
    // errors of the links after it would now name the wrong one
    form.setErrors(Object.fromEntries(Object.entries(form.errors).filter(([k]) => !k.startsWith('links'))));
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="investigation-form" aria-label={t('form.label')}>
      <Stack>
        <Part title={t('form.sections.what')}>
          <TextInput label={t('fields.title')} withAsterisk maxLength={MAX_TITLE} data-testid="investigation-title" {...FREE_TEXT} {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <CodeSelect list={PRIORITY_LIST} label={t('fields.priority')} withAsterisk clearable={false} data-testid="investigation-priority-select" {...form.getInputProps('priority')} />
            <TextInput type="date" label={t('fields.due_date')} description={t('form.dueHelp')} min={openedOn} data-testid="investigation-due-date" {...form.getInputProps('due_date')} />
          </SimpleGrid>
          <Textarea
            label={t('fields.legal_basis')}
            description={t('form.legalBasisHelp')}
            withAsterisk
            autosize
            minRows={2}
            maxLength={MAX_LEGAL_BASIS}
            data-testid="investigation-legal-basis"
            {...FREE_TEXT}
            {...form.getInputProps('legal_basis')}
          />
          <CodeMultiSelect list={OFFENCE_LIST} label={t('fields.offence_types')} maxValues={10} data-testid="investigation-offence-types" {...form.getInputProps('offence_types')} />
          <Textarea
            label={t('fields.summary')}
            description={t('form.summaryHelp')}
            autosize
            minRows={4}
            maxLength={MAX_SUMMARY}
            data-testid="investigation-summary"
            {...FREE_TEXT}
            {...form.getInputProps('summary')}
          />
        </Part>

        {leadPicker && (
          <Part title={t('form.sections.lead')}>
            <PersonPicker
              source="users"
              id={fieldId(INVESTIGATION_FORM, 'lead_id')}
              label={t('fields.lead_id')}
              description={t('form.leadHelp')}
              value={v.lead ? { kind: 'user', id: v.lead.id, label: v.lead.label } : null}
              onChange={(c) => {
                form.setFieldValue('lead', c ? { id: c.id, label: c.label } : null);
                form.clearFieldError('lead_id');
              }}
              error={form.errors.lead_id}
              testId="lead-picker"
            />
          </Part>
        )}

        {(initial.links.length > 0 || v.links.length > 0) && (
          <Part title={t('form.links')}>
            <Text size="sm" c="dimmed">
              {t('form.linksHelp')}
            </Text>
            <div id={fieldId(INVESTIGATION_FORM, 'links')} tabIndex={-1}>
              {v.links.length === 0 ? (
                <Text size="sm">{t('form.noLinks')}</Text>
              ) : (
                <Group gap="xs" align="flex-start">
                  {v.links.map((l, i) => (
                    <LinkChip
                      key={`${l.target_kind}:${l.target_id}`}
                      link={l}
                      id={fieldId(INVESTIGATION_FORM, `links.${i}`)}
                      error={form.errors[`links.${i}`] ? String(form.errors[`links.${i}`]) : undefined}
                      onRemove={() => removeLink(i)}
                    />
                  ))}
                </Group>
              )}
              {form.errors.links && (
                <Text size="xs" c="var(--mantine-color-error)" role="alert" mt={4}>
                  {String(form.errors.links)}
                </Text>
              )}
            </div>
          </Part>
        )}

        {refused && <Problem error={error} />}
        <FormProblems
          id={PROBLEMS_ID}
          error={refused ? null : error}
          errorCount={problems.length}
          unplaced={unplaced}
          fields={problems}
          fieldHref={(path) => `#${fieldId(INVESTIGATION_FORM, path)}`}
          onJump={(path) => focusField(INVESTIGATION_FORM, path)}
          onReload={onReload}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="investigation-submit">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
      <UnsavedChangesModal opened={guard.asking} onStay={guard.stay} onLeave={guard.leave} />
    </form>
  );
}
