import { useMemo, useState } from 'react';
import { Anchor, Box, Button, Group, Modal, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencilPlus, IconWritingSign } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import '@/i18n/investigations';
import { isApiError } from '@/api/errors';
import { AttachedFiles } from '@/components/AttachedFiles';
import { AttachmentPicker, UploadsPending } from '@/components/AttachmentPicker';
import { Data } from '@/components/Bidi';
import { FREE_TEXT } from '@/components/freeText';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { attachmentIdsProblem, withAttachments } from '@/lib/attachments';
import { formatDateTime, localInputToIso } from '@/lib/format';
import { useUploads } from '@/lib/useUploads';
import { useAddJournalEntry, useJournal } from '../api/investigations';
import type { EntryKind, Investigation, JournalEntry } from '../api/types';
import { ENTRY_KINDS } from '../api/types';
import { toLocalInput } from '../lib/format';
import { dialogErrors } from '../lib/problems';
import { EntryKindBadge } from './badges';
import { Problem, Section } from './parts';

const MAX_BODY = 20000;
/** The picker's and the server's "too many files" (the picker translates in the default namespace). */
const TOO_MANY_FILES = 'investigations:journal.tooManyFiles';
const entryAnchor = (id: string) => `journal-entry-${id}`;

/**
 * A new entry, or a correction of one (`corrects`): kind, when it happened (now by default),
 * what, and files (photos, scans) uploaded as they are picked and taken by the entry.
 */
