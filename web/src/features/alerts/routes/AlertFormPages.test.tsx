import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { meQuery } from '@/api/queries/me';
import type { Me } from '@/api/types';
import { renderRoutes } from '@/test/render';
import type { AlertSummary } from '../api/types';
import { AlertNewPage } from './AlertFormPages';
import { AlertsPage } from './AlertsPage';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });

function setup(path: string, element: React.ReactElement, routePath: string, handler: (req: Request, url: URL) => Response) {
  const requests: Request[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      requests.push(req.clone());
      return handler(req, new URL(req.url));
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  client.setQueryData(meQuery.queryKey, { id: 'inv', permissions: ['alerts.write'], roles: ['investigator'] } as unknown as Me);
  const { router } = renderRoutes(
    [
      { path: routePath, element },
      { path: '/alerts/:id', element: <p>alert page</p> },
    ],
    path,
    client,
  );
  return { requests, router };
}

beforeAll(() => {
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
});
afterEach(() => vi.unstubAllGlobals());

describe('the alert form', () => {
  it('starts with the record a register page links with, and puts the server’s field errors at their fields', async () => {
    const user = userEvent.setup();
    let posts = 0;
    const { requests, router } = setup('/alerts/new?person_id=p1', <AlertNewPage />, '/alerts/new', (req, url) => {
      if (url.pathname === '/api/v1/persons/p1') return json({ id: 'p1', family_name: 'Bensaleh', given_names: 'Abdelkader', date_of_birth: '1979-11-07' });
      if (url.pathname === '/api/v1/alerts' && req.method === 'POST') {
        posts += 1;
        if (posts === 1)
          return json(
            {
              type: 'about:blank',
              title: 'Unprocessable',
              status: 422,
              code: 'validation_failed',
              errors: [
                { field: 'valid_until', code: 'too_long', message: 'an alert is valid for at most 12 months' },
                { field: 'person_id', code: 'not_found', message: 'no such person' },
              ],
            },
            422,
          );
        return json({ id: 'a9', reference: 'FR-ALR-2026-000009' }, 201);
      }
      return new Response(null, { status: 404 });
    });
    const form = await screen.findByTestId('alert-form');
    expect(within(form).getByTestId('alert-subject-chosen')).toHaveTextContent('BENSALEH Abdelkader (1979-11-07)');
    expect(within(form).getByRole('radio', { name: 'Person' })).toBeChecked();
    expect(within(form).getByText('Intelligence: seen only by your unit, never by the officers the alert warns.')).toBeInTheDocument();

    await user.type(within(form).getByRole('textbox', { name: /^Reason/ }), 'Courier of a network');
    await user.click(within(form).getByRole('combobox', { name: /^Risk level/ }));
    await user.click(await screen.findByRole('option', { name: 'High' }));
    await user.click(within(form).getByRole('combobox', { name: /^Requested action/ }));
    await user.click(await screen.findByRole('option', { name: 'Detain' }));
    await user.click(within(form).getByRole('button', { name: 'Save the draft' }));

    expect(await screen.findByText('At most 12 months after the start of validity.')).toBeInTheDocument();
    expect(screen.getByTestId('form-error-summary')).toHaveTextContent('Person');
    const first = requests.find((r) => r.method === 'POST');
    expect(await first?.json()).toMatchObject({
      subject_kind: 'person',
      person_id: 'p1',
      company_id: null,
      identifier: null,
      reason: 'Courier of a network',
      risk_level: 'high',
      requested_action: 'detain',
      handling_instructions: null,
    });

    await user.click(within(form).getByRole('button', { name: 'Save the draft' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/alerts/a9'));
  });
});

describe('the alerts list', () => {
  const row: AlertSummary = {
    id: 'a1',
    reference: 'FR-ALR-2026-000001',
    status: 'active',
    subject_kind: 'company',
    subject_label: 'Acme Trading (AE)',
    risk_level: 'critical',
    requested_action: 'control',
    owner: { id: 'inv', name: 'Paul Durand' },
    valid_from: '2026-01-01',
    valid_until: '2026-07-01',
    new_hits: 2,
    updated_at: '2026-01-01T00:00:00Z',
  };

  it('asks the server with the filters of the address, and lists each alert', async () => {
    const { requests } = setup('/alerts?status=active&mine=1&q=acme', <AlertsPage />, '/alerts', (_req, url) =>
      url.pathname === '/api/v1/alerts' ? json({ items: [row], next_cursor: 'next' }) : new Response(null, { status: 404 }),
    );
    const tr = await screen.findByTestId('alert-row');
    expect(within(tr).getByRole('link', { name: 'FR-ALR-2026-000001' })).toHaveAttribute('href', '/alerts/a1');
    expect(tr).toHaveTextContent('Active');
    expect(tr).toHaveTextContent('Acme Trading (AE)');
    expect(tr).toHaveTextContent('Critical');
    expect(tr).toHaveTextContent('Control');
    expect(tr).toHaveTextContent('Paul Durand');
    expect(within(tr).getByTestId('alert-new-hits')).toHaveTextContent('2');
    expect(screen.getByRole('button', { name: 'Load more' })).toBeInTheDocument();
    const url = new URL(requests[0]!.url);
    expect(Object.fromEntries(url.searchParams)).toEqual({ status: 'active', mine: 'true', q: 'acme', limit: '50' });
    expect(screen.getByRole('link', { name: 'New alert' })).toHaveAttribute('href', '/alerts/new');
  });
});
