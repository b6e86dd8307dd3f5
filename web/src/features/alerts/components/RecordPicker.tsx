import { useState, type ReactNode } from 'react';
import { Anchor, Button, Group, Input, Loader, Paper, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Data } from '@/components/Bidi';
import { useRecordChoices, type RecordSubject } from '../api/registers';
import { recordPath } from '../api/types';
import type { Choice } from '../lib/alertForm';

const FIND_LABEL: Record<RecordSubject, string> = {
  person: 'alerts.form.findPerson',
  company: 'alerts.form.findCompany',
  conveyance: 'alerts.form.findConveyance',
};

/**
 * The alert's subject among the records of a register: once chosen, the record (a link to it)
 * and "Choose another"; before, a search as the user types (debounced; a person by name in any
 * spelling or by document number, a company by name or number, a conveyance by identifier).
 */
export function RecordPicker({
  kind,
  value,
  onChange,
  error,
  id,
}: {
  kind: RecordSubject;
  value: Choice | null;
  onChange: (c: Choice | null) => void;
  error?: ReactNode;
  /** The field's element id (the error summary and the first-error focus reach it). */
  id: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const choices = useRecordChoices(kind, q);
  const found = q.length >= 2 ? (choices.data ?? []) : [];
  const label = t(`alerts.fields.${kind}`);

  if (value) {
    return (
      <Input.Wrapper label={label} withAsterisk error={error} id={`${id}-wrapper`}>
        <Paper withBorder p="xs" mt={4} id={id} tabIndex={-1} data-testid="alert-subject-chosen">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm" fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              {value.label ? <Data>{value.label}</Data> : t('common.loading')}
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Anchor component={Link} to={recordPath(kind, value.id)} size="sm" target="_blank">
                {t('alerts.form.openRecord')}
              </Anchor>
              <Button size="xs" variant="default" onClick={() => onChange(null)}>
                {t('alerts.form.change')}
              </Button>
            </Group>
          </Group>
        </Paper>
      </Input.Wrapper>
    );
  }
  return (
    <Select
      id={id}
      label={t(FIND_LABEL[kind])}
      withAsterisk
      placeholder={t('alerts.form.typeToSearch')}
      searchable
      openOnFocus={false}
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      data={found.map((m) => ({ value: m.id, label: m.label }))}
      filter={({ options }) => options}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={choices.isFetching ? <Loader size="xs" aria-hidden /> : undefined}
      nothingFoundMessage={search.trim().length < 2 ? t('alerts.form.typeMore') : t('common.nothingFound')}
      error={error}
      comboboxProps={{ withinPortal: true }}
      data-testid="alert-subject-search"
      onChange={(picked) => {
        const m = found.find((x) => x.id === picked);
        if (m) onChange(m);
        setSearch('');
      }}
    />
  );
}
