import { useState, type ReactNode } from 'react';
import { Group, Loader, MultiSelect, Pill, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuilding, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useRecipients } from '@/api/queries/recipients';
import { recipientValue, type RecipientValue } from '@/lib/recipients';

/*
 * Shared by messaging (the compose form) and investigations (a thread or request for
 * information started from an investigation).
 */

function RecipientIcon({ unit }: { unit: boolean }) {
  return unit ? <IconBuilding size={14} aria-hidden /> : <IconUser size={14} aria-hidden />;
}

/** Users and units, searched on the server as the sender types; a unit means all its members. */
export function RecipientPicker({
  value,
  onChange,
  error,
  withAsterisk,
  label,
  description,
}: {
  value: RecipientValue[];
  onChange: (v: RecipientValue[]) => void;
  error?: ReactNode;
  withAsterisk?: boolean;
  /** "Recipients" unless told */
  label?: string;
  /** "Users or units; a unit means all of its members." unless told */
  description?: ReactNode;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useRecipients(q);
  const byValue = new Map(value.map((v) => [v.value, v]));
  for (const r of q.length >= 2 ? (found.data ?? []) : []) {
    const rv = recipientValue(r);
    if (!byValue.has(rv.value)) byValue.set(rv.value, rv);
  }
  const kindLabel = (r: RecipientValue) => (r.unit_id ? t('messaging.compose.unit') : t('messaging.compose.user'));
  return (
    <MultiSelect
      label={label ?? t('messaging.compose.recipients')}
      description={description ?? t('messaging.compose.recipientsHelp')}
      placeholder={value.length ? undefined : t('messaging.compose.typeToSearch')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      hidePickedOptions
      maxValues={200}
      value={value.map((v) => v.value)}
      data={[...byValue.values()].map((r) => ({ value: r.value, label: r.name }))}
      filter={({ options }) => options}
      onChange={(values) => onChange(values.map((v) => byValue.get(v)).filter((v): v is RecipientValue => !!v))}
      renderOption={({ option }) => {
        const r = byValue.get(option.value);
        if (!r) return option.label;
        return (
          <Group gap="xs" wrap="nowrap" data-recipient={r.unit_id ? 'unit' : 'user'}>
            <RecipientIcon unit={!!r.unit_id} />
            <Stack gap={0}>
              <Text size="sm">{r.name}</Text>
              <Text size="xs" c="dimmed">
                {[kindLabel(r), r.detail].filter(Boolean).join(' · ')}
              </Text>
            </Stack>
          </Group>
        );
      }}
      renderPill={({ option, onRemove }) => {
        const r = byValue.get(String(option.value));
        return (
          <Pill
            withRemoveButton
            onRemove={onRemove}
            removeButtonProps={{ 'aria-label': t('messaging.compose.removeRecipient', { name: option.label }) }}
            data-testid="recipient-pill"
          >
            <Group gap={4} wrap="nowrap" component="span">
              {r && <RecipientIcon unit={!!r.unit_id} />}
              {r && <VisuallyHidden>{kindLabel(r)}: </VisuallyHidden>}
              {option.label}
            </Group>
          </Pill>
        );
      }}
      rightSection={found.isFetching ? <Loader size="xs" aria-hidden /> : undefined}
      nothingFoundMessage={search.trim().length < 2 ? t('messaging.compose.typeMore') : t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      error={error}
      withAsterisk={withAsterisk}
      data-testid="recipient-picker"
    />
  );
}
