import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AlertStatus, HitStatus, RiskLevel } from '../api/types';

/** Never cut short (see CaseStatusBadge): a badge in a table cell may be given less room than its label. */
const NO_TRUNCATE = {
  root: { flexShrink: 0, minWidth: 'max-content', overflow: 'visible' },
  label: { overflow: 'visible', textOverflow: 'clip' },
} as const;

// outline text dark enough for 4.5:1 on white; the label says it, never the colour alone
const STATUS_COLORS: Record<AlertStatus, string> = { draft: 'gray.8', active: '#1b6e31', expired: '#8f3a00', withdrawn: 'gray.7' };
const HIT_COLORS: Record<HitStatus, string> = { new: 'ncen', confirmed: '#1b6e31', dismissed: 'gray.8' };
const RISK_COLORS: Record<RiskLevel, string> = { low: 'gray.8', medium: '#6b5300', high: '#8f3a00', critical: 'red.9' };

type Size = 'xs' | 'sm' | 'md' | 'lg';

export function AlertStatusBadge({ status, size = 'sm' }: { status: AlertStatus; size?: Size }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status] ?? 'gray.8'} variant="outline" size={size} tt="none" styles={NO_TRUNCATE} data-testid="alert-status" data-status={status}>
      {t(`alerts.statuses.${status}`, { defaultValue: status })}
    </Badge>
  );
}

/** Critical is filled (white on red 9, 5.3:1); the others outlined. */
export function RiskBadge({ level, size = 'sm' }: { level: RiskLevel; size?: Size }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={RISK_COLORS[level] ?? 'gray.8'}
      variant={level === 'critical' ? 'filled' : 'outline'}
      size={size}
      tt="none"
      styles={NO_TRUNCATE}
      data-testid="alert-risk"
      data-risk={level}
    >
      {t(`alerts.riskLevels.${level}`, { defaultValue: level })}
    </Badge>
  );
}

export function HitStatusBadge({ status, size = 'sm' }: { status: HitStatus; size?: Size }) {
  const { t } = useTranslation();
  return (
    <Badge color={HIT_COLORS[status] ?? 'gray.8'} variant="outline" size={size} tt="none" styles={NO_TRUNCATE} data-testid="hit-status" data-status={status}>
      {t(`alerts.hits.statuses.${status}`, { defaultValue: status })}
    </Badge>
  );
}
