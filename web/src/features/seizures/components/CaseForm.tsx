import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Button, Group, NumberInput, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Case, CaseInput } from '@/api/types';
import { isApiError } from '@/api/errors';
import { CodeMultiSelect, CodeSelect } from '@/components/CodeSelect';
import { DraftRestoreAlert } from '@/components/DraftRestoreAlert';
import { FormProblems } from '@/components/FormProblems';
import { UnsavedChangesModal } from '@/components/UnsavedChangesModal';
import { GENDERS } from '@/lib/codes';
import { fieldId, focusElement, focusField, focusFirstError } from '@/lib/formErrors';
import { fieldErrorMessage, placeServerErrors } from '@/lib/forms';
import { useFormDraft } from '@/lib/useFormDraft';
import { useUnsavedGuard } from '@/lib/useUnsavedGuard';
import { formToInput, reviveDraft, type CaseFormValues } from '../lib/caseForm';
import { CASE_FORM, caseFieldLabel, formErrorPaths, orderedErrors } from '../lib/fieldErrors';
import { validateCase } from '../lib/validation';
import { GoodsFields, RouteFields } from './GoodsAndRouteFields';
import { CompanyLinks, ConveyanceLinks, PersonLinks } from './LinkEditors';

const AGE_BANDS = ['under_18', '18_24', '25_34', '35_44', '45_54', '55_64', '65_plus', 'unknown'] as const;

function Section({ title, children, description }: { title: string; children: ReactNode; description?: string }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb={description ? 2 : 'sm'}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      )}
      {children}
    </Paper>
  );
}

const PROBLEMS_ID = `${CASE_FORM}-problems`;

/**
 * The case form (create and edit): client checks like the server's, server field errors at
 * their fields, and after a failed submit the first of them focused and all of them listed
 * at the top. Leaving it with unsaved changes asks first, and the changes are kept in this
 * browser (`draftKey`) until saved, so a reload or a crash offers to restore them.
 */
