import { useState } from 'react';
import { Button, Collapse, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useUnits } from '@/api/queries/units';
import { CodeSelect } from '@/components/CodeSelect';
import { unitName } from '@/lib/units';
import { EMPTY_FILTERS, type FilterKey, type FilterValues } from '../lib/filters';

const ADVANCED: FilterKey[] = ['detection_method', 'concealment_method', 'location_type', 'direction', 'conveyance_type', 'unit_id', 'kind'];

export function SeizureFilters({ value, onApply }: { value: FilterValues; onApply: (v: FilterValues) => void }) {
  const { t, i18n } = useTranslation();
  const units = useUnits();
  const [v, setV] = useState<FilterValues>(value);
  const [more, setMore] = useState(ADVANCED.some((k) => value[k]));
  const set = (k: FilterKey) => (x: string | null) =>
    setV((prev) => ({ ...prev, [k]: x ?? '', ...(k === 'commodity_group' ? { commodity_type: '' } : {}) }));
  const code = (k: FilterKey, list: string, extra: { parent?: string | null } = {}) => (
    <CodeSelect list={list} label={t(`seizures.filters.${k}`)} value={v[k] || null} onChange={set(k)} placeholder={t('seizures.filters.any')} {...extra} />
  );
  return (
    <form
      role="search"
      aria-label={t('seizures.filters.label')}
      data-testid="seizure-filters"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(v);
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <TextInput
          label={t('seizures.filters.q')}
          description={t('seizures.filters.qHelp')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={v.q}
          onChange={(e) => set('q')(e.currentTarget.value)}
        />
        <TextInput type="date" label={t('seizures.filters.from')} value={v.from} onChange={(e) => set('from')(e.currentTarget.value)} />
        <TextInput type="date" label={t('seizures.filters.to')} value={v.to} onChange={(e) => set('to')(e.currentTarget.value)} />
        <Select
          label={t('seizures.filters.status')}
          placeholder={t('seizures.filters.any')}
          clearable
          value={v.status || null}
          onChange={set('status')}
          data={(['draft', 'submitted', 'validated'] as const).map((s) => ({ value: s, label: t(`caseStatus.${s}`) }))}
        />
        {code('commodity_group', 'commodity_groups')}
        {code('commodity_type', 'commodity_types', { parent: v.commodity_group || undefined })}
        {code('route_country', 'countries')}
      </SimpleGrid>
      <Collapse expanded={more}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" mt="sm">
          <Select
            label={t('seizures.filters.kind')}
            placeholder={t('seizures.filters.any')}
            clearable
            value={v.kind || null}
            onChange={set('kind')}
            data={(['seizure', 'offence'] as const).map((k) => ({ value: k, label: t(`seizures.kinds.${k}`) }))}
          />
          <Select
            label={t('seizures.filters.unit_id')}
            placeholder={t('seizures.filters.any')}
            clearable
            searchable
            value={v.unit_id || null}
            onChange={set('unit_id')}
            data={(units.data ?? []).map((u) => ({ value: u.id, label: `${unitName(u, i18n.language)} (${u.code})` }))}
          />
          {code('detection_method', 'detection_methods')}
          {code('concealment_method', 'concealment_methods')}
          {code('location_type', 'location_types')}
          {code('direction', 'directions')}
          {code('conveyance_type', 'conveyance_types')}
        </SimpleGrid>
      </Collapse>
      <Group mt="sm">
        <Button type="submit">{t('seizures.filters.apply')}</Button>
        <Button
          variant="default"
          onClick={() => {
            setV(EMPTY_FILTERS);
            onApply({ ...EMPTY_FILTERS, order: value.order });
          }}
        >
          {t('seizures.filters.clear')}
        </Button>
        <Button variant="subtle" onClick={() => setMore((m) => !m)} aria-expanded={more}>
          {more ? t('seizures.filters.fewer') : t('seizures.filters.more')}
        </Button>
      </Group>
    </form>
  );
}
