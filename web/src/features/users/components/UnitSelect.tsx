import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildUnitTree, flattenUnitTree, useUnits } from '@/api/queries/units';
import { unitName } from '@/lib/units';

/** Unit picker showing the hierarchy with indentation. */
export function UnitSelect(props: Omit<SelectProps, 'data'>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const units = useUnits();
  const data = useMemo(
    () =>
      flattenUnitTree(buildUnitTree(units.data ?? [])).map((n) => ({
        value: n.unit.id,
        label: `${'\u2003'.repeat(n.depth)}${unitName(n.unit, lang)} (${n.unit.code})`,
      })),
    [units.data, lang],
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