export function CaseForm({
  initial,
  save,
  onSaved,
  onCancel,
  onReload,
  submitLabel,
  draftKey,
  version = null,
  nationalCurrency = null,
}: {
  initial: CaseFormValues;
  save: (input: CaseInput) => Promise<Case>;
  onSaved: (c: Case) => void;
  onCancel: () => void;
  onReload?: () => void;
  submitLabel: string;
  /** Where unsaved changes are kept (`@/lib/useFormDraft`'s `draftKey`); null keeps none. */
  draftKey: string | null;
  /** The version of the case being edited (null for a new one). */
  version?: number | null;
  /** The administration's currency: offered first, and the default of new goods items. */
  nationalCurrency?: string | null;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<{ field: string; message: string }[]>([]);
  const [saving, setSaving] = useState(false);
  // after a failed submit: the paths in error, to move to the first of them once shown
  const [jump, setJump] = useState<{ paths: string[] } | null>(null);
  const form = useForm<CaseFormValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: (values) => Object.fromEntries(Object.entries(validateCase(values)).map(([k, key]) => [k, t(key)])),
    // a stable id per field, for the error summary's links
    enhanceGetInputProps: ({ field }) => ({ id: fieldId(CASE_FORM, String(field)) }),
  });

  // what the form opened with (the values the form holds start from it; `initial` may be rebuilt later)
  const [initialJson] = useState(() => JSON.stringify(initial));
  const dirty = useMemo(() => JSON.stringify(form.values) !== initialJson, [form.values, initialJson]);
  const guard = useUnsavedGuard(dirty);
  const draft = useFormDraft({ storageKey: draftKey, values: form.values, dirty, base: version });

  useEffect(() => {
    if (!jump) return;
    if (!focusFirstError(CASE_FORM, jump.paths)) {
      const problems = document.getElementById(PROBLEMS_ID);
      if (problems) focusElement(problems);
    }
  }, [jump]);

  const submit = form.onSubmit(
    async (values) => {
      setError(null);
      setUnplaced([]);
      setSaving(true);
      try {
        const saved = await save(formToInput(values));
        draft.clear();
        guard.allowNavigation();
        form.resetDirty();
        onSaved(saved);
      } catch (e) {
        setError(e);
        let paths: string[] = [];
        if (isApiError(e) && e.problem?.errors?.length) {
          const placed = placeServerErrors(
            e.problem.errors.map((x) => ({ ...x, message: fieldErrorMessage(t, x) })),
            formErrorPaths(values),
          );
          form.setErrors(placed.fields);
          setUnplaced(placed.unplaced);
          paths = Object.keys(placed.fields);
        }
        setJump({ paths });
      } finally {
        setSaving(false);
      }
    },
    (errors) => {
      setError(null);
      setUnplaced([]);
      setJump({ paths: Object.keys(errors) });
    },
  );

  const problems = orderedErrors(form.errors, form.values).map((e) => ({ ...e, label: caseFieldLabel(e.path, t) }));
  const errorCount = problems.length;
  const v = form.values;
  return (
    <form onSubmit={submit} noValidate data-testid="case-form">
      <Stack>
        {draft.offer && (
          <DraftRestoreAlert
            savedAt={draft.offer.savedAt}
            stale={draft.offer.base !== version}
            onRestore={() => {
              const values = draft.restore();
              if (values) {
                form.setValues(reviveDraft(values));
                form.clearErrors();
              }
            }}
            onDiscard={draft.discard}
          />
        )}
        <FormProblems
          id={PROBLEMS_ID}
          error={error}
          errorCount={errorCount}
          unplaced={unplaced}
          onReload={onReload}
          fields={problems}
          fieldHref={(path) => `#${fieldId(CASE_FORM, path)}`}
          onJump={(path) => focusField(CASE_FORM, path)}
        />
        <Section title={t('seizures.sections.when')}>
          <Stack gap="sm">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="case-kind-label">
                {t('seizures.fields.kind')}
              </Text>
              <SegmentedControl
                aria-labelledby="case-kind-label"
                value={v.kind}
                onChange={(k) => form.setFieldValue('kind', k as CaseFormValues['kind'])}
                data={[
                  { value: 'seizure', label: t('seizures.kinds.seizure') },
                  { value: 'offence', label: t('seizures.kinds.offence') },
                ]}
                w="fit-content"
              />
            </Stack>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              <TextInput type="datetime-local" label={t('seizures.fields.detected_at')} withAsterisk {...form.getInputProps('detected_at')} />
              <TextInput label={t('seizures.fields.place')} {...form.getInputProps('place')} />
              <CodeSelect list="location_types" label={t('seizures.fields.location_type')} {...form.getInputProps('location_type')} />
              <TextInput label={t('seizures.fields.unlocode')} placeholder="FRLEH" maxLength={6} {...form.getInputProps('unlocode')} />
              <CodeSelect list="countries" label={t('seizures.fields.country')} {...form.getInputProps('country')} />
              <CodeSelect list="directions" label={t('seizures.fields.direction')} {...form.getInputProps('direction')} />
              <TextInput label={t('seizures.fields.customs_procedure')} {...form.getInputProps('customs_procedure')} />
              <TextInput label={t('seizures.fields.declaration_reference')} {...form.getInputProps('declaration_reference')} />
              <Group grow gap="sm" align="flex-start">
                <NumberInput label={t('seizures.fields.latitude')} min={-90} max={90} decimalScale={6} {...form.getInputProps('latitude')} />
                <NumberInput label={t('seizures.fields.longitude')} min={-180} max={180} decimalScale={6} {...form.getInputProps('longitude')} />
              </Group>
            </SimpleGrid>
            <CodeMultiSelect list="detection_methods" label={t('seizures.fields.detection_methods')} {...form.getInputProps('detection_methods')} />
          </Stack>
        </Section>

        {v.kind === 'seizure' && (
          <Section title={t('seizures.goods.title')}>
            <GoodsFields form={form} nationalCurrency={nationalCurrency} />
          </Section>
        )}

        <Section title={t('seizures.route.title')} description={t('seizures.route.help')}>
          <RouteFields form={form} />
        </Section>

        <Section title={t('seizures.sections.concealment')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <CodeSelect list="concealment_methods" label={t('seizures.fields.concealment_method')} {...form.getInputProps('concealment_method')} />
            <Textarea label={t('seizures.fields.concealment_description')} autosize minRows={2} {...form.getInputProps('concealment_description')} />
          </SimpleGrid>
        </Section>

        <Section title={t('seizures.sections.links')} description={t('seizures.links.help')}>
          <Stack gap="lg">
            <PersonLinks form={form} />
            <CompanyLinks form={form} />
            <ConveyanceLinks form={form} />
          </Stack>
        </Section>

        <Section title={t('seizures.sections.narrative')}>
          <Stack gap="sm">
            <Textarea label={t('seizures.fields.narrative')} description={t('seizures.narrativeHelp')} autosize minRows={3} {...form.getInputProps('narrative')} />
            <Textarea label={t('seizures.fields.summary_non_nominal')} description={t('seizures.summaryHelp')} autosize minRows={2} {...form.getInputProps('summary_non_nominal')} />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <CodeSelect list="countries" label={t('seizures.fields.offender_nationality')} {...form.getInputProps('offender_nationality')} />
              <Select label={t('seizures.fields.offender_gender')} clearable data={GENDERS.map((g) => ({ value: g, label: t(`seizures.genders.${g}`) }))} {...form.getInputProps('offender_gender')} />
              <Select
                label={t('seizures.fields.offender_age_band')}
                clearable
                data={AGE_BANDS.map((a) => ({ value: a, label: t(`seizures.ageBands.${a}`) }))}
                {...form.getInputProps('offender_age_band')}
              />
            </SimpleGrid>
          </Stack>
        </Section>

        {errorCount > 0 && (
          <Text size="sm" c="red.9" ta="end" data-testid="form-invalid-note">
            {t('forms.seeSummary')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
      <UnsavedChangesModal
        opened={guard.asking}
        onStay={guard.stay}
        onLeave={() => {
          draft.clear();
          guard.leave();
        }}
      />
    </form>
  );
}
