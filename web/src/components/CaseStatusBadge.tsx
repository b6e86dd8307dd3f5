import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// dark enough for 4.5:1 as outline text on white
const COLORS: Record<string, string> = { draft: 'gray.8', submitted: 'ncen', validated: '#1b6e31' };

/**
 * Never cut short: a Mantine badge hides what does not fit, and in a table cell or a wrapping
 * group it may be given less room than its label (e.g. "Soumise", "مُصادق عليها").
 */
const BADGE_NO_TRUNCATE = {
  root: { flexShrink: 0, minWidth: 'max-content', overflow: 'visible' },
  label: { overflow: 'visible', textOverflow: 'clip' },
} as const;

/** The status of a seizure case (`draft`, `submitted`, `validated`). */
export function CaseStatusBadge({ status, size = 'sm' }: { status: string; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status] ?? 'gray.8'} variant="outline" size={size} data-testid="case-status" tt="none" styles={BADGE_NO_TRUNCATE}>
      {t(`caseStatus.${status}`, { defaultValue: status })}
    </Badge>
  );
}
