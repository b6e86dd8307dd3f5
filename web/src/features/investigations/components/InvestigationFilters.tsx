import { useState } from 'react';
import { Button, Checkbox, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import '@/i18n/investigations';
import { CodeSelect } from '@/components/CodeSelect';
import { PRIORITY_LIST, STATUSES } from '../api/types';
import { EMPTY_FILTERS, MINE, type InvestigationFilters as Filters } from '../lib/filters';

/** The investigation list's filters: applied on submit (they go to the address). */
export function InvestigationFilters({ value, onApply }: { value: Filters; onApply: (v: Filters) => void }) {
  const { t } = useTranslation('investigations');
  const [v, setV] = useState<Filters>(value);
  return (
    <form
      role="search"
      aria-label={t('filters.label')}
      data-testid="investigation-filters"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(v);
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
        <TextInput
          label={t('filters.q')}
          description={t('filters.qHelp')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={v.q}
          data-testid="filter-q"
          onChange={(e) => {
            const q = e.currentTarget.value;
            setV((prev) => ({ ...prev, q }));
          }}
        />
        <Select
          label={t('filters.status')}
          placeholder={t('filters.any')}
          clearable
          value={v.status}
          data-testid="filter-status"
          onChange={(s) => setV((prev) => ({ ...prev, status: (s as Filters['status']) ?? null }))}
          data={STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          comboboxProps={{ withinPortal: true }}
        />
        <CodeSelect
          list={PRIORITY_LIST}
          label={t('filters.priority')}
          placeholder={t('filters.any')}
          value={v.priority}
          data-testid="filter-priority"
          onChange={(p) => setV((prev) => ({ ...prev, priority: p ?? null }))}
        />
        <Select
          label={t('filters.mine')}
          placeholder={t('filters.anyone')}
          clearable
          value={v.mine}
          data-testid="filter-mine"
          onChange={(m) => setV((prev) => ({ ...prev, mine: (m as Filters['mine']) ?? null }))}
          data={MINE.map((m) => ({ value: m, label: t(`filters.mineOptions.${m}`) }))}
          comboboxProps={{ withinPortal: true }}
        />
        <Checkbox
          label={t('filters.overdue')}
          checked={v.overdue}
          data-testid="filter-overdue"
          onChange={(e) => {
            const overdue = e.currentTarget.checked;
            setV((prev) => ({ ...prev, overdue }));
          }}
          mt={{ base: 0, sm: 'xl' }}
        />
      </SimpleGrid>
      <Group mt="sm">
        <Button type="submit">{t('filters.apply')}</Button>
        <Button
          variant="default"
          onClick={() => {
            setV(EMPTY_FILTERS);
            onApply(EMPTY_FILTERS);
          }}
        >
          {t('filters.clear')}
        </Button>
      </Group>
    </form>
  );
}
