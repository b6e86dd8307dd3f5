import { useState, type ReactNode } from 'react';
import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export const CREATE_NEW = '__create_new__';

export interface Match {
  id: string;
  label: string;
}

/**
 * Search-or-create: as the officer types, likely matches from a register are offered
 * (debounced server search); the last option creates a new record from the typed text.
 */
export function RecordSearch({
  label,
  createLabel,
  useMatches,
  onPick,
  onCreate,
  error,
  canCreate,
  id,
}: {
  label: string;
  createLabel: (text: string) => string;
  useMatches: (q: string) => { data?: Match[]; isFetching: boolean };
  onPick: (m: Match) => void;
  onCreate: (text: string) => void;
  error?: ReactNode;
  canCreate: boolean;
  /** The input's element id (so an error summary can link to it). */
  id?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const matches = useMatches(q);
  const found = q.length >= 2 ? (matches.data ?? []) : [];
  const data = [
    ...found.map((m) => ({ value: m.id, label: m.label })),
    ...(canCreate && search.trim() ? [{ value: CREATE_NEW, label: createLabel(search.trim()) }] : []),
  ];
  return (
    <Select
      id={id}
      label={label}
      placeholder={t('seizures.links.typeToSearch')}
      searchable
      openOnFocus={false}
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      filter={({ options }) => options}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={matches.isFetching ? <Loader size="xs" aria-hidden /> : undefined}
      nothingFoundMessage={search.trim().length < 2 ? t('seizures.links.typeMore') : t('common.nothingFound')}
      error={error}
      comboboxProps={{ withinPortal: true }}
      onChange={(value) => {
        if (!value) return;
        if (value === CREATE_NEW) onCreate(search.trim());
        else {
          const m = found.find((x) => x.id === value);
          if (m) onPick(m);
        }
        setSearch('');
      }}
    />
  );
}
