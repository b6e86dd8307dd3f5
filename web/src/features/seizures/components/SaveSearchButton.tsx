import { useState } from 'react';
import { Alert, Anchor, Button, Checkbox, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBookmarkPlus } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { FREE_TEXT } from '@/components/freeText';
import { SeizureSearchSummary } from '@/components/SeizureSearchSummary';
import { FormError } from '@/components/states';
import '@/i18n/searches';
import { searchEntries, searchFieldLabel, searchProblemMessage, type SeizureSearch } from '@/lib/seizureSearch';
import { useCreateSavedSearch } from '../api/savedSearches';

const MAX_NAME = 200;

/**
 * "Save this search" on the seizure list: the list's filters and text (not its order) kept as
 * a rule of the user's (`POST /saved-searches`), named, optionally shared with their unit. The
 * server's refusals go next to the name or under the filters they concern.
 */
export function SaveSearchButton({ search }: { search: SeizureSearch }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" variant="default" leftSection={<IconBookmarkPlus size={14} aria-hidden />} onClick={() => setOpened(true)} data-testid="save-search">
        {t('searches:save.button')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('searches:save.title')}>
        {opened && <SaveSearchForm search={search} onDone={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

function SaveSearchForm({ search, onDone }: { search: SeizureSearch; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateSavedSearch();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);

  const error = create.error;
  const problems = isApiError(error) ? (error.problem?.errors ?? []) : [];
  const serverName = problems.find((p) => p.field === 'name');
  const filterProblems = problems.filter((p) => p.field.startsWith('query.'));
  const tooMany = isApiError(error) && error.status === 409;
  const otherError = error && !tooMany && !serverName && filterProblems.length === 0 ? error : null;

  const submit = () => {
    const text = name.trim();
    if (!text) return setNameError(t('validation.required'));
    if (text.length > MAX_NAME) return setNameError(t('validation.tooLong', { max: MAX_NAME }));
    setNameError(null);
    create.mutate(
      { name: text, query: search, shared },
      {
        onSuccess: (saved) => {
          onDone();
          const id = `saved-search-${saved.id}`;
          const to = `/searches/${saved.id}`;
          notifications.show({
            id,
            color: 'green',
            message: (
              <Anchor
                href={to}
                size="sm"
                onClick={(e) => {
                  e.preventDefault();
                  notifications.hide(id);
                  void navigate(to);
                }}
              >
                {t('searches:save.saved', { name: saved.name })}
              </Anchor>
            ),
          });
        },
      },
    );
  };

  return (
    <form
      noValidate
      data-testid="save-search-dialog"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('searches:save.help')}</Text>
        <TextInput
          label={t('searches:save.name')}
          description={t('searches:save.nameHelp')}
          required
          maxLength={MAX_NAME}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={nameError ?? (serverName ? searchProblemMessage(t, serverName) : null)}
          {...FREE_TEXT}
          data-autofocus
        />
        <Checkbox
          label={t('searches:save.shared')}
          description={t('searches:save.sharedHelp')}
          checked={shared}
          onChange={(e) => setShared(e.currentTarget.checked)}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('searches:save.filters')}
          </Text>
          <SeizureSearchSummary search={search} />
          {searchEntries(search).length === 0 && (
            <Text size="xs" c="dimmed">
              {t('searches:save.noFilter')}
            </Text>
          )}
        </Stack>
        {filterProblems.length > 0 && (
          <Alert color="red" variant="light" role="alert" data-testid="save-search-filter-errors" title={t('searches:save.invalid')}>
            <List size="sm">
              {filterProblems.map((p) => (
                <List.Item key={p.field}>
                  {searchFieldLabel(t, p.field.slice('query.'.length))}
                  {t('searches:summary.separator')}
                  {searchProblemMessage(t, p)}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {tooMany && (
          <Alert color="orange" variant="light" role="alert" data-testid="save-search-too-many">
            {t('searches:save.tooMany')}
          </Alert>
        )}
        <FormError error={otherError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('searches:save.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
