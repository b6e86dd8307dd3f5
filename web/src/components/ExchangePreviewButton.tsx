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
 * (`/exchange/preview?case=<id>`), for liaison officers (`exchange.manage`). Only validated
 * cases are exchanged: none for a draft or a submitted case.
 */
export function ExchangePreviewButton({ caseId, status }: { caseId: string; status: CaseStatus }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (status !== 'validated' || !can(me, 'exchange.manage')) return null;
  return (
    <Button
      component={Link}
      to={`/exchange/preview?${new URLSearchParams({ case: caseId })}`}
      variant="default"
      leftSection={<IconArrowsExchange size={16} aria-hidden />}
      data-testid="exchange-preview"
    >
      {t('exchange:previewCase')}
    </Button>
  );
}
