import { useState } from 'react';
import { ActionIcon, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconDots,
  IconEdit,
  IconExternalLink,
  IconPlayerPause,
  IconPlayerPlay,
  IconShare,
  IconShareOff,
  IconTrash,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError, isStale } from '@/api/errors';
import { useMe } from '@/api/queries/me';
import { FREE_TEXT } from '@/components/freeText';
import { FormError } from '@/components/states';
import { StaleVersionAlert } from '@/components/StaleVersionAlert';
import { useErrorMessage } from '@/components/useErrorMessage';
import { can } from '@/lib/permissions';
import { searchListPath } from '@/lib/savedSearch';
import { searchProblemMessage } from '@/lib/seizureSearch';
import { useDeleteSearch, useUpdateSearch, type SavedSearch, type SavedSearchPatch } from '../api/searches';

const MAX_NAME = 200;
type Dialog = 'rename' | 'delete' | null;

/**
 * What one may do with a saved search: open it in the list it searches (anyone who sees it and
 * reads that list: a register's search needs the registers too), and
 * for its owner pause or resume it, share or stop sharing it, rename it and delete it (after a
 * confirmation). A menu in the list's rows (`menu`), a row of buttons on its page (`buttons`).
 * Changes are sent at the version shown (If-Match); one made meanwhile is said so, and the
 * search is read again.
 */
export function SearchActions({ search, layout, onDeleted }: { search: SavedSearch; layout: 'menu' | 'buttons'; onDeleted?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const update = useUpdateSearch();
  const [dialog, setDialog] = useState<Dialog>(null);
  const { data: me } = useMe();
  const listPath = search.target === 'seizures' || can(me, 'registers.read') ? searchListPath(search.target, search.query) : null;
  const openLabel = t(`searches:actions.openIn.${search.target}`);

  const change = (patch: SavedSearchPatch, done: string) =>
    update.mutate(
      { search, patch },
      {
        onSuccess: (s) => notifications.show({ color: 'green', message: t(done, { name: s.name }) }),
        onError: (e) => notifications.show({ color: 'red', message: isStale(e) ? t('errors.codes.precondition_failed') : message(e) }),
      },
    );
  const pause = () => change({ active: !search.active }, search.active ? 'searches:actions.paused' : 'searches:actions.resumed');
  const share = () => change({ shared: !search.shared }, search.shared ? 'searches:actions.unsharedDone' : 'searches:actions.sharedDone');

  const dialogs = search.mine && (
    <>
      <Modal opened={dialog === 'rename'} onClose={() => setDialog(null)} title={t('searches:actions.renameTitle')}>
        {dialog === 'rename' && <RenameForm search={search} onDone={() => setDialog(null)} />}
      </Modal>
      <Modal opened={dialog === 'delete'} onClose={() => setDialog(null)} title={t('searches:actions.deleteTitle')}>
        {dialog === 'delete' && <DeleteForm search={search} onDone={() => setDialog(null)} onDeleted={onDeleted} />}
      </Modal>
    </>
  );

  if (layout === 'menu') {
    // nothing to offer: no empty menu
    if (!listPath && !search.mine) return null;
    return (
      <>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('searches:actions.label', { name: search.name })} data-testid="search-actions">
              <IconDots size={18} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {listPath && (
              <Menu.Item component={Link} to={listPath} leftSection={<IconExternalLink size={14} aria-hidden />}>
                {openLabel}
              </Menu.Item>
            )}
            {search.mine && (
              <>
                {listPath && <Menu.Divider />}
                <Menu.Item leftSection={search.active ? <IconPlayerPause size={14} aria-hidden /> : <IconPlayerPlay size={14} aria-hidden />} onClick={pause}>
                  {t(search.active ? 'searches:actions.pause' : 'searches:actions.resume')}
                </Menu.Item>
                <Menu.Item leftSection={search.shared ? <IconShareOff size={14} aria-hidden /> : <IconShare size={14} aria-hidden />} onClick={share}>
                  {t(search.shared ? 'searches:actions.unshare' : 'searches:actions.share')}
                </Menu.Item>
                <Menu.Item leftSection={<IconEdit size={14} aria-hidden />} onClick={() => setDialog('rename')}>
                  {t('searches:actions.rename')}
                </Menu.Item>
                <Menu.Item color="red.9" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setDialog('delete')}>
                  {t('searches:actions.delete')}
                </Menu.Item>
              </>
            )}
          </Menu.Dropdown>
        </Menu>
        {dialogs}
      </>
    );
  }

  return (
    <Group gap="sm" justify="flex-end" data-testid="search-actions">
      {listPath && (
        <Button component={Link} to={listPath} variant="default" leftSection={<IconExternalLink size={16} aria-hidden />}>
          {openLabel}
        </Button>
      )}
      {search.mine && (
        <>
          <Button
            variant="default"
            leftSection={search.active ? <IconPlayerPause size={16} aria-hidden /> : <IconPlayerPlay size={16} aria-hidden />}
            loading={update.isPending && update.variables?.patch.active != null}
            disabled={update.isPending}
            onClick={pause}
          >
            {t(search.active ? 'searches:actions.pause' : 'searches:actions.resume')}
          </Button>
          <Button
            variant="default"
            leftSection={search.shared ? <IconShareOff size={16} aria-hidden /> : <IconShare size={16} aria-hidden />}
            loading={update.isPending && update.variables?.patch.shared != null}
            disabled={update.isPending}
            onClick={share}
          >
            {t(search.shared ? 'searches:actions.unshare' : 'searches:actions.share')}
          </Button>
          <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setDialog('rename')}>
            {t('searches:actions.rename')}
          </Button>
          <Button variant="outline" color="red.9" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDialog('delete')}>
            {t('searches:actions.delete')}
          </Button>
        </>
      )}
      {dialogs}
    </Group>
  );
}

