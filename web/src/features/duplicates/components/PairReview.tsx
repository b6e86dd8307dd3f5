import { useState } from 'react';
import { Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconGitMerge, IconX } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import type { Company, Person } from '@/api/types';
import { useErrorMessage } from '@/components/useErrorMessage';
import { fieldErrorMessage } from '@/lib/forms';
import { formatDateTime } from '@/lib/format';
import { recordPath } from '@/lib/recordHistory';
import { isConflict, isSameRecord, isStaleMerge, useDistinctPair, useMergeRecords } from '../api/duplicates';
import type { DuplicatePair } from '../api/types';
import { recordName } from '../lib/compare';
import { reasonProblem } from '../lib/reason';
import { ReasonModal } from './ReasonModal';

/** Something the page tells after a refused step (the dialog is closed, the data read again). */
export type ReviewProblem = 'stale' | 'mergeConflict' | 'distinctConflict';

type Dialog = 'merge' | 'distinct';
type Side = 'left' | 'right';

/** Who reviewed the pair, when and why; for a merged pair, the way to the record kept. */
export function ReviewedNote({ pair }: { pair: DuplicatePair }) {
  const { t, i18n } = useTranslation();
  if (pair.status === 'open') return null;
  const survivor = pair.first.merged_into ?? pair.second.merged_into;
  return (
    <Stack gap={2} data-testid="pair-reviewed">
      <Text size="sm">
        {t(`duplicates.pair.reviewed.${pair.status}`, {
          name: pair.reviewed_by?.name ?? '—',
          when: formatDateTime(pair.reviewed_at, i18n.language),
        })}
      </Text>
      {pair.review_reason && (
        <>
          <Text size="xs" c="dimmed" fw={600} mt={4}>
            {t('duplicates.pair.reviewReason')}
          </Text>
          <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="pair-review-reason">
            {pair.review_reason}
          </Text>
        </>
      )}
      {pair.status === 'merged' && survivor && (
        <Anchor component={Link} to={recordPath(pair.kind, survivor)} size="sm" data-testid="pair-survivor-link">
          {t('duplicates.pair.survivor')}
        </Anchor>
      )}
    </Stack>
  );
}

/**
 * An open pair's decision: merge the right record into the left one or the left into the right
 * (`If-Match` the survivor's version as read, `merged_version` the other's), or declare them
 * different ("Not duplicates"). Each asks a reason in a dialog that says what will happen. A
 * merge refused because a record changed (412) or was merged meanwhile (409) closes the dialog
 * and `onProblem` tells the page, which reads the records again; after a merge the survivor's
 * page opens. Kept mounted once the pair is decided (its dialogs' callbacks then still run);
 * the buttons show only while `decidable`.
 */
