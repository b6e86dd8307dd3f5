import { useState } from 'react';
import { Alert as Note, Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBan, IconCalendarRepeat, IconEdit, IconPlayerPlay } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError, isStale } from '@/api/errors';
import { FREE_TEXT } from '@/components/freeText';
import { FormError } from '@/components/states';
import { StaleVersionAlert } from '@/components/StaleVersionAlert';
import { isOwnAlert, useAlertStep, type AlertStep } from '../api/alerts';
import type { Alert } from '../api/types';
import type { AlertAbilities } from '../lib/abilities';
import { alertFieldErrorMessage, isDay, renewalBounds, today } from '../lib/alertForm';
import { formatDay } from '../lib/format';

const MAX_REASON = 1000;
type Step = AlertStep['action'];

/** Why a step is refused because the user wrote or owns the alert: said plainly, not as a bare "forbidden". */
function OwnAlertNote() {
  const { t } = useTranslation();
  return (
    <Note color="orange" variant="light" role="alert" data-testid="own-alert">
      {t('alerts.workflow.ownAlert')}
    </Note>
  );
}

/**
 * Edit (a draft), Activate (a draft; a supervisor who neither wrote nor owns it), Renew (an
 * active or expired alert; the same rule) and Withdraw (with a reason) — as the user's
 * permissions and the alert's status allow. Each step is confirmed in a dialog and sent with
 * the version the user saw (If-Match).
 */
export function AlertActions({ alert, abilities, onReload }: { alert: Alert; abilities: AlertAbilities; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const mutation = useAlertStep(alert.id);
  const [step, setStep] = useState<Step | null>(null);
  const [reason, setReason] = useState('');
  const bounds = renewalBounds(today(), alert.valid_until);
  const [until, setUntil] = useState(bounds.initial);
  const [fieldError, setFieldError] = useState<string | null>(null);

  const open = (s: Step) => {
    mutation.reset();
    setReason('');
    setUntil(bounds.initial);
    setFieldError(null);
    setStep(s);
  };
  const close = () => setStep(null);

  const confirm = () => {
    if (!step) return;
    let body: AlertStep;
    if (step === 'withdraw') {
      const text = reason.trim();
      if (!text) return setFieldError(t('validation.required'));
      if (text.length > MAX_REASON) return setFieldError(t('validation.tooLong', { max: MAX_REASON }));
      body = { action: 'withdraw', reason: text };
    } else if (step === 'renew') {
      if (!isDay(until)) return setFieldError(t('alerts.validation.day'));
      if (until < today()) return setFieldError(t('alerts.validation.past'));
      if (until > bounds.max) return setFieldError(t('alerts.validation.tooLong'));
      body = { action: 'renew', valid_until: until };
    } else {
      body = { action: 'activate' };
    }
    setFieldError(null);
    mutation.mutate(
      { version: alert.version, step: body },
      {
        onSuccess: (saved) => {
          setStep(null);
          const done =
            body.action === 'renew'
              ? t('alerts.workflow.renewDone', { reference: saved.reference, until: formatDay(saved.valid_until, i18n.language) })
              : t(`alerts.workflow.${body.action}Done`, { reference: saved.reference });
          notifications.show({ color: 'green', message: done });
        },
        onError: (e) => {
          const first = isApiError(e) ? e.problem?.errors?.[0] : undefined;
          if (first) setFieldError(alertFieldErrorMessage(t, first));
        },
      },
    );
  };

  const error = mutation.error;
  const errorView = (inDialog: boolean) =>
    isOwnAlert(error) ? (
      <OwnAlertNote />
    ) : isStale(error) ? (
      <StaleVersionAlert
        onReload={() => {
          mutation.reset();
          if (inDialog) close();
          onReload();
        }}
      />
    ) : fieldError && isApiError(error) && error.status === 422 ? null : (
      <FormError error={error} />
    );

  // a supervisor who wrote or owns the alert sees why they cannot activate or renew it
  const ownBlocked = abilities.own && (abilities.activate || abilities.renew);
  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="sm" justify="flex-end">
        {abilities.edit && (
          <Button component={Link} to={`/alerts/${alert.id}/edit`} variant="default" leftSection={<IconEdit size={16} aria-hidden />}>
            {t('common.edit')}
          </Button>
        )}
        {abilities.withdraw && (
          <Button variant="outline" color="red.9" leftSection={<IconBan size={16} aria-hidden />} onClick={() => open('withdraw')}>
            {t('alerts.workflow.withdraw')}
          </Button>
        )}
        {abilities.renew && (
          <Button variant="outline" leftSection={<IconCalendarRepeat size={16} aria-hidden />} disabled={abilities.own} onClick={() => open('renew')}>
            {t('alerts.workflow.renew')}
          </Button>
        )}
        {abilities.activate && (
          <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} disabled={abilities.own} onClick={() => open('activate')}>
            {t('alerts.workflow.activate')}
          </Button>
        )}
      </Group>
      {ownBlocked && (
        <Text size="sm" c="dimmed" maw={420} ta="end" data-testid="own-alert-note">
          {t('alerts.workflow.ownAlert')}
        </Text>
      )}
      {alert.status === 'active' && (
        <Text size="sm" c="dimmed" maw={420} ta="end">
          {t('alerts.workflow.activeNotEdited')}
        </Text>
      )}
      {!step && error && errorView(false)}
      <Modal opened={!!step} onClose={close} title={step ? t(`alerts.workflow.${step}Title`, { reference: alert.reference }) : ''}>
        {step && (
          <form
            noValidate
            data-testid="alert-step-dialog"
            data-action={step}
            onSubmit={(e) => {
              e.preventDefault();
              confirm();
            }}
          >
            <Stack>
              {step === 'activate' && <Text size="sm">{t('alerts.workflow.activateHelp')}</Text>}
              {step === 'withdraw' && (
                <Textarea
                  label={t('alerts.workflow.withdrawReason')}
                  description={t('alerts.workflow.withdrawHelp')}
                  required
                  autosize
                  minRows={3}
                  maxLength={MAX_REASON}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  error={fieldError}
                  {...FREE_TEXT}
                  data-autofocus
                />
              )}
              {step === 'renew' && (
                <TextInput
                  type="date"
                  label={t('alerts.workflow.renewUntil')}
                  description={t('alerts.workflow.renewHelp', { max: formatDay(bounds.max, i18n.language) })}
                  required
                  min={today()}
                  max={bounds.max}
                  value={until}
                  onChange={(e) => setUntil(e.currentTarget.value)}
                  error={fieldError}
                  data-autofocus
                />
              )}
              {error && errorView(true)}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={mutation.isPending} color={step === 'withdraw' ? 'red.9' : undefined}>
                  {t(`alerts.workflow.${step}`)}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}
