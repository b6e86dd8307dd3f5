import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import '@/i18n/investigations';
import { isApiError, isStale } from '@/api/errors';
import { FREE_TEXT } from '@/components/freeText';
import { useTransition } from '../api/investigations';
import type { Investigation, InvestigationStatus, Outcome } from '../api/types';
import { OUTCOMES } from '../api/types';
import { fieldMessage } from '../lib/problems';
import { needsLead, orderedNext, transitionAction } from '../lib/workflow';
import { Problem } from './parts';

const MAX_REASON = 2000;

/**
 * The moves the caller may make now (`next_statuses`, computed by the server for them), each a
 * button opening a dialog that asks the reason (and, closing, the outcome), sent with the
 * version seen (If-Match). Changed meanwhile (412): reloaded, and said so.
 */
export function TransitionActions({ inv, onReload }: { inv: Investigation; onReload: () => void }) {
  const { t } = useTranslation('investigations');
  const mutation = useTransition(inv.id);
  const [to, setTo] = useState<InvestigationStatus | null>(null);
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [errors, setErrors] = useState<{ reason?: string; outcome?: string }>({});
  const [reloaded, setReloaded] = useState(false);
  const next = orderedNext(inv.next_statuses);

  const open = (s: InvestigationStatus) => {
    mutation.reset();
    setReason('');
    setOutcome(null);
    setErrors({});
    setReloaded(false);
    setTo(s);
  };
  const close = () => setTo(null);

  const confirm = () => {
    if (!to) return;
    const text = reason.trim();
    const invalid: typeof errors = {};
    if (!text) invalid.reason = t('validation.required');
    else if (text.length > MAX_REASON) invalid.reason = t('validation.tooLong');
    if (to === 'closed' && !outcome) invalid.outcome = t('validation.required');
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    mutation.mutate(
      { version: inv.version, body: { to, reason: text, outcome: to === 'closed' ? outcome : null } },
      {
        onSuccess: (saved) => {
          setTo(null);
          notifications.show({ color: 'green', message: t('workflow.done', { reference: saved.reference, status: t(`statuses.${saved.status}`) }) });
        },
        onError: (e) => {
          if (isStale(e)) {
            setReloaded(true);
            onReload();
            return;
          }
          const fields: typeof errors = {};
          for (const fe of isApiError(e) ? (e.problem?.errors ?? []) : []) {
            if (fe.field === 'reason' || fe.field === 'outcome') fields[fe.field] ??= fieldMessage(t, fe);
          }
          setErrors(fields);
        },
      },
    );
  };

  const action = to ? transitionAction(inv.status, to) : null;
  const stillOffered = to ? inv.next_statuses.includes(to) : false;
  const error = mutation.error;
  const fieldErrorsShown = isApiError(error) && error.status === 422 && (errors.reason || errors.outcome);

  if (next.length === 0 && !to) return null;
  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="sm" justify="flex-end" role="group" aria-label={t('workflow.label')} data-testid="transitions">
        {next.map((s) => (
          <Button
            key={s}
            variant={s === 'closed' || s === 'suspended' ? 'outline' : 'filled'}
            color={s === 'closed' ? 'red.9' : undefined}
            data-testid={`transition-${s}`}
            onClick={() => open(s)}
          >
            {t(`workflow.actions.${transitionAction(inv.status, s)}`)}
          </Button>
        ))}
      </Group>
      <Modal opened={!!to} onClose={close} title={action ? t('workflow.dialogTitle', { action: t(`workflow.actions.${action}`), reference: inv.reference }) : ''}>
        {to && (
          <form
            noValidate
            data-testid="transition-dialog"
            data-to={to}
            onSubmit={(e) => {
              e.preventDefault();
              confirm();
            }}
          >
            <Stack>
              <Text size="sm">{t('workflow.move', { from: t(`statuses.${inv.status}`), to: t(`statuses.${to}`) })}</Text>
              {needsLead(to) && !inv.lead && (
                <Alert color="orange" variant="light" data-testid="transition-needs-lead">
                  {t('workflow.needsLead')}
                </Alert>
              )}
              {to === 'closed' && (
                <Select
                  label={t('fields.outcome')}
                  withAsterisk
                  data={OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
                  value={outcome}
                  onChange={(o) => setOutcome((o as Outcome | null) ?? null)}
                  error={errors.outcome}
                  comboboxProps={{ withinPortal: true }}
                  data-testid="transition-outcome"
                />
              )}
              <Textarea
                label={t('workflow.reason')}
                description={t('workflow.reasonHelp')}
                withAsterisk
                autosize
                minRows={3}
                maxLength={MAX_REASON}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={errors.reason}
                data-testid="transition-reason"
                data-autofocus
                {...FREE_TEXT}
              />
              {reloaded ? (
                <Alert color="orange" variant="light" role="alert" data-testid="transition-stale">
                  {stillOffered ? t('workflow.staleReloaded') : t('workflow.staleGone')}
                </Alert>
              ) : (
                error && !fieldErrorsShown && <Problem error={error} />
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('actions.cancel')}
                </Button>
                <Button type="submit" loading={mutation.isPending} disabled={reloaded && !stillOffered} color={to === 'closed' ? 'red.9' : undefined} data-testid="transition-submit">
                  {action ? t(`workflow.actions.${action}`) : ''}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}
