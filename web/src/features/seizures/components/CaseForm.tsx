import { useState, type ReactNode } from 'react';
import { Button, Checkbox, Group, NumberInput, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Case, CaseInput } from '@/api/types';
import { isApiError } from '@/api/errors';
import { CodeMultiSelect, CodeSelect } from '@/components/CodeSelect';
import { FormProblems } from '@/components/FormProblems';
import { GENDERS } from '@/lib/codes';
import { fieldErrorMessage, placeServerErrors } from '@/lib/forms';
import { formToInput, type CaseFormValues } from '../lib/caseForm';
import { formErrorPaths } from '../lib/fieldErrors';
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

/** The case form (create and edit): client checks like the server's, server field errors at their fields. */
export function CaseForm({
  initial,
  save,
  onSaved,
  onCancel,
  onReload,
  submitLabel,
}: {
  initial: CaseFormValues;
  save: (input: CaseInput) => Promise<Case>;
  onSaved: (c: Case) => void;
  onCancel: () => void;
  onReload?: () => void;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<{ field: string; message: string }[]>([]);
  const [saving, setSaving] = useState(false);
  const form = useForm<CaseFormValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: (values) => Object.fromEntries(Object.entries(validateCase(values)).map(([k, key]) => [k, t(key)])),
  });

  const submit = form.onSubmit(
    async (values) => {
      setError(null);
      setUnplaced([]);
      setSaving(true);
      try {
        const saved = await save(formToInput(values));
        form.resetDirty();
        onSaved(saved);
      } catch (e) {
        setError(e);
        if (isApiError(e) && e.problem?.errors?.length) {
          const placed = placeServerErrors(
            e.problem.errors.map((x) => ({ ...x, message: fieldErrorMessage(t, x) })),
            formErrorPaths(values),
          );
          form.setErrors(placed.fields);
          setUnplaced(placed.unplaced);
        }
      } finally {
        setSaving(false);
      }
    },
    () => setError(null),
  );

  const errorCount = Object.keys(form.errors).length;
  const v = form.values;
  return (
    <form onSubmit={submit} noValidate data-testid="case-form">
      <Stack>
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
            <Group gap="lg">
              <Checkbox label={t('seizures.fields.risk_profiling')} {...form.getInputProps('risk_profiling', { type: 'checkbox' })} />
              <Checkbox label={t('seizures.fields.intelligence_led')} {...form.getInputProps('intelligence_led', { type: 'checkbox' })} />
              <Checkbox label={t('seizures.fields.watch_list_hit')} {...form.getInputProps('watch_list_hit', { type: 'checkbox' })} />
            </Group>
          </Stack>
        </Section>

        {v.kind === 'seizure' && (
          <Section title={t('seizures.goods.title')}>
            <GoodsFields form={form} />
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

        <FormProblems error={error} errorCount={errorCount} unplaced={unplaced} onReload={onReload} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