export function PairReview({
  pair,
  left,
  right,
  decidable,
  onProblem,
}: {
  pair: DuplicatePair;
  /** the pair is open and both its records are themselves (neither merged since): the buttons show */
  decidable: boolean;
  /** the records as read (undefined while loading) */
  left: Person | Company | undefined;
  right: Person | Company | undefined;
  onProblem: (p: ReviewProblem) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = useErrorMessage();
  const merge = useMergeRecords();
  const distinct = useDistinctPair(pair.id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  /** the record kept by the merge asked (kept after the dialog closes, for its closing frames) */
  const [side, setSide] = useState<Side>('left');
  const [mergeReason, setMergeReason] = useState('');
  const [distinctReason, setDistinctReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const ready = !!left && !!right;
  const survivor = side === 'left' ? left : right;
  const other = side === 'left' ? right : left;

  const open = (to: Dialog, kept?: Side) => {
    merge.reset();
    distinct.reset();
    setReasonError(null);
    setError(null);
    if (kept) setSide(kept);
    setDialog(to);
  };
  const close = () => setDialog(null);

  /** A failure shown in the dialog: the reason's own error at the reason, anything else above the buttons. */
  const failed = (e: unknown) => {
    if (isSameRecord(e)) return setError(t('duplicates.merge.sameRecord'));
    const onReason = isApiError(e) && e.status === 422 ? e.problem?.errors?.find((x) => x.field === 'reason') : undefined;
    if (onReason) return setReasonError(fieldErrorMessage(t, onReason));
    setError(message(e));
  };

  const submit = () => {
    const problem = reasonProblem(t, dialog === 'distinct' ? distinctReason : mergeReason);
    if (problem) return setReasonError(problem);
    setReasonError(null);
    setError(null);
    if (dialog === 'distinct') {
      distinct.mutate(distinctReason.trim(), {
        onSuccess: () => {
          setDialog(null);
          setDistinctReason('');
          notifications.show({ color: 'green', message: t('duplicates.distinct.done') });
        },
        onError: (e) => {
          if (!isConflict(e)) return failed(e);
          setDialog(null);
          onProblem('distinctConflict');
        },
      });
      return;
    }
    if (!survivor || !other) return;
    merge.mutate(
      {
        kind: pair.kind,
        survivor: { id: survivor.id, version: survivor.version },
        merged: { id: other.id, version: other.version },
        reason: mergeReason.trim(),
        pairId: pair.id,
      },
      {
        onSuccess: (m) => {
          setMergeReason('');
          notifications.show({ color: 'green', message: t('duplicates.merge.done', { merged: m.merged.label, survivor: m.survivor.label }) });
          void navigate(recordPath(m.kind, m.survivor.id));
        },
        onError: (e) => {
          if (isStaleMerge(e)) {
            setDialog(null);
            return onProblem('stale');
          }
          if (isConflict(e)) {
            setDialog(null);
            return onProblem('mergeConflict');
          }
          failed(e);
        },
      },
    );
  };

  const names = { survivor: survivor ? recordName(survivor) : '', merged: other ? recordName(other) : '' };
  return (
    <>
      {decidable && (
        <Stack gap={4} align="flex-end">
          <Group gap="sm" data-testid="pair-review" justify="flex-end">
            <Button leftSection={<IconGitMerge size={16} aria-hidden />} disabled={!ready} title={t('duplicates.merge.leftHelp')} onClick={() => open('merge', 'left')}>
              {t('duplicates.merge.left')}
            </Button>
            <Button leftSection={<IconGitMerge size={16} aria-hidden />} disabled={!ready} title={t('duplicates.merge.rightHelp')} onClick={() => open('merge', 'right')}>
              {t('duplicates.merge.right')}
            </Button>
            <Button variant="outline" color="red.9" leftSection={<IconX size={16} aria-hidden />} onClick={() => open('distinct')}>
              {t('duplicates.distinct.action')}
            </Button>
          </Group>
          {!ready && (
            <Text size="xs" c="dimmed">
              {t('duplicates.merge.loading')}
            </Text>
          )}
        </Stack>
      )}

      <ReasonModal
        opened={dialog === 'merge'}
        title={t('duplicates.merge.title', { survivor: names.survivor })}
        reasonLabel={t('duplicates.merge.reason')}
        submitLabel={t('duplicates.merge.submit')}
        reason={mergeReason}
        onReason={setMergeReason}
        reasonError={reasonError}
        error={error}
        pending={merge.isPending}
        onSubmit={submit}
        onClose={close}
        testId="merge-dialog"
      >
        <Text size="sm" data-testid="merge-summary">
          {t('duplicates.merge.summary', names)}
        </Text>
        <List size="sm" spacing={4} data-testid="merge-consequences">
          <List.Item>{t(`duplicates.merge.moves.${pair.kind}`, names)}</List.Item>
          <List.Item>{t('duplicates.merge.alerts', names)}</List.Item>
          <List.Item>{t('duplicates.merge.redirect', names)}</List.Item>
          <List.Item>{t('duplicates.merge.undo')}</List.Item>
        </List>
      </ReasonModal>

      <ReasonModal
        opened={dialog === 'distinct'}
        title={t('duplicates.distinct.title')}
        reasonLabel={t('duplicates.distinct.reason')}
        submitLabel={t('duplicates.distinct.submit')}
        reason={distinctReason}
        onReason={setDistinctReason}
        reasonError={reasonError}
        error={error}
        pending={distinct.isPending}
        danger
        onSubmit={submit}
        onClose={close}
        testId="distinct-dialog"
      >
        <Text size="sm">{t('duplicates.distinct.help')}</Text>
      </ReasonModal>
    </>
  );
}
