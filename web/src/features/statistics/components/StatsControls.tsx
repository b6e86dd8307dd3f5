import { Button, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CountedStatus, StatsPeriod } from '@/api/types';
import { CodeSelect } from '@/components/CodeSelect';
import '@/i18n/statistics';
import {
  DIMENSIONS,
  FILTERS,
  PERIODS,
  PICKED_FILTERS,
  PRESETS,
  STATUSES,
  isPreset,
  otherFilters,
  viewToParams,
  withGrouping,
  withPreset,
  type FilterName,
  type StatsView,
} from '../lib/view';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The preset views, as links (each can be opened in a new tab or shared). */
export function PresetLinks({ view }: { view: StatsView }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" role="group" aria-label={t('statistics:presets.label')} data-testid="stats-presets">
      {PRESETS.map((p) => {
        const active = isPreset(view, p);
        return (
          <Button
            key={p.id}
            component={Link}
            to={{ search: `?${viewToParams(withPreset(view, p)).toString()}` }}
            size="xs"
            variant={active ? 'filled' : 'light'}
            aria-current={active ? 'true' : undefined}
            data-testid={`preset-${p.id}`}
          >
            {t(`statistics:presets.${p.id}`)}
          </Button>
        );
      })}
    </Group>
  );
}

/**
 * What the table counts: the groupings, the period, the range, the status, the comparison and
 * the filters (the routes map, `grouping={false}`: the range, the status and the filters). Every
 * change is applied at once (to the address). `errors` are the server's refusals, each shown at
 * the control its `field` names.
 */
export function StatsControls({
  view,
  onChange,
  errors,
  range,
  grouping = true,
}: {
  view: StatsView;
  onChange: (view: StatsView) => void;
  errors: Readonly<Record<string, string>>;
  /** the range the server counted (shown while the address leaves it to the default) */
  range: { from: string; to: string } | null;
  /** whether the groupings, the period and the comparison are offered */
  grouping?: boolean;
}) {
  const { t } = useTranslation();
  const [first = 'period', second = null] = view.group;
  const dimensions = DIMENSIONS.map((d) => ({ value: d, label: t(`statistics:dimensions.${d}`) }));
  const byPeriod = grouping && view.group.includes('period');
  const setFilter = (name: FilterName, value: string | null) => onChange({ ...view, filters: { ...view.filters, [name]: value ?? undefined } });
  const setDate = (which: 'from' | 'to', value: string) => {
    if (value === '' || DATE.test(value)) onChange({ ...view, [which]: value });
  };
  const others = otherFilters(view);
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        {grouping && (
          <Select
            label={t('statistics:controls.group1')}
            data={dimensions}
            value={(DIMENSIONS as readonly string[]).includes(first) ? first : null}
            onChange={(v) => v && onChange(withGrouping(view, 0, v))}
            allowDeselect={false}
            error={errors.group}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        {grouping && (
          <Select
            label={t('statistics:controls.group2')}
            data={[{ value: '', label: t('statistics:controls.none') }, ...dimensions.filter((d) => d.value !== first)]}
            value={second && (DIMENSIONS as readonly string[]).includes(second) ? second : ''}
            onChange={(v) => onChange(withGrouping(view, 1, v || null))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        {byPeriod && (
          <Select
            label={t('statistics:controls.period')}
            data={PERIODS.map((p) => ({ value: p, label: t(`statistics:periods.${p}`) }))}
            value={view.period}
            onChange={(v) => v && onChange({ ...view, period: v as StatsPeriod })}
            allowDeselect={false}
            error={errors.period}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <Select
          label={t('statistics:controls.status')}
          data={[
            { value: 'all', label: t('statistics:status.all') },
            ...STATUSES.map((s) => ({ value: s, label: t(`statistics:status.${s}`) })),
          ]}
          value={view.status ?? 'all'}
          onChange={(v) => onChange({ ...view, status: v && v !== 'all' ? (v as CountedStatus) : null })}
          allowDeselect={false}
          error={errors.status}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          type="date"
          label={t('statistics:controls.from')}
          description={view.from ? undefined : t('statistics:controls.defaultRange')}
          value={view.from || range?.from || ''}
          onChange={(e) => setDate('from', e.currentTarget.value)}
          error={errors.from}
        />
        <TextInput
          type="date"
          label={t('statistics:controls.to')}
          description={view.to ? undefined : t('statistics:controls.defaultTo')}
          value={view.to || range?.to || ''}
          onChange={(e) => setDate('to', e.currentTarget.value)}
          error={errors.to}
        />
        {grouping && (
          <Switch
            mt={{ base: 0, lg: 30 }}
            label={t('statistics:controls.compare')}
            description={t('statistics:controls.compareHelp')}
            checked={view.compare}
            onChange={(e) => onChange({ ...view, compare: e.currentTarget.checked })}
            error={errors.compare}
            data-testid="stats-compare"
          />
        )}
      </SimpleGrid>
      <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }} data-testid="stats-filters">
        <Text component="legend" fw={600} size="sm" mb={4}>
          {t('statistics:controls.filters')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          {PICKED_FILTERS.map((f) => (
            <CodeSelect
              key={f.name}
              list={f.list}
              label={t(`statistics:dimensions.${f.name}`)}
              placeholder={t('seizures.filters.any')}
              value={view.filters[f.name] ?? null}
              onChange={(v) => setFilter(f.name, v)}
              error={errors[f.name]}
            />
          ))}
        </SimpleGrid>
      </fieldset>
      {others.length > 0 && (
        <Text size="sm" data-testid="stats-other-filters">
          {t('statistics:controls.otherFilters', {
            names: others.map((f) => t(`statistics:filters.${f}`)).join(t('common.listSeparator')),
          })}
        </Text>
      )}
      {FILTERS.some((f) => view.filters[f]) && (
        <Group>
          <Button variant="subtle" size="xs" onClick={() => onChange({ ...view, filters: {} })}>
            {t('statistics:controls.clearFilters')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
