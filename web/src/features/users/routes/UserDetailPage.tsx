import { Anchor, Badge, Breadcrumbs, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconKey, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import { Data } from '@/components/Bidi';
import { ErrorState, FormError, LoadingState } from '@/components/states';
import { isStale } from '@/api/errors';
import { StaleVersionAlert } from '@/components/StaleVersionAlert';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useUpdateUser, useUser } from '../api/users';
import { EditUserForm } from '../components/EditUserForm';
import { ResetPasswordModal } from '../components/ResetPasswordModal';

export function UserDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const user = useUser(id);
  const update = useUpdateUser(id);
  const [resetOpen, resetModal] = useDisclosure(false);
  const [confirmOpen, confirmModal] = useDisclosure(false);
  const manage = can(me, 'users.manage');

  if (user.isPending) return <LoadingState />;
  if (user.isError) return <ErrorState error={user.error} onRetry={() => void user.refetch()} />;
  const u = user.data;
  const isSelf = me?.id === u.id;

  const toggleDisabled = () =>
    update.mutate(
      { version: u.version, changes: { disabled: !u.disabled } },
      {
        onSuccess: (saved) => {
          confirmModal.close();
          notifications.show({
            color: 'green',
            message: saved.disabled
              ? t('users.disabledDone', { username: saved.username })
              : t('users.enabledDone', { username: saved.username }),
          });
        },
      },
    );

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/admin/users">
          {t('users.title')}
        </Anchor>
        <Text>
          <Data>{u.username}</Data>
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} size="h2">
              <Data>{u.display_name}</Data>
            </Title>
            {u.disabled ? (
              <Badge color="gray" variant="dot" data-testid="user-status">
                {t('users.disabled')}
              </Badge>
            ) : (
              <Badge color="green" variant="dot" data-testid="user-status">
                {t('users.active')}
              </Badge>
            )}
          </Group>
          <Text c="dimmed" size="sm">
            <Data>{u.username}</Data> · {t('users.updatedAt', { when: formatDateTime(u.updated_at, i18n.language) })}
          </Text>
        </Stack>
        {manage && (
          <Group gap="sm">
            <Button variant="default" leftSection={<IconKey size={16} aria-hidden />} onClick={resetModal.open}>
              {t('users.resetPassword')}
            </Button>
            {!isSelf && (
              <Button
                color={u.disabled ? undefined : 'red'}
                variant={u.disabled ? 'filled' : 'outline'}
                leftSection={u.disabled ? <IconUserCheck size={16} aria-hidden /> : <IconUserOff size={16} aria-hidden />}
                onClick={u.disabled ? toggleDisabled : confirmModal.open}
                loading={update.isPending && !confirmOpen}
              >
                {u.disabled ? t('users.enable') : t('users.disable')}
              </Button>
            )}
          </Group>
        )}
      </Group>

      {!confirmOpen && update.error && (isStale(update.error) ? (
        <StaleVersionAlert onReload={() => { update.reset(); void user.refetch(); }} />
      ) : (
        <FormError error={update.error} />
      ))}

      <Paper withBorder p="md">
        <EditUserForm key={u.version} user={u} readOnly={!manage} onReload={() => void user.refetch()} />
      </Paper>

      <ResetPasswordModal user={u} opened={resetOpen} onClose={resetModal.close} />
      <Modal opened={confirmOpen} onClose={confirmModal.close} title={t('users.disableConfirmTitle')}>
        <Stack>
          <Text>{t('users.disableConfirmBody', { username: u.username })}</Text>
          {update.error && <FormError error={update.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={confirmModal.close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={toggleDisabled} loading={update.isPending}>
              {t('users.disable')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
