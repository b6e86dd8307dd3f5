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
 * (debounced server search); with `canCreate`, the last option creates a new record from the
 * typed text. Shared by the case form's links and the company database's pickers (a person or
 * a company to link to a company).
 */
export function RecordSearch({
  label,
  createLabel,
  useMatches,
  onPick,
  onCreate,
  error,
  canCreate = false,
  withAsterisk,
  exclude,
  id,
}: {
  label: string;
  createLabel?: (text: string) => string;
  useMatches: (q: string) => { data?: Match[]; isFetching: boolean };
  onPick: (m: Match) => void;
  onCreate?: (text: string) => void;
  error?: ReactNode;
  canCreate?: boolean;
  /** Marks the field as required (the picker of a dialog whose record must be chosen). */
  withAsterisk?: boolean;
  /** A record not to offer (the company a relation is recorded from). */
  exclude?: string;
  /** The input's element id (so an error summary can link to it). */
  id?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const matches = useMatches(q);
  const found = q.length >= 2 ? (matches.data ?? []).filter((m) => m.id !== exclude) : [];
  const data = [
    ...found.map((m) => ({ value: m.id, label: m.label })),
    ...(canCreate && createLabel && search.trim() ? [{ value: CREATE_NEW, label: createLabel(search.trim()) }] : []),
  ];
  return (
    <Select
      id={id}
      label={label}
      withAsterisk={withAsterisk}
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
        if (value === CREATE_NEW) onCreate?.(search.trim());
        else {
          const m = found.find((x) => x.id === value);
          if (m) onPick(m);
        }
        setSearch('');
      }}
    />
  );
}
