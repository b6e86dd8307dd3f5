import { Button } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import type { CaseStatus } from '@/api/types';
import '@/i18n/exchange/nav';
import { can } from '@/lib/permissions';

/**
 * "Preview for a partner" from a validated case: the exchange preview started with this case
 * (`/exchange/preview?case=<id>`), for liaison officers (`exchange.manage`), who send from
 * there. Whoever may only ask for cases to be sent (`exchange.request`, an investigator) gets
 * "Request sending to a partner": the same page, their request form, a liaison officer
 * approving it. Only validated cases are exchanged: none for a draft or a submitted case.
 */
export function ExchangePreviewButton({ caseId, status }: { caseId: string; status: CaseStatus }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const manages = can(me, 'exchange.manage');
  if (status !== 'validated' || !(manages || can(me, 'exchange.request'))) return null;
  return (
    <Button
      component={Link}
      to={`/exchange/preview?${new URLSearchParams({ case: caseId })}`}
      variant="default"
      leftSection={<IconArrowsExchange size={16} aria-hidden />}
      data-testid="exchange-preview"
    >
      {manages ? t('exchange:previewCase') : t('exchange:requestCase')}
    </Button>
  );
}