function EntryDialog({ inv, corrects, onClose }: { inv: Investigation; corrects: JournalEntry | null; onClose: () => void }) {
  const { t } = useTranslation('investigations');
  const add = useAddJournalEntry(inv.id);
  const uploads = useUploads(TOO_MANY_FILES);
  const [kind, setKind] = useState<EntryKind>(corrects?.kind ?? 'action');
  const [occurred, setOccurred] = useState(() => toLocalInput(new Date()));
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  /** The server's field errors; those of `attachment_ids[i]` said once, at the picker. */
  const serverErrors = (e: unknown) => {
    const out = Object.fromEntries(Object.entries(dialogErrors(t, e)).filter(([f]) => !f.startsWith('attachment_ids')));
    const files = isApiError(e) ? (e.problem?.errors ?? []).map((x) => attachmentIdsProblem(x, TOO_MANY_FILES)).find((p) => p) : null;
    if (files) out.attachment_ids = t(files.key, { ns: 'translation', ...files.values });
    return out;
  };
  const submit = () => {
    if (uploads.busy) return;
    const invalid: Record<string, string> = {};
    const at = localInputToIso(occurred);
    if (!body.trim()) invalid.body = t('validation.required');
    else if (body.length > MAX_BODY) invalid.body = t('validation.tooLong');
    if (occurred && !at) invalid.occurred_at = t('validation.dateTime');
    else if (at && new Date(at).getTime() > Date.now() + 60_000) invalid.occurred_at = t('validation.occurredAt');
    if (uploads.failed) invalid.attachment_ids = t('journal.removeFailedFiles');
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    add.mutate(
      withAttachments({ kind, body: body.trim(), occurred_at: at ?? null, corrects_id: corrects?.id ?? null }, uploads.ids),
      {
        onSuccess: (entry) => {
          notifications.show({ color: 'green', message: t('journal.written', { seq: entry.seq }) });
          onClose();
        },
        onError: (e) => setErrors(serverErrors(e)),
      },
    );
  };
  const error = add.error;
  const placed = isApiError(error) && error.status === 422 && ['kind', 'body', 'occurred_at', 'attachment_ids'].some((f) => errors[f]);
  return (
    <Modal opened onClose={onClose} title={corrects ? t('journal.correctTitle', { seq: corrects.seq }) : t('journal.writeTitle', { reference: inv.reference })} size="lg">
      <form
        noValidate
        data-testid="journal-dialog"
        data-corrects={corrects?.id}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          {corrects && (
            <Paper withBorder p="xs" bg="var(--mantine-color-gray-0)">
              <Text size="xs" c="dimmed" mb={4}>
                {t('journal.correcting', { seq: corrects.seq })}
              </Text>
              <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }} lineClamp={6}>
                {corrects.body}
              </Text>
            </Paper>
          )}
          <Text size="sm" c="dimmed">
            {t('journal.appendOnly')}
          </Text>
          <Group grow align="flex-start">
            <Select
              label={t('journal.kind')}
              withAsterisk
              allowDeselect={false}
              data={ENTRY_KINDS.map((k) => ({ value: k, label: t(`entryKinds.${k}`) }))}
              value={kind}
              onChange={(k) => k && setKind(k as EntryKind)}
              error={errors.kind}
              comboboxProps={{ withinPortal: true }}
              data-testid="journal-kind"
            />
            <TextInput
              type="datetime-local"
              label={t('journal.occurredAt')}
              max={toLocalInput(new Date())}
              value={occurred}
              onChange={(e) => setOccurred(e.currentTarget.value)}
              error={errors.occurred_at}
              data-testid="journal-occurred-at"
            />
          </Group>
          <Textarea
            label={t('journal.body')}
            withAsterisk
            autosize
            minRows={5}
            maxLength={MAX_BODY}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={errors.body}
            data-testid="journal-body"
            data-autofocus
            {...FREE_TEXT}
          />
          <AttachmentPicker
            uploads={uploads}
            error={errors.attachment_ids}
            onChange={() => setErrors(({ attachment_ids: _, ...rest }) => rest)}
          />
          {(errors.corrects_id || (error && !placed)) && (errors.corrects_id ? <Text size="sm" c="var(--mantine-color-error)" role="alert">{errors.corrects_id}</Text> : <Problem error={error} />)}
          <Group justify="flex-end">
            <UploadsPending busy={uploads.busy} />
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} disabled={uploads.busy} data-testid="journal-submit">
              {corrects ? t('journal.submitCorrection') : t('journal.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** `#3` as a link to that entry on the page. */
function EntryRef({ id, seqs }: { id: string; seqs: ReadonlyMap<string, number> }) {
  const seq = seqs.get(id);
  return seq ? (
    <Anchor href={`#${entryAnchor(id)}`} size="xs">
      #{seq}
    </Anchor>
  ) : (
    <>#?</>
  );
}

/**
 * The journal: entries numbered in the order written, each with its kind, when it happened, who
 * wrote it, and what corrects it (or what it corrects). Append-only: nothing is changed or
 * deleted; "Correct" writes a new entry naming the one it corrects.
 */
export function JournalTab({ inv, canWrite }: { inv: Investigation; canWrite: boolean }) {
  const { t, i18n } = useTranslation('investigations');
  const lang = i18n.language;
  const journal = useJournal(inv.id);
  const entries = useMemo(() => journal.data?.pages.flatMap((p) => p.items) ?? [], [journal.data]);
  const seqs = useMemo(() => new Map(entries.map((e) => [e.id, e.seq])), [entries]);
  const [dialog, setDialog] = useState<{ corrects: JournalEntry | null } | null>(null);

  return (
    <Section
      title={t('journal.title')}
      description={t('journal.appendOnly')}
      testId="investigation-journal"
      actions={
        canWrite && (
          <Button size="xs" leftSection={<IconPencilPlus size={16} aria-hidden />} onClick={() => setDialog({ corrects: null })} data-testid="journal-write">
            {t('journal.write')}
          </Button>
        )
      }
    >
      {journal.isPending ? (
        <LoadingState />
      ) : journal.isError ? (
        <ErrorState error={journal.error} onRetry={() => void journal.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState title={t('journal.empty')} />
      ) : (
        <Box component="ol" style={{ display: 'flex', flexDirection: 'column', gap: 'var(--mantine-spacing-sm)', listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('journal.title')}>
          {entries.map((e) => (
            <Paper key={e.id} withBorder p="sm" component="li" id={entryAnchor(e.id)} data-testid="journal-entry" data-seq={e.seq} data-kind={e.kind}>
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <Group gap="xs" wrap="wrap">
                  <Title order={3} size="h5" data-testid="journal-seq">
                    {t('journal.entryTitle', { seq: e.seq })}
                  </Title>
                  <EntryKindBadge kind={e.kind} />
                  <Text size="sm" c="dimmed">
                    {t('journal.meta', { when: formatDateTime(e.occurred_at, lang), author: e.author.name })}
                  </Text>
                </Group>
                {canWrite && (
                  <Button
                    size="compact-xs"
                    variant="default"
                    leftSection={<IconWritingSign size={14} aria-hidden />}
                    aria-label={t('journal.correctLabel', { seq: e.seq })}
                    onClick={() => setDialog({ corrects: e })}
                    data-testid="journal-correct"
                  >
                    {t('journal.correct')}
                  </Button>
                )}
              </Group>
              {(e.corrects_id || e.corrected_by.length > 0) && (
                <Group gap="md" mt={4}>
                  {e.corrects_id && (
                    <Text size="xs" data-testid="journal-corrects">
                      {t('journal.corrects')} <EntryRef id={e.corrects_id} seqs={seqs} />
                    </Text>
                  )}
                  {e.corrected_by.length > 0 && (
                    <Text size="xs" c="orange.9" fw={600} data-testid="journal-corrected-by">
                      {t('journal.correctedBy')}{' '}
                      {e.corrected_by.map((id, i) => (
                        <span key={id}>
                          {i > 0 && t('listSeparator')}
                          <EntryRef id={id} seqs={seqs} />
                        </span>
                      ))}
                    </Text>
                  )}
                </Group>
              )}
              <Text size="sm" mt="xs" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="journal-body-text">
                {e.body}
              </Text>
              <AttachedFiles attachments={e.attachments} />
              <Text size="xs" c="dimmed" mt={4}>
                {t('journal.writtenAt', { when: formatDateTime(e.created_at, lang) })}
                {' · '}
                <Data>{e.author.name}</Data>
              </Text>
            </Paper>
          ))}
        </Box>
      )}
      {journal.hasNextPage && (
        <Group justify="center" mt="sm">
          <Button variant="default" loading={journal.isFetchingNextPage} onClick={() => void journal.fetchNextPage()}>
            {t('actions.loadMore')}
          </Button>
        </Group>
      )}
      {dialog && <EntryDialog inv={inv} corrects={dialog.corrects} onClose={() => setDialog(null)} />}
    </Section>
  );
}
