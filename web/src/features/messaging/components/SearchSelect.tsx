import { useState, type ReactNode } from 'react';
import { Loader, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export interface SearchOption<T = unknown> {
  value: string;
  label: string;
  description?: string | null;
  /** what the option stands for, handed back on change */
  item?: T;
}

/** A single pick among server search results (debounced); the current value keeps its label. */
export function SearchSelect<T = unknown>({
  label,
  description,
  placeholder,
  value,
  current,
  onChange,
  useOptions,
  error,
  withAsterisk,
  testId,
}: {
  label: string;
  description?: ReactNode;
  placeholder?: string;
  value: string | null;
  /** the picked option, when it is not among the results */
  current?: SearchOption<T> | null;
  onChange: (option: SearchOption<T> | null) => void;
  /** a hook: the options matching `q` */
  useOptions: (q: string) => { data?: SearchOption<T>[]; isFetching: boolean };
  error?: ReactNode;
  withAsterisk?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useOptions(q);
  const byValue = new Map<string, SearchOption<T>>();
  if (value && current) byValue.set(value, current);
  for (const o of q.length >= 2 ? (found.data ?? []) : []) byValue.set(o.value, o);
  const options = [...byValue.values()];
  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder ?? t('messaging.compose.typeToSearch')}
      searchable
      clearable
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      data={options.map((o) => ({ value: o.value, label: o.label }))}
      filter={({ options: all }) => all}
      renderOption={({ option }) => {
        const o = byValue.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {o?.description && (
              <Text size="xs" c="dimmed">
                {o.description}
              </Text>
            )}
          </Stack>
        );
      }}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={found.isFetching ? <Loader size="xs" aria-hidden /> : undefined}
      nothingFoundMessage={search.trim().length < 2 ? t('messaging.compose.typeMore') : t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      error={error}
      withAsterisk={withAsterisk}
      data-testid={testId}
      onChange={(v) => onChange(v ? (byValue.get(v) ?? null) : null)}
    />
  );
}
