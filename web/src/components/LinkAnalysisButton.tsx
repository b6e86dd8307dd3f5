import { Button } from '@mantine/core';
import { IconAffiliate } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import '@/i18n/analysis/nav';
import { can } from '@/lib/permissions';

/**
 * "Open in link analysis" from a case or a register record: the link-analysis page started
 * from it (`/analysis/graph?node=case:<id>`…), for those who read cases and the registers.
 */
export function LinkAnalysisButton({ node }: { node: `${'case' | 'person' | 'company' | 'conveyance'}:${string}` }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!can(me, 'registers.read') || !can(me, 'seizures.read')) return null;
  return (
    <Button
      component={Link}
      to={`/analysis/graph?${new URLSearchParams({ node })}`}
      variant="default"
      leftSection={<IconAffiliate size={16} aria-hidden />}
      data-testid="open-link-analysis"
    >
      {t('analysis:open')}
    </Button>
  );
}
