import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildUnitTree, flattenUnitTree, useUnits } from '@/api/queries/units';

/** Unit picker showing the hierarchy with indentation. */
export function UnitSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const units = useUnits();
  const data = useMemo(
    () =>
      flattenUnitTree(buildUnitTree(units.data ?? [])).map((n) => ({
        value: n.unit.id,
        label: `${'\u2003'.repeat(n.depth)}${n.unit.name} (${n.unit.code})`,
      })),
    [units.data],
  );
  return (
    <Select
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      placeholder={units.isPending ? t('common.loading') : undefined}
      error={units.isError ? t('units.loadError') : undefined}
      {...props}
      data={data}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
