import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { meQuery } from '@/api/queries/me';
import type { CaseStatus, Me } from '@/api/types';
import { renderRoutes } from '@/test/render';
import { ExchangePreviewButton } from './ExchangePreviewButton';

const CASE = '0193c000-0000-7000-8000-000000000001';

function show(permissions: string[], status: CaseStatus) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData(meQuery.queryKey, { id: 'me', permissions, roles: [] } as unknown as Me);
  return renderRoutes([{ path: '*', element: <ExchangePreviewButton caseId={CASE} status={status} /> }], '/', client);
}

describe('Preview for a partner', () => {
  it('opens the exchange preview with a validated case, for a liaison officer', () => {
    show(['seizures.read', 'exchange.manage'], 'validated');
    expect(screen.getByRole('link', { name: 'Preview for a partner' })).toHaveAttribute('href', `/exchange/preview?case=${CASE}`);
  });

  it('asks for sending instead, for whoever may only request it (an investigator)', () => {
    show(['seizures.read', 'exchange.request'], 'validated');
    expect(screen.getByRole('link', { name: 'Request sending to a partner' })).toHaveAttribute('href', `/exchange/preview?case=${CASE}`);
  });

  it('is not offered for a case not validated, nor to whoever neither runs the exchange nor may request it', () => {
    const { unmount } = show(['seizures.read', 'exchange.manage'], 'submitted');
    expect(screen.queryByTestId('exchange-preview')).toBeNull();
    unmount();
    const request = show(['seizures.read', 'exchange.request'], 'draft');
    expect(screen.queryByTestId('exchange-preview')).toBeNull();
    request.unmount();
    show(['seizures.read', 'seizures.validate'], 'validated');
    expect(screen.queryByTestId('exchange-preview')).toBeNull();
  });
});
