import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import '@/i18n/investigations';
import { useCodeBook } from '@/api/queries/codelists';
import type { EntryKind, InvestigationStatus, TaskStatus } from '../api/types';
import { PRIORITY_LIST } from '../api/types';

/** Never cut short: a badge in a table cell may be given less room than its label. */
const NO_TRUNCATE = {
  root: { flexShrink: 0, minWidth: 'max-content', overflow: 'visible' },
  label: { overflow: 'visible', textOverflow: 'clip' },
} as const;

// outline text dark enough for 4.5:1 on white; the label says it, never the colour alone
const STATUS_COLORS: Record<InvestigationStatus, string> = {
  opened: 'gray.8',
  assigned: 'ncen',
  in_progress: '#1b6e31',
  under_review: '#6b5300',
  suspended: '#8f3a00',
  closed: 'gray.7',
  reopened: 'ncen',
};
const TASK_COLORS: Record<TaskStatus, string> = { open: 'gray.8', in_progress: 'ncen', done: '#1b6e31', cancelled: 'gray.7' };
const PRIORITY_COLORS: Record<string, string> = { low: 'gray.8', medium: '#6b5300', high: '#8f3a00', critical: 'red.9' };
const ENTRY_COLORS: Record<EntryKind, string> = { action: 'ncen', finding: '#1b6e31', decision: '#8f3a00', note: 'gray.8' };

type Size = 'xs' | 'sm' | 'md' | 'lg';

export function InvestigationStatusBadge({ status, size = 'sm' }: { status: InvestigationStatus; size?: Size }) {
  const { t } = useTranslation('investigations');
  return (
    <Badge color={STATUS_COLORS[status] ?? 'gray.8'} variant="outline" size={size} tt="none" styles={NO_TRUNCATE} data-testid="investigation-status" data-status={status}>
      {t(`statuses.${status}`, { defaultValue: status })}
    </Badge>
  );
}

/** A priority of `investigation_priorities`, labelled from the code list; critical is filled. */
export function PriorityBadge({ priority, size = 'sm' }: { priority: string; size?: Size }) {
  const book = useCodeBook(PRIORITY_LIST);
  return (
    <Badge
      color={PRIORITY_COLORS[priority] ?? 'gray.8'}
      variant={priority === 'critical' ? 'filled' : 'outline'}
      size={size}
      tt="none"
      styles={NO_TRUNCATE}
      data-testid="investigation-priority"
      data-priority={priority}
    >
      {book.label(priority)}
    </Badge>
  );
}

export function TaskStatusBadge({ status, size = 'sm' }: { status: TaskStatus; size?: Size }) {
  const { t } = useTranslation('investigations');
  return (
    <Badge color={TASK_COLORS[status] ?? 'gray.8'} variant="outline" size={size} tt="none" styles={NO_TRUNCATE} data-testid="task-status-badge" data-status={status}>
      {t(`taskStatuses.${status}`, { defaultValue: status })}
    </Badge>
  );
}

export function EntryKindBadge({ kind }: { kind: EntryKind }) {
  const { t } = useTranslation('investigations');
  return (
    <Badge color={ENTRY_COLORS[kind] ?? 'gray.8'} variant="outline" size="sm" tt="none" styles={NO_TRUNCATE} data-testid="entry-kind" data-kind={kind}>
      {t(`entryKinds.${kind}`, { defaultValue: kind })}
    </Badge>
  );
}

/** Past its due date (white on red 9, 5.3:1). */
export function OverdueBadge({ size = 'sm' }: { size?: Size }) {
  const { t } = useTranslation('investigations');
  return (
    <Badge color="red.9" variant="filled" size={size} tt="none" styles={NO_TRUNCATE} data-testid="overdue">
      {t('overdue')}
    </Badge>
  );
}
