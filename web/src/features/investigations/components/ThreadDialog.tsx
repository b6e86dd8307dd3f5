import { useState } from 'react';
import { Button, Checkbox, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import '@/i18n/investigations';
import { isApiError } from '@/api/errors';
import { FREE_TEXT } from '@/components/freeText';
import { RecipientPicker } from '@/components/RecipientPicker';
import { localInputToIso } from '@/lib/format';
import { participantRefs, type RecipientValue } from '@/lib/recipients';
import { useStartThread } from '../api/communications';
import type { Investigation } from '../api/types';
import { toLocalInput } from '../lib/format';
import { dialogErrors } from '../lib/problems';
import { Problem } from './parts';

const MAX_SUBJECT = 300;
const MAX_BODY = 65536;
const MAX_RECIPIENTS = 200;
const FIELDS = ['subject', 'body', 'participants', 'request_due', 'urgent'] as const;

/** The first error at `field` or under it (`participants.1.unit_id` shows at the picker). */
const errorAt = (errors: Record<string, string>, field: string) =>
  errors[field] ?? Object.entries(errors).find(([k]) => k.startsWith(`${field}.`))?.[1];

/**
 * A thread of the investigation (`request`: false), or a request for information (`request`:
 * true) — subject, first message, recipients besides the team (optional for a thread, at least
 * one for a request) and, for a request, when the answer is due (in the future). The lead and
 * the team take part in either. Server field errors show at their fields.
 */
export function ThreadDialog({ inv, request, onClose }: { inv: Investigation; request: boolean; onClose: () => void }) {
  const { t } = useTranslation('investigations');
  const start = useStartThread(inv.id);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [recipients, setRecipients] = useState<RecipientValue[]>([]);
  const [due, setDue] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = () => {
    const invalid: Record<string, string> = {};
    const dueIso = localInputToIso(due);
    if (!subject.trim()) invalid.subject = t('validation.required');
    else if ([...subject.trim()].length > MAX_SUBJECT) invalid.subject = t('validation.tooLong');
    if (!body.trim()) invalid.body = t('validation.required');
    else if (new TextEncoder().encode(body).length > MAX_BODY) invalid.body = t('validation.tooLong');
    if (recipients.length > MAX_RECIPIENTS) invalid.participants = t('validation.length');
    else if (request && recipients.length === 0) invalid.participants = t('communications.recipientsRequired');
    if (request) {
      if (!due) invalid.request_due = t('validation.required');
      else if (!dueIso) invalid.request_due = t('validation.dateTime');
      else if (new Date(dueIso).getTime() <= Date.now()) invalid.request_due = t('validation.future');
    }
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    start.mutate(
      {
        subject: subject.trim(),
        body,
        participants: participantRefs(recipients),
        urgent,
        request_due: request ? (dueIso ?? null) : null,
      },
      {
        onSuccess: (thread) => {
          notifications.show({
            color: 'green',
            message: request ? t('communications.requested', { subject: thread.subject }) : t('communications.started', { subject: thread.subject }),
          });
          onClose();
        },
        onError: (e) => {
          const found = dialogErrors(t, e);
          // a request names whom it asks: said in words rather than "Required"
          if (isApiError(e) && e.problem?.errors?.some((x) => x.field === 'participants' && x.code === 'required'))
            found.participants = t('communications.recipientsRequired');
          setErrors(found);
        },
      },
    );
  };

  const error = start.error;
  const placed = isApiError(error) && error.status === 422 && FIELDS.some((f) => errorAt(errors, f));
  return (
    <Modal
      opened
      onClose={onClose}
      title={request ? t('communications.requestTitle', { reference: inv.reference }) : t('communications.threadTitle', { reference: inv.reference })}
      size="lg"
    >
      <form
        noValidate
        data-testid="thread-dialog"
        data-request={request}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {request ? t('communications.requestHelp') : t('communications.threadHelp')}
          </Text>
          <TextInput
            label={t('communications.fields.subject')}
            withAsterisk
            maxLength={MAX_SUBJECT}
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
            error={errors.subject}
            data-testid="thread-subject-input"
            data-autofocus
            {...FREE_TEXT}
          />
          <RecipientPicker
            value={recipients}
            onChange={setRecipients}
            label={request ? t('communications.fields.recipientsRequest') : t('communications.fields.recipients')}
            description={request ? t('communications.fields.recipientsRequestHelp') : t('communications.fields.recipientsHelp')}
            withAsterisk={request}
            error={errorAt(errors, 'participants')}
          />
          {request && (
            <TextInput
              type="datetime-local"
              label={t('communications.fields.due')}
              description={t('communications.fields.dueHelp')}
              withAsterisk
              min={toLocalInput(new Date())}
              value={due}
              onChange={(e) => setDue(e.currentTarget.value)}
              error={errors.request_due}
              data-testid="thread-due-input"
            />
          )}
          <Textarea
            label={t('communications.fields.body')}
            withAsterisk
            autosize
            minRows={5}
            maxRows={14}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={errors.body}
            data-testid="thread-body-input"
            {...FREE_TEXT}
          />
          <Checkbox label={t('communications.fields.urgent')} checked={urgent} onChange={(e) => setUrgent(e.currentTarget.checked)} error={errors.urgent} />
          {error && !placed && <Problem error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={start.isPending} data-testid="thread-submit">
              {request ? t('communications.sendRequest') : t('communications.startThread')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
