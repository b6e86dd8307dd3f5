import type { ReactNode } from 'react';
import { Badge, Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import '@/i18n/searches';

const CHIP_STYLES = { root: { height: 'auto', paddingBlock: 2 }, label: { whiteSpace: 'normal' as const, overflow: 'visible' } };

export interface SummaryItem {
  field: string;
  label: string;
  value: ReactNode;
}

/**
 * A saved search's filters as a list of chips ("Country: Ecuador"), or `empty` in words when
 * it sets none. The seizure and register summaries say what each chip holds.
 */
export function SearchSummaryList({ items, empty }: { items: readonly SummaryItem[]; empty: string }) {
  const { t } = useTranslation();
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="search-summary">
        {empty}
      </Text>
    );
  }
  return (
    <Box
      component="ul"
      aria-label={t('searches:summary.label')}
      data-testid="search-summary"
      style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: 4 }}
    >
      {items.map(({ field, label, value }) => (
        <Badge key={field} component="li" variant="light" color="gray" tt="none" fw={500} styles={CHIP_STYLES} data-field={field}>
          {label}
          {t('searches:summary.separator')}
          {value}
        </Badge>
      ))}
    </Box>
  );
}
