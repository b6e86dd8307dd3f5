import type { ReactNode } from 'react';
import { Badge, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PairStatus } from '../api/types';

/** A titled part of a page (a region named by its title). */
export function Section({ title, children, testId, description }: { title: string; children: ReactNode; testId?: string; description?: string }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title} data-testid={testId}>
      <Title order={2} size="h4" mb={description ? 2 : 'sm'}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      )}
      {children}
    </Paper>
  );
}

/** Never cut short: a badge in a table cell may be given less room than its label. */
const NO_TRUNCATE = {
  root: { flexShrink: 0, minWidth: 'max-content', overflow: 'visible' },
  label: { overflow: 'visible', textOverflow: 'clip' },
} as const;

// outline text dark enough for 4.5:1 on white; the label says it, never the colour alone
const STATUS_COLORS: Record<PairStatus, string> = { open: 'ncen', merged: '#1b6e31', distinct: 'gray.8' };

type Size = 'xs' | 'sm' | 'md' | 'lg';

export function PairStatusBadge({ status, size = 'sm' }: { status: PairStatus; size?: Size }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status] ?? 'gray.8'} variant="outline" size={size} tt="none" styles={NO_TRUNCATE} data-testid="pair-status" data-status={status}>
      {t(`duplicates.statuses.${status}`, { defaultValue: status })}
    </Badge>
  );
}

/** The two records carry the same identity document, registration number, tax id or EORI. */
export function ExactBadge({ size = 'xs' }: { size?: Size }) {
  const { t } = useTranslation();
  return (
    <Badge size={size} variant="outline" color="gray.8" tt="none" styles={NO_TRUNCATE} title={t('duplicates.exactHelp')} data-testid="pair-exact">
      {t('duplicates.exact')}
    </Badge>
  );
}
