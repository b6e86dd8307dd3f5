import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import { isApiError } from '@/api/errors';
import { Bidi, Data } from '@/components/Bidi';
import { FREE_TEXT } from '@/components/freeText';
import { ErrorState } from '@/components/states';
import { useErrorMessage } from '@/components/useErrorMessage';
import { fieldErrorMessage } from '@/lib/forms';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { recordFieldLabel, recordPath } from '@/lib/recordHistory';
import { useRecordMerges, useUndoMerge, type RecordMerge } from '../api/merges';
import { Card } from './parts';

const MAX_REASON = 2000;

/** Undo a merge, with a (required) reason, after saying what it will do. */
function UndoMerge({ merge }: { merge: RecordMerge }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const undo = useUndoMerge();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const names = { survivor: merge.survivor.label, merged: merge.merged.label };

  const open = () => {
    undo.reset();
    setReasonError(null);
    setError(null);
    setOpened(true);
  };
  const submit = () => {
    const text = reason.trim();
    if (!text) return setReasonError(t('validation.required'));
    if (text.length > MAX_REASON) return setReasonError(t('validation.tooLong', { max: MAX_REASON }));
    setReasonError(null);
    setError(null);
    undo.mutate(
      { id: merge.id, reason: text },
      {
        onSuccess: () => {
          setOpened(false);
          setReason('');
          notifications.show({ color: 'green', message: t('registers.merges.undoDone', { merged: merge.merged.label }) });
        },
        onError: (e) => {
          if (isApiError(e) && e.status === 409) return setError(t('registers.merges.undoConflict', names));
          const onReason = isApiError(e) && e.status === 422 ? e.problem?.errors?.find((x) => x.field === 'reason') : undefined;
          if (onReason) return setReasonError(fieldErrorMessage(t, onReason));
          setError(message(e));
        },
      },
    );
  };

  return (
    <>
      <Button size="xs" variant="default" leftSection={<IconArrowBackUp size={14} aria-hidden />} onClick={open} data-testid="merge-undo">
        {t('registers.merges.undo')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('registers.merges.undoTitle')} size="lg">
        <form
          noValidate
          data-testid="undo-dialog"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack>
            <Text size="sm">{t('registers.merges.undoHelp', names)}</Text>
            <Textarea
              label={t('registers.merges.undoReason')}
              required
              autosize
              minRows={3}
              maxLength={MAX_REASON}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={reasonError}
              {...FREE_TEXT}
              data-autofocus
            />
            {error && (
              <Alert color="red" variant="light" role="alert" data-testid="form-error">
                <Bidi>{error}</Bidi>
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={undo.isPending}>
                {t('registers.merges.undo')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** One merge: kept ⇐ merged (each a link), who and when, why, what moved, whether it was undone. */
function MergeEntry({ merge, mayUndo }: { merge: RecordMerge; mayUndo: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fields = merge.moved.fields.map((f) => {
    const key = recordFieldLabel(merge.kind, f);
    return key ? t(key) : f;
  });
  return (
    <Paper withBorder p="sm" role="listitem" data-testid="merge-entry" data-merge={merge.id} data-undone={merge.undone_at ? 'true' : 'false'}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6} wrap="wrap">
            <Anchor component={Link} to={recordPath(merge.kind, merge.survivor.id)} fw={600} title={t('registers.merges.survivor')} data-testid="merge-survivor">
              <Data>{merge.survivor.label}</Data>
            </Anchor>
            <Text span aria-hidden>
              {t('registers.merges.arrow')}
            </Text>
            <VisuallyHidden>{t('registers.merges.tookIn')}</VisuallyHidden>
            <Anchor component={Link} to={recordPath(merge.kind, merge.merged.id)} title={t('registers.merges.merged')} data-testid="merge-merged">
              <Data>{merge.merged.label}</Data>
            </Anchor>
            {merge.undone_at && (
              <Badge size="sm" variant="outline" color="gray.8" tt="none" data-testid="merge-undone">
                {t('registers.merges.undone')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t('registers.merges.by', { name: merge.merged_by.name, when: formatDateTime(merge.merged_at, lang) })}
          </Text>
          <Text size="xs" c="dimmed" fw={600} mt={4}>
            {t('registers.merges.reason')}
          </Text>
          <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="merge-reason">
            {merge.reason}
          </Text>
          <Text size="sm" data-testid="merge-moved">
            {t('registers.merges.moved', {
              links: merge.moved.links,
              duplicates: merge.moved.duplicate_links,
              alerts: merge.moved.alerts,
            })}
          </Text>
          {fields.length > 0 && (
            <Text size="sm" data-testid="merge-fields">
              {t('registers.merges.fields', { fields: fields.join(t('common.listSeparator')) })}
            </Text>
          )}
          {merge.undone_at && (
            <Stack gap={2} mt={4} data-testid="merge-undone-note">
              <Text size="sm">
                {t('registers.merges.undoneBy', { name: merge.undone_by?.name ?? '—', when: formatDateTime(merge.undone_at, lang) })}
              </Text>
              {merge.undo_reason && (
                <>
                  <Text size="xs" c="dimmed" fw={600}>
                    {t('registers.merges.undoneReason')}
                  </Text>
                  <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="merge-undo-reason">
                    {merge.undo_reason}
                  </Text>
                </>
              )}
            </Stack>
          )}
        </Stack>
        {mayUndo && !merge.undone_at && <UndoMerge merge={merge} />}
      </Group>
    </Paper>
  );
}

/**
 * The merges the record took part in, newest first, each undoable by a supervisor
 * (`registers.merge`) until undone. Quiet when there are none: nothing is shown.
 */
export function RecordMerges({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const merges = useRecordMerges(recordId);
  if (merges.isPending) return null;
  if (merges.isError) {
    return (
      <Card title={t('registers.merges.title')}>
        <ErrorState error={merges.error} onRetry={() => void merges.refetch()} />
      </Card>
    );
  }
  if (merges.data.length === 0) return null;
  const mayUndo = can(me, 'registers.merge');
  return (
    <Card title={t('registers.merges.title')}>
      <Stack gap="sm" role="list" aria-label={t('registers.merges.label')} data-testid="record-merges">
        {merges.data.map((m) => (
          <MergeEntry key={m.id} merge={m} mayUndo={mayUndo} />
        ))}
      </Stack>
    </Card>
  );
}
