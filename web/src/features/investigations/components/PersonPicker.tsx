import { useState, type ReactNode } from 'react';
import { Button, Group, Input, Loader, Paper, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuilding, IconSearch, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import '@/i18n/investigations';
import { Data } from '@/components/Bidi';
import { useRecipientChoices, useUserChoices, type PersonChoice } from '../api/pickers';

/**
 * A user (the lead: among users, for whoever may read them) or a user or unit (the team:
 * among those anyone may address) found as the user types (debounced, 2 characters at least);
 * once chosen, the choice and "Choose another".
 */
export function PersonPicker({
  source,
  label,
  description,
  value,
  onChange,
  error,
  id,
  required,
  testId,
}: {
  source: 'users' | 'recipients';
  label: string;
  description?: string;
  value: PersonChoice | null;
  onChange: (c: PersonChoice | null) => void;
  error?: ReactNode;
  id: string;
  required?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation('investigations');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const users = useUserChoices(q, source === 'users');
  const recipients = useRecipientChoices(source === 'recipients' ? q : '');
  const choices = source === 'users' ? users : recipients;
  const found = q.length >= 2 ? (choices.data ?? []) : [];
  const key = (c: PersonChoice) => `${c.kind}:${c.id}`;

  if (value) {
    return (
      <Input.Wrapper label={label} description={description} withAsterisk={required} error={error} id={`${id}-wrapper`}>
        <Paper withBorder p="xs" mt={4} id={id} tabIndex={-1} data-testid={testId ? `${testId}-chosen` : undefined}>
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              {value.kind === 'unit' ? <IconBuilding size={16} aria-hidden /> : <IconUser size={16} aria-hidden />}
              <Text size="sm" fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                <Data>{value.label}</Data>
              </Text>
              {value.detail && (
                <Text size="xs" c="dimmed">
                  <Data>{value.detail}</Data>
                </Text>
              )}
            </Group>
            <Button size="xs" variant="default" onClick={() => onChange(null)}>
              {t('picker.change')}
            </Button>
          </Group>
        </Paper>
      </Input.Wrapper>
    );
  }
  return (
    <Select
      id={id}
      label={label}
      description={description}
      withAsterisk={required}
      placeholder={t('picker.typeToSearch')}
      searchable
      openOnFocus={false}
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      data={found.map((c) => ({
        value: key(c),
        label: [c.label, c.detail].filter(Boolean).join(' · ') + (source === 'recipients' ? ` (${t(`picker.kinds.${c.kind}`)})` : ''),
      }))}
      filter={({ options }) => options}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={choices.isFetching ? <Loader size="xs" aria-hidden /> : undefined}
      nothingFoundMessage={search.trim().length < 2 ? t('picker.typeMore') : t('picker.nothingFound')}
      error={error}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
      onChange={(picked) => {
        const c = found.find((x) => key(x) === picked);
        if (c) onChange(c);
        setSearch('');
      }}
    />
  );
}
