import { useState } from 'react';
import { Button, Checkbox, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ALERT_STATUSES, SUBJECT_KINDS } from '../api/types';
import { EMPTY_ALERT_FILTERS, type AlertFilters as Filters } from '../lib/filters';

/** The alert list's filters: applied on submit (they go to the address). */
export function AlertFilters({ value, onApply }: { value: Filters; onApply: (v: Filters) => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState<Filters>(value);
  return (
    <form
      role="search"
      aria-label={t('alerts.filters.label')}
      data-testid="alert-filters"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(v);
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <TextInput
          label={t('alerts.filters.q')}
          description={t('alerts.filters.qHelp')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={v.q}
          onChange={(e) => {
            const q = e.currentTarget.value;
            setV((prev) => ({ ...prev, q }));
          }}
        />
        <Select
          label={t('alerts.filters.status')}
          placeholder={t('alerts.filters.any')}
          clearable
          value={v.status}
          onChange={(s) => setV((prev) => ({ ...prev, status: (s as Filters['status']) ?? null }))}
          data={ALERT_STATUSES.map((s) => ({ value: s, label: t(`alerts.statuses.${s}`) }))}
        />
        <Select
          label={t('alerts.filters.subjectKind')}
          placeholder={t('alerts.filters.any')}
          clearable
          value={v.subject_kind}
          onChange={(k) => setV((prev) => ({ ...prev, subject_kind: (k as Filters['subject_kind']) ?? null }))}
          data={SUBJECT_KINDS.map((k) => ({ value: k, label: t(`alerts.subjectKinds.${k}`) }))}
        />
        <Checkbox
          label={t('alerts.filters.mine')}
          checked={v.mine}
          onChange={(e) => {
            const mine = e.currentTarget.checked;
            setV((prev) => ({ ...prev, mine }));
          }}
          mt={{ base: 0, sm: 'xl' }}
        />
      </SimpleGrid>
      <Group mt="sm">
        <Button type="submit">{t('alerts.filters.apply')}</Button>
        <Button
          variant="default"
          onClick={() => {
            setV(EMPTY_ALERT_FILTERS);
            onApply(EMPTY_ALERT_FILTERS);
          }}
        >
          {t('alerts.filters.clear')}
        </Button>
      </Group>
    </form>
  );
}
