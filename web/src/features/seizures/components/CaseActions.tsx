import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconEdit, IconLockOpen, IconSend } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Case } from '@/api/types';
import { isStale } from '@/api/errors';
import { FormError } from '@/components/states';
import { StaleVersionAlert } from '@/components/StaleVersionAlert';
import { useTransition, type Transition } from '../api/seizures';
import type { caseAbilities } from '../lib/permissions';

/** Edit, Submit, Validate, Reopen — as the user's roles and the case's status allow. */
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
  const [reopenOpen, setReopenOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const run = (action: Transition, extra: { reason?: string } = {}) =>
    transition.mutate(
      { action, version: c.version, ...extra },
      {
        onSuccess: (saved) => {
          setReopenOpen(false);
          setReason('');
          notifications.show({ color: 'green', message: t(`seizures.actions.${action}Done`, { reference: saved.reference }) });
        },
      },
    );

  const error = transition.error;
  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="sm">
        {abilities.edit && (
          <Button component={Link} to={`/seizures/${c.id}/edit`} variant="default" leftSection={<IconEdit size={16} aria-hidden />}>
            {t('common.edit')}
          </Button>
        )}
        {abilities.submit && (
          <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => run('submit')} loading={transition.isPending && transition.variables?.action === 'submit'}>
            {t('seizures.actions.submit')}
          </Button>
        )}
        {abilities.validate && (
          <Button
            leftSection={<IconCheck size={16} aria-hidden />}
            onClick={() => run('validate')}
            loading={transition.isPending && transition.variables?.action === 'validate'}
          >
            {t('seizures.actions.validate')}
          </Button>
        )}
        {abilities.reopen && (
          <Button variant="outline" leftSection={<IconLockOpen size={16} aria-hidden />} onClick={() => setReopenOpen(true)}>
            {t('seizures.actions.reopen')}
          </Button>
        )}
      </Group>
      {abilities.fourEyes && (
        <Text size="sm" c="dimmed" maw={420} ta="end" data-testid="four-eyes-note">
          {t('seizures.actions.fourEyes')}
        </Text>
      )}
      {!reopenOpen &&
        error &&
        (isStale(error) ? (
          <StaleVersionAlert
            onReload={() => {
              transition.reset();
              onReload();
            }}
          />
        ) : (
          <FormError error={error} />
        ))}
      <Modal opened={reopenOpen} onClose={() => setReopenOpen(false)} title={t('seizures.actions.reopenTitle')}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const r = reason.trim();
            if (!r) return setReasonError(t('validation.required'));
            if (r.length > 1000) return setReasonError(t('validation.tooLong', { max: 1000 }));
            setReasonError(null);
            run('reopen', { reason: r });
          }}
        >
          <Stack>
            <Textarea
              label={t('seizures.actions.reopenReason')}
              description={t('seizures.actions.reopenHelp')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={reasonError}
              required
              autosize
              minRows={3}
              data-autofocus
            />
            {error && (isStale(error) ? <StaleVersionAlert onReload={() => { transition.reset(); setReopenOpen(false); onReload(); }} /> : <FormError error={error} />)}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setReopenOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={transition.isPending}>
                {t('seizures.actions.reopen')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
