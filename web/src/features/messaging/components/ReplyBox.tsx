import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { AttachmentPicker, UploadsPending } from '@/components/AttachmentPicker';
import { FormProblems } from '@/components/FormProblems';
import { withAttachments } from '@/lib/attachments';
import { placeServerErrors } from '@/lib/forms';
import { useUploads } from '@/lib/useUploads';
import { FREE_TEXT } from '@/components/freeText';
import { threadKeys, usePostMessage } from '../api/threads';
import { bodyError, composeErrorMessage } from '../lib/compose';
import { answerRefusalKey } from '../lib/request';

/**
 * A reply at the foot of a thread (Ctrl+Enter sends); the new message appears in the thread.
 * With `canAnswer` (a recipient of an unanswered request for information), the reply may be
 * marked as the request's answer.
 */
export function ReplyBox({ threadId, canAnswer = false }: { threadId: string; canAnswer?: boolean }) {
  const { t } = useTranslation();
  const post = usePostMessage(threadId);
  const qc = useQueryClient();
  const uploads = useUploads();
  const [unplaced, setUnplaced] = useState<{ field: string; message: string }[]>([]);
  const form = useForm({
    mode: 'controlled',
    initialValues: { body: '', answer: false },
    validate: { body: (v) => (bodyError(v) ? t(bodyError(v) as string, { max: 65536 }) : null) },
  });
  const submit = form.onSubmit(async ({ body, answer }) => {
    setUnplaced([]);
    if (uploads.busy) return;
    if (uploads.failed) {
      form.setFieldError('attachment_ids', t('messaging.attachments.removeFailed'));
      return;
    }
    try {
      await post.mutateAsync(withAttachments(canAnswer && answer ? { body, answer: true } : { body }, uploads.ids));
      form.reset();
      uploads.clear();
    } catch (e) {
      // answered meanwhile, or not to be answered by this user: the thread shows why
      if (answerRefusalKey(e)) void qc.invalidateQueries({ queryKey: threadKeys.detail(threadId) });
      if (isApiError(e) && e.problem?.errors?.length) {
        const placed = placeServerErrors(
          e.problem.errors.map((x) => ({ ...x, message: composeErrorMessage(t, x) })),
          new Set(['body', 'attachment_ids']),
        );
        form.setErrors(placed.fields);
        setUnplaced(placed.unplaced);
      }
    }
  });
  const refusal = answerRefusalKey(post.error);
  return (
    <form onSubmit={submit} noValidate data-testid="reply-form" aria-label={t('messaging.thread.reply')}>
      <Stack gap="xs">
        <Textarea
          label={t('messaging.thread.replyLabel')}
          description={t('messaging.compose.bodyHelp')}
          autosize
          minRows={3}
          maxRows={12}
          withAsterisk
          {...FREE_TEXT}
          {...form.getInputProps('body')}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit();
            }
          }}
        />
        <AttachmentPicker
          uploads={uploads}
          error={form.errors.attachment_ids as string | undefined}
          onChange={() => form.clearFieldError('attachment_ids')}
        />
        {canAnswer && (
          <Checkbox
            label={t('messaging.request.answers')}
            description={t('messaging.request.answersHelp')}
            data-testid="reply-answer"
            {...form.getInputProps('answer', { type: 'checkbox' })}
          />
        )}
        {refusal ? (
          <Alert color="orange" variant="light" role="alert" data-testid="answer-refused">
            {t(refusal)}
          </Alert>
        ) : (
          <FormProblems error={post.error} errorCount={0} unplaced={unplaced} />
        )}
        <Group justify="flex-end">
          <UploadsPending busy={uploads.busy} />
          <Button type="submit" loading={post.isPending} disabled={uploads.busy} leftSection={<IconSend size={16} aria-hidden />}>
            {t('messaging.thread.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
