import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompanyRisk } from '@/api/types';
import '@/i18n/companies';
import { riskBand, type RiskBand } from '@/lib/codes';
import { useCompanyRisk } from '../api/registers';

/**
 * High: white on red 9 (5.5:1). Medium: dark orange on orange 1 (6.4:1; Mantine's own light
 * orange text is under 4.5:1). Low: dark green outline (as a validated case). The band is
 * written out, never told by colour alone.
 */
interface BandStyle {
  color: string;
  variant: 'filled' | 'light' | 'outline';
  styles?: { root: Record<string, string> };
}
const BAND_STYLE: Record<RiskBand, BandStyle> = {
  high: { color: 'red.9', variant: 'filled' },
  medium: { color: 'orange', variant: 'light', styles: { root: { color: '#8f3a00', backgroundColor: 'var(--mantine-color-orange-1)' } } },
  low: { color: '#1b6e31', variant: 'outline' },
};
/** A band this version of the app does not know: shown as the server names it. */
const UNKNOWN: BandStyle = { color: 'gray.8', variant: 'outline' };

/** A company's computed risk: "Risk: High (72/100)", coloured by its band. */
export function RiskBadge({ risk, size = 'md' }: { risk: CompanyRisk | null | undefined; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  if (!risk) return null;
  const band = riskBand(risk.band);
  const style = band ? BAND_STYLE[band] : UNKNOWN;
  return (
    <Badge color={style.color} variant={style.variant} styles={style.styles} size={size} tt="none" data-testid="risk-badge" data-band={band ?? risk.band}>
      {t('companies:risk.badge', { band: band ? t(`companies:risk.bands.${band}`) : risk.band, score: risk.score })}
    </Badge>
  );
}

/** The badge of a company's risk, read from `GET /companies/{id}/risk`; nothing while it loads or when it cannot be read. */
export function CompanyRiskBadge({ id }: { id: string }) {
  const risk = useCompanyRisk(id);
  return risk.data ? <RiskBadge risk={risk.data} /> : null;
}
