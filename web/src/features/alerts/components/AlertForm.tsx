import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { FREE_TEXT } from '@/components/freeText';
import { FormProblems } from '@/components/FormProblems';
import { UnsavedChangesModal } from '@/components/UnsavedChangesModal';
import { fieldId, focusElement, focusField, focusFirstError, inPageOrder } from '@/lib/formErrors';
import { placeServerErrors } from '@/lib/forms';
import { useUnsavedGuard } from '@/lib/useUnsavedGuard';
import type { Alert, AlertInput } from '../api/types';
import { IDENTIFIER_KINDS, REQUESTED_ACTIONS, RISK_LEVELS, SUBJECT_KINDS, type SubjectKind } from '../api/types';
import {
  addMonths,
  ALERT_ERROR_PATHS,
  ALERT_FORM,
  alertErrorPath,
  alertFieldErrorMessage,
  alertInput,
  MAX_HANDLING,
  MAX_IDENTIFIER,
  MAX_MONTHS,
  MAX_REASON,
  today,
  validateAlert,
  type AlertFormValues,
} from '../lib/alertForm';
import { RecordPicker } from './RecordPicker';

const PROBLEMS_ID = 'alert-form-problems';

function Section({ title, children }: { title: string; children: ReactNode }) {
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
 * An alert as written (a new draft, or a draft corrected): the subject — a register record
 * found by search, or a bare identifier —, the reason (intelligence, for the unit only), the
 * risk level, the requested action and handling instructions, and the validity (at most 12
 * months). The client checks first; the server's field errors go to their fields.
 */
export function AlertForm({
  initial,
  submitLabel,
  onSubmit,
  onSaved,
  onCancel,
  onReload,
}: {
  initial: AlertFormValues;
  submitLabel: string;
  /** Creates the alert, or sends the changes (the page computes the merge patch). */
  onSubmit: (input: AlertInput) => Promise<Alert>;
  onSaved: (a: Alert) => void;
  onCancel: () => void;
  /** After a 412: load the latest version. */
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<{ field: string; message: string }[]>([]);
  const [saving, setSaving] = useState(false);
  const [jump, setJump] = useState<{ paths: string[] } | null>(null);
  const form = useForm<AlertFormValues>({
    mode: 'controlled',
    initialValues: initial,
    enhanceGetInputProps: ({ field }) => ({ id: fieldId(ALERT_FORM, String(field)) }),
  });
  const [initialJson] = useState(() => JSON.stringify(initial));
  const dirty = useMemo(() => JSON.stringify(form.values) !== initialJson, [form.values, initialJson]);
  const guard = useUnsavedGuard(dirty && !saving);

  useEffect(() => {
    if (!jump) return;
    if (!focusFirstError(ALERT_FORM, jump.paths)) {
      const problems = document.getElementById(PROBLEMS_ID);
      if (problems) focusElement(problems);
    }
  }, [jump]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setUnplaced([]);
    const values = form.values;
    const invalid = validateAlert(values);
    if (Object.keys(invalid).length > 0) {
      form.setErrors(Object.fromEntries(Object.entries(invalid).map(([k, key]) => [k, t(key)])));
      setJump({ paths: Object.keys(invalid) });
      return;
    }
    form.clearErrors();
    setSaving(true);
    try {
      const saved = await onSubmit(alertInput(values));
      guard.allowNavigation();
      form.resetDirty();
      onSaved(saved);
    } catch (e) {
      setError(e);
      let paths: string[] = [];
      if (isApiError(e) && e.problem?.errors?.length) {
        const placed = placeServerErrors(
          e.problem.errors.map((x) => ({ ...x, field: alertErrorPath(x.field), message: alertFieldErrorMessage(t, x) })),
          ALERT_ERROR_PATHS,
        );
        form.setErrors(placed.fields);
        setUnplaced(placed.unplaced);
        paths = Object.keys(placed.fields);
      }
      setJump({ paths });
    } finally {
      setSaving(false);
    }
  };

  const v = form.values;
  const kind = v.subject_kind;
  const fieldLabel = (path: string) => (path === 'record' ? t(`alerts.fields.${kind === 'identifier' ? 'subject' : kind}`) : t(`alerts.fields.${path}`));
  const problems = inPageOrder(ALERT_FORM, Object.keys(form.errors)).map((path) => ({ path, label: fieldLabel(path), message: String(form.errors[path]) }));
  const setKind = (next: SubjectKind) => {
    if (next === kind) return;
    form.setFieldValue('subject_kind', next);
    form.setFieldValue('record', null);
    form.clearFieldError('record');
  };
  const from = v.valid_from || today();
  const kindLabelId = 'alert-subject-kind-label';

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="alert-form" aria-label={t('alerts.form.label')}>
      <Stack>
        <Section title={t('alerts.form.subject')}>
          <Stack gap={4}>
            <Text size="sm" fw={500} id={kindLabelId}>
              {t('alerts.fields.subject_kind')}
            </Text>
            <SegmentedControl
              aria-labelledby={kindLabelId}
              id={fieldId(ALERT_FORM, 'subject_kind')}
              style={{ alignSelf: 'flex-start' }}
              value={kind}
              onChange={(next) => setKind(next as SubjectKind)}
              data={SUBJECT_KINDS.map((k) => ({ value: k, label: t(`alerts.subjectKinds.${k}`) }))}
            />
          </Stack>
          {kind === 'identifier' ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('alerts.fields.identifier_kind')}
                withAsterisk
                searchable
                data={IDENTIFIER_KINDS.map((k) => ({ value: k, label: t(`alerts.identifierKinds.${k}`) }))}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('identifier_kind')}
              />
              <TextInput
                label={t('alerts.fields.identifier')}
                description={t('alerts.fields.identifierHelp')}
                withAsterisk
                maxLength={MAX_IDENTIFIER}
                dir="ltr"
                autoComplete="off"
                {...form.getInputProps('identifier')}
              />
            </SimpleGrid>
          ) : (
            <RecordPicker
              key={kind}
              kind={kind}
              id={fieldId(ALERT_FORM, 'record')}
              value={v.record}
              onChange={(c) => {
                form.setFieldValue('record', c);
                form.clearFieldError('record');
              }}
              error={form.errors.record}
            />
          )}
        </Section>

        <Section title={t('alerts.form.handling')}>
          <Textarea
            label={t('alerts.fields.reason')}
            description={t('alerts.fields.reasonHelp')}
            withAsterisk
            autosize
            minRows={3}
            maxLength={MAX_REASON}
            {...FREE_TEXT}
            {...form.getInputProps('reason')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('alerts.fields.risk_level')}
              withAsterisk
              data={RISK_LEVELS.map((r) => ({ value: r, label: t(`alerts.riskLevels.${r}`) }))}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('risk_level')}
            />
            <Select
              label={t('alerts.fields.requested_action')}
              description={t('alerts.fields.requestedActionHelp')}
              withAsterisk
              data={REQUESTED_ACTIONS.map((a) => ({ value: a, label: t(`alerts.requestedActions.${a}`) }))}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('requested_action')}
            />
          </SimpleGrid>
          <Textarea
            label={t('alerts.fields.handling_instructions')}
            description={t('alerts.fields.handlingHelp')}
            autosize
            minRows={2}
            maxLength={MAX_HANDLING}
            {...FREE_TEXT}
            {...form.getInputProps('handling_instructions')}
          />
        </Section>

        <Section title={t('alerts.form.validity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput type="date" label={t('alerts.fields.valid_from')} max={addMonths(today(), MAX_MONTHS)} {...form.getInputProps('valid_from')} />
            <TextInput
              type="date"
              label={t('alerts.fields.valid_until')}
              description={t('alerts.fields.validUntilHelp')}
              withAsterisk
              min={from}
              max={addMonths(from, MAX_MONTHS)}
              {...form.getInputProps('valid_until')}
            />
          </SimpleGrid>
        </Section>

        <FormProblems
          id={PROBLEMS_ID}
          error={error}
          errorCount={problems.length}
          unplaced={unplaced}
          fields={problems}
          fieldHref={(path) => `#${fieldId(ALERT_FORM, path)}`}
          onJump={(path) => focusField(ALERT_FORM, path)}
          onReload={onReload}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
      <UnsavedChangesModal opened={guard.asking} onStay={guard.stay} onLeave={guard.leave} />
    </form>
  );
}
