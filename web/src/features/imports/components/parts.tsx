import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import '@/i18n/imports';
import type { ImportStatus } from '../api/imports';
import { STATUS_COLOUR } from '../lib/status';

/** An import's status as a badge. */
export function StatusBadge({ status, testId }: { status: ImportStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={STATUS_COLOUR[status]} tt="none" data-status={status} data-testid={testId}>
      {t(`imports:statuses.${status}`)}
    </Badge>
  );
}
