import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildUnitTree, descendantIds, flattenUnitTree } from '@/api/queries/units';
import type { Unit } from '@/api/types';
import { unitName } from '@/lib/units';

export const ROOT = '__root__';

/** Parent picker; when editing `self`, the unit and its descendants are not offered. */
export function ParentSelect({ units, self, ...props }: { units: readonly Unit[]; self?: string } & Omit<SelectProps, 'data'>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const data = useMemo(() => {
    const excluded = self ? descendantIds(units, self) : new Set<string>();
    return [
      { value: ROOT, label: t('units.noParent') },
      ...flattenUnitTree(buildUnitTree(units))
        .filter((n) => !excluded.has(n.unit.id))
        .map((n) => ({ value: n.unit.id, label: `${'\u2003'.repeat(n.depth)}${unitName(n.unit, lang)} (${n.unit.code})` })),
    ];
  }, [units, self, t, lang]);
  return <Select searchable allowDeselect={false} nothingFoundMessage={t('common.nothingFound')} {...props} data={data} />;
}