function RenameForm({ search, onDone }: { search: SavedSearch; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateSearch();
  const [name, setName] = useState(search.name);
  const [error, setError] = useState<string | null>(null);
  const serverName = isApiError(update.error) ? update.error.problem?.errors?.find((e) => e.field === 'name') : undefined;

  const submit = () => {
    const text = name.trim();
    if (!text) return setError(t('validation.required'));
    if (text.length > MAX_NAME) return setError(t('validation.tooLong', { max: MAX_NAME }));
    setError(null);
    if (text === search.name) return onDone();
    update.mutate(
      { search, patch: { name: text } },
      {
        onSuccess: (s) => {
          onDone();
          notifications.show({ color: 'green', message: t('searches:actions.renamed', { name: s.name }) });
        },
      },
    );
  };

  return (
    <form
      noValidate
      data-testid="rename-search-dialog"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={t('searches:save.name')}
          description={t('searches:save.nameHelp')}
          required
          maxLength={MAX_NAME}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={error ?? (serverName ? searchProblemMessage(t, serverName) : null)}
          {...FREE_TEXT}
          data-autofocus
        />
        {isStale(update.error) ? <StaleVersionAlert onReload={onDone} /> : !serverName && <FormError error={update.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('searches:actions.rename')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeleteForm({ search, onDone, onDeleted }: { search: SavedSearch; onDone: () => void; onDeleted?: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteSearch();
  return (
    <Stack gap="sm" data-testid="delete-search-dialog">
      <Text size="sm">{t('searches:actions.deleteBody', { name: search.name })}</Text>
      <FormError error={remove.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button
          color="red.9"
          loading={remove.isPending}
          onClick={() =>
            remove.mutate(search, {
              onSuccess: (s) => {
                onDone();
                notifications.show({ color: 'green', message: t('searches:actions.deleted', { name: s.name }) });
                onDeleted?.();
              },
            })
          }
        >
          {t('searches:actions.delete')}
        </Button>
      </Group>
    </Stack>
  );
}
