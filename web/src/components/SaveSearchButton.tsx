import { useState } from 'react';
import { Alert, Anchor, Button, Checkbox, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBookmarkPlus } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { useCreateSavedSearch } from '@/api/queries/savedSearches';
import '@/i18n/searches';
import { savedSearchFieldLabel, searchFilterCount, type SavedSearchQuery, type SearchTarget } from '@/lib/savedSearch';
import { searchProblemMessage } from '@/lib/seizureSearch';
import { FREE_TEXT } from './freeText';
import { SavedSearchSummary } from './SavedSearchSummary';
import { FormError } from './states';

const MAX_NAME = 200;

/**
 * "Save this search" on the seizure list and on the register lists: the list's filters and
 * text (not its order) kept as a rule of the user's (`POST /saved-searches`) on the list it
 * searches (`target`), named, optionally shared with their unit. The server's refusals go next
 * to the name or under the filters they concern.
 */
export function SaveSearchButton({ target, query }: { target: SearchTarget; query: SavedSearchQuery }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" variant="default" leftSection={<IconBookmarkPlus size={14} aria-hidden />} onClick={() => setOpened(true)} data-testid="save-search">
        {t('searches:save.button')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('searches:save.title')}>
        {opened && <SaveSearchForm target={target} query={query} onDone={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

function SaveSearchForm({ target, query, onDone }: { target: SearchTarget; query: SavedSearchQuery; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateSavedSearch();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);

  const error = create.error;
  const problems = isApiError(error) ? (error.problem?.errors ?? []) : [];
  const serverName = problems.find((p) => p.field === 'name');
  // `query` itself: another list's filters (`not_for_target`)
  const filterProblems = problems.filter((p) => p.field === 'query' || p.field.startsWith('query.'));
  const records = target !== 'seizures';
  const tooMany = isApiError(error) && error.status === 409;
  const otherError = error && !tooMany && !serverName && filterProblems.length === 0 ? error : null;

  const submit = () => {
    const text = name.trim();
    if (!text) return setNameError(t('validation.required'));
    if (text.length > MAX_NAME) return setNameError(t('validation.tooLong', { max: MAX_NAME }));
    setNameError(null);
    create.mutate(
      { name: text, target, query, shared },
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
                {t(records ? 'searches:save.savedRecords' : 'searches:save.saved', { name: saved.name })}
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
        <Text size="sm">{t(records ? 'searches:save.helpRecords' : 'searches:save.help')}</Text>
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
          <SavedSearchSummary target={target} query={query} />
          {searchFilterCount(target, query) === 0 && (
            <Text size="xs" c="dimmed">
              {t(records ? 'searches:save.noFilterRecords' : 'searches:save.noFilter')}
            </Text>
          )}
        </Stack>
        {filterProblems.length > 0 && (
          <Alert color="red" variant="light" role="alert" data-testid="save-search-filter-errors" title={t('searches:save.invalid')}>
            <List size="sm">
              {filterProblems.map((p) => (
                <List.Item key={p.field}>
                  {p.field !== 'query' && (
                    <>
                      {savedSearchFieldLabel(t, target, p.field.slice('query.'.length))}
                      {t('searches:summary.separator')}
                    </>
                  )}
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
