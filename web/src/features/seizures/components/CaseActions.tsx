import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCheck, IconEdit, IconLockOpen, IconSend } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Case } from '@/api/types';
import { isStale } from '@/api/errors';
import { FormError } from '@/components/states';
import { StaleVersionAlert } from '@/components/StaleVersionAlert';
import { FREE_TEXT } from '@/components/freeText';
import { useTransition, type Transition } from '../api/seizures';
import type { caseAbilities } from '../lib/permissions';

const MAX_TEXT = 1000;

/** What each step asks: an optional comment (submit, validate) or a required reason (send back, reopen). */
const STEPS: Record<Transition, { required: boolean; label: string; help: string; title: string; confirm: string; done: string }> = {
  submit: {
    required: false,
    label: 'seizures.actions.comment',
    help: 'seizures.actions.submitHelp',
    title: 'seizures.actions.submitTitle',
    confirm: 'seizures.actions.submit',
    done: 'seizures.actions.submitDone',
  },
  validate: {
    required: false,
    label: 'seizures.actions.comment',
    help: 'seizures.actions.validateHelp',
    title: 'seizures.actions.validateTitle',
    confirm: 'seizures.actions.validate',
    done: 'seizures.actions.validateDone',
  },
  return: {
    required: true,
    label: 'seizures.actions.returnReason',
    help: 'seizures.actions.returnHelp',
    title: 'seizures.actions.returnTitle',
    confirm: 'seizures.actions.returnConfirm',
    done: 'seizures.actions.returnDone',
  },
  reopen: {
    required: true,
    label: 'seizures.actions.reopenReason',
    help: 'seizures.actions.reopenHelp',
    title: 'seizures.actions.reopenTitle',
    confirm: 'seizures.actions.reopen',
    done: 'seizures.actions.reopenDone',
  },
};

/**
 * Edit, Submit, Validate, Send back, Reopen — as the user's roles and the case's status allow.
 * Each step is confirmed in a dialog that takes a comment (submit, validate: optional) or a
 * reason (send back, reopen: required); both go into the case's history.
 */
export function CaseActions({
  c,
  abilities,
  onReload,
}: {
  c: Case;
  abilities: ReturnType<typeof caseAbilities>;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const transition = useTransition(c.id);
  const [step, setStep] = useState<Transition | null>(null);
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string | null>(null);

  const open = (s: Transition) => {
    transition.reset();
    setText('');
    setTextError(null);
    setStep(s);
  };
  const close = () => setStep(null);

  const confirm = (s: Transition) => {
    const value = text.trim();
    if (STEPS[s].required && !value) return setTextError(t('validation.required'));
    if (value.length > MAX_TEXT) return setTextError(t('validation.tooLong', { max: MAX_TEXT }));
    setTextError(null);
    transition.mutate(
      { action: s, version: c.version, text: value },
      {
        onSuccess: (saved) => {
          setStep(null);
          setText('');
          notifications.show({ color: 'green', message: t(STEPS[s].done, { reference: saved.reference }) });
        },
      },
    );
  };

  const error = transition.error;
  const errorView = (closeFirst: boolean) =>
    isStale(error) ? (
      <StaleVersionAlert
        onReload={() => {
          transition.reset();
          if (closeFirst) close();
          onReload();
        }}
      />
    ) : (
      <FormError error={error} />
    );
  const current = step ? STEPS[step] : null;
  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="sm" justify="flex-end">
        {abilities.edit && (
          <Button component={Link} to={`/seizures/${c.id}/edit`} variant="default" leftSection={<IconEdit size={16} aria-hidden />}>
            {t('common.edit')}
          </Button>
        )}
        {abilities.sendBack && (
          <Button variant="outline" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => open('return')}>
            {t('seizures.actions.return')}
          </Button>
        )}
        {abilities.submit && (
          <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => open('submit')}>
            {t('seizures.actions.submit')}
          </Button>
        )}
        {abilities.validate && (
          <Button leftSection={<IconCheck size={16} aria-hidden />} onClick={() => open('validate')}>
            {t('seizures.actions.validate')}
          </Button>
        )}
        {abilities.reopen && (
          <Button variant="outline" leftSection={<IconLockOpen size={16} aria-hidden />} onClick={() => open('reopen')}>
            {t('seizures.actions.reopen')}
          </Button>
        )}
      </Group>
      {abilities.fourEyes && (
        <Text size="sm" c="dimmed" maw={420} ta="end" data-testid="four-eyes-note">
          {t('seizures.actions.fourEyes')}
        </Text>
      )}
      {!step && error && errorView(false)}
      <Modal opened={!!step} onClose={close} title={current ? t(current.title, { reference: c.reference }) : ''}>
        {step && current && (
          <form
            noValidate
            data-testid="workflow-dialog"
            data-action={step}
            onSubmit={(e) => {
              e.preventDefault();
              confirm(step);
            }}
          >
            <Stack>
              <Textarea
                label={t(current.label)}
                description={t(current.help)}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                error={textError}
                required={current.required}
                autosize
                minRows={3}
                {...FREE_TEXT}
                data-autofocus
              />
              {error && errorView(true)}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={transition.isPending}>
                  {t(current.confirm)}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}
