import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { FREE_TEXT } from '@/components/freeText';
import { FormError } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { useReviewHit } from '../api/alerts';
import type { HitDetail } from '../api/types';
import { alertFieldErrorMessage } from '../lib/alertForm';

const MAX_REASON = 1000;
type Outcome = 'confirmed' | 'dismissed';

/** Who reviewed the hit, when, and why. */
export function ReviewedNote({ hit }: { hit: HitDetail }) {
  const { t, i18n } = useTranslation();
  if (hit.status === 'new') return null;
  return (
    <Stack gap={2} data-testid="hit-reviewed">
      <Text size="sm">
        {t('alerts.hit.reviewed', {
          status: t(`alerts.hits.statuses.${hit.status}`),
          name: hit.reviewed_by?.name ?? '—',
          when: formatDateTime(hit.reviewed_at, i18n.language),
        })}
      </Text>
      {hit.review_reason && (
        <>
          <Text size="xs" c="dimmed" fw={600} mt={4}>
            {t('alerts.hit.reviewReason')}
          </Text>
          <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="hit-review-reason">
            {hit.review_reason}
          </Text>
        </>
      )}
    </Stack>
  );
}

/**
 * Confirm (the record is the alert's subject; a reason may be given) or Dismiss (it is not; a
 * reason is required, and the same data will not hit the alert again) a new hit.
 */
export function HitReview({ hit }: { hit: HitDetail }) {
  const { t } = useTranslation();
  const review = useReviewHit(hit.id);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  if (hit.status !== 'new') return null;

  const open = (o: Outcome) => {
    review.reset();
    setReason('');
    setReasonError(null);
    setOutcome(o);
  };
  const close = () => setOutcome(null);
  const confirm = () => {
    if (!outcome) return;
    const text = reason.trim();
    if (outcome === 'dismissed' && !text) return setReasonError(t('validation.required'));
    if (text.length > MAX_REASON) return setReasonError(t('validation.tooLong', { max: MAX_REASON }));
    setReasonError(null);
    review.mutate(
      { to: outcome, reason: text },
      {
        onSuccess: () => {
          setOutcome(null);
          notifications.show({ color: 'green', message: t(outcome === 'confirmed' ? 'alerts.hit.confirmDone' : 'alerts.hit.dismissDone') });
        },
        onError: (e) => {
          const first = isApiError(e) ? e.problem?.errors?.[0] : undefined;
          if (first) setReasonError(alertFieldErrorMessage(t, first));
        },
      },
    );
  };
  const key = outcome === 'confirmed' ? 'confirm' : 'dismiss';
  const fieldShown = !!reasonError && isApiError(review.error) && review.error.status === 422;
  return (
    <>
      <Group gap="sm" data-testid="hit-review">
        <Button leftSection={<IconCheck size={16} aria-hidden />} onClick={() => open('confirmed')}>
          {t('alerts.hit.confirm')}
        </Button>
        <Button variant="outline" color="red.9" leftSection={<IconX size={16} aria-hidden />} onClick={() => open('dismissed')}>
          {t('alerts.hit.dismiss')}
        </Button>
      </Group>
      <Modal opened={!!outcome} onClose={close} title={outcome ? t(`alerts.hit.${key}Title`) : ''}>
        {outcome && (
          <form
            noValidate
            data-testid="hit-review-dialog"
            data-outcome={outcome}
            onSubmit={(e) => {
              e.preventDefault();
              confirm();
            }}
          >
            <Stack>
              <Text size="sm">{t(`alerts.hit.${key}Help`)}</Text>
              <Textarea
                label={t(outcome === 'confirmed' ? 'alerts.hit.confirmReason' : 'alerts.hit.dismissReason')}
                required={outcome === 'dismissed'}
                autosize
                minRows={3}
                maxLength={MAX_REASON}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={reasonError}
                {...FREE_TEXT}
                data-autofocus
              />
              {review.error && !fieldShown && <FormError error={review.error} />}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={review.isPending} color={outcome === 'dismissed' ? 'red.9' : undefined}>
                  {t(`alerts.hit.${key}`)}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}
