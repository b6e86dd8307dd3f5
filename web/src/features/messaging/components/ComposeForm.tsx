import { useState } from 'react';
import { Box, Button, Checkbox, Group, Input, Paper, Radio, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { AttachmentPicker, UploadsPending } from '@/components/AttachmentPicker';
import { FormProblems } from '@/components/FormProblems';
import { FREE_TEXT } from '@/components/freeText';
import { RecipientPicker } from '@/components/RecipientPicker';
import { withAttachments } from '@/lib/attachments';
import { useUploads } from '@/lib/useUploads';
import { useCreateThread } from '../api/threads';
import { FEEDBACK_OUTCOMES, THREAD_KINDS, type FeedbackOutcome, type ThreadDetail, type ThreadKind } from '../api/types';
import {
  composeErrorMessage,
  composeToCreate,
  placeComposeErrors,
  validateCompose,
  withCaseReference,
  withWarning,
  type ComposeValues,
  type PrefillText,
} from '../lib/compose';
import { CasePicker, WarningPicker } from './Pickers';
import { FormSection, WarningFields } from './WarningFields';

/** Compose a thread from one of the templates; client checks like the server's, server errors at their fields. */
export function ComposeForm({
  initial,
  prefill,
  onSent,
  onCancel,
}: {
  initial: ComposeValues;
  prefill: PrefillText;
  onSent: (thread: ThreadDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateThread();
  const uploads = useUploads();
  const [unplaced, setUnplaced] = useState<{ field: string; message: string }[]>([]);
  const form = useForm<ComposeValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: (values) => Object.fromEntries(Object.entries(validateCompose(values)).map(([k, p]) => [k, t(p.key, p.values)])),
  });

  const submit = form.onSubmit(
    async (values) => {
      setUnplaced([]);
      if (uploads.busy) return;
      if (uploads.failed) {
        form.setFieldError('attachment_ids', t('messaging.attachments.removeFailed'));
        return;
      }
      try {
        onSent(await create.mutateAsync(withAttachments(composeToCreate(values), uploads.ids)));
      } catch (e) {
        if (isApiError(e) && e.problem?.errors?.length) {
          const placed = placeComposeErrors(
            e.problem.errors.map((x) => ({ ...x, message: composeErrorMessage(t, x) })),
            values,
          );
          form.setErrors(placed.fields);
          setUnplaced(placed.unplaced);
        }
      }
    },
    () => create.reset(),
  );

  const v = form.values;
  const caseRequired = v.kind === 'seizure' || (v.kind === 'feedback' && v.template.outcome === 'seized');
  const caseHelp =
    v.kind === 'seizure'
      ? t('messaging.compose.seizureCaseHelp')
      : v.kind === 'feedback'
        ? t('messaging.compose.feedbackCaseHelp')
        : t('messaging.compose.caseHelp');
  return (
    <form onSubmit={submit} noValidate data-testid="compose-form">
      <Stack>
        <FormSection title={t('messaging.compose.template')} titleId="compose-template-label">
          <Stack gap={4}>
            <SegmentedControl
              aria-labelledby="compose-template-label"
              value={v.kind}
              onChange={(k) => {
                form.setFieldValue('kind', k as ThreadKind);
                form.clearErrors();
              }}
              data={THREAD_KINDS.map((k) => ({ value: k, label: t(`messaging.kinds.${k}`) }))}
              w="fit-content"
              maw="100%"
              data-testid="template-picker"
            />
            <Text size="sm" c="dimmed" aria-live="polite">
              {t(`messaging.compose.templateHelp.${v.kind}`)}
            </Text>
            {form.errors.kind && <Input.Error>{form.errors.kind}</Input.Error>}
          </Stack>
        </FormSection>

        <FormSection title={t('messaging.compose.addressing')}>
          <Stack gap="sm">
            {v.kind === 'feedback' && (
              <WarningPicker
                value={v.template.warning_id}
                error={form.errors['template.warning_id']}
                onChange={(w) => form.setValues(withWarning(form.getValues(), w, prefill))}
              />
            )}
            <RecipientPicker
              value={v.participants}
              onChange={(p) => form.setFieldValue('participants', p)}
              error={form.errors.participants}
              withAsterisk={v.kind !== 'feedback'}
            />
            <TextInput label={t('messaging.fields.subject')} withAsterisk maxLength={300} {...FREE_TEXT} {...form.getInputProps('subject')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t('messaging.compose.handling')} description={t('messaging.compose.handlingHelp')} maxLength={200} {...form.getInputProps('handling')} />
              <Checkbox mt={{ base: 0, sm: 'xl' }} label={t('messaging.compose.urgent')} {...form.getInputProps('urgent', { type: 'checkbox' })} />
            </SimpleGrid>
          </Stack>
        </FormSection>

        {v.kind === 'warning' && <WarningFields form={form} />}

        {v.kind === 'feedback' && (
          <FormSection title={t('messaging.feedback.outcome')}>
            <Radio.Group
              label={t('messaging.compose.outcome')}
              withAsterisk
              value={v.template.outcome ?? ''}
              onChange={(o) => form.setFieldValue('template.outcome', o as FeedbackOutcome)}
              error={form.errors['template.outcome']}
            >
              <Group mt="xs" gap="lg">
                {FEEDBACK_OUTCOMES.map((o) => (
                  <Radio key={o} value={o} label={t(`messaging.outcomes.${o}`)} />
                ))}
              </Group>
            </Radio.Group>
          </FormSection>
        )}

        <FormSection title={t('messaging.compose.caseSection')}>
          <CasePicker
            value={v.template.case_id}
            onChange={(id, reference) => {
              form.setFieldValue('template.case_id', id);
              form.setValues(withCaseReference(form.getValues(), reference, prefill));
            }}
            error={form.errors['template.case_id']}
            withAsterisk={caseRequired}
            description={caseHelp}
          />
        </FormSection>

        <Paper withBorder p="md">
          <Textarea
            label={t('messaging.compose.body')}
            description={t('messaging.compose.bodyHelp')}
            withAsterisk
            autosize
            minRows={5}
            maxRows={20}
            {...FREE_TEXT}
            {...form.getInputProps('body')}
          />
          <Box mt="sm">
            <AttachmentPicker
              uploads={uploads}
              error={form.errors.attachment_ids as string | undefined}
              onChange={() => form.clearFieldError('attachment_ids')}
            />
          </Box>
        </Paper>

        <FormProblems error={create.error} errorCount={Object.keys(form.errors).length} unplaced={unplaced} />
        <Group justify="flex-end">
          <UploadsPending busy={uploads.busy} />
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={uploads.busy} leftSection={<IconSend size={16} aria-hidden />}>
            {t('messaging.compose.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
