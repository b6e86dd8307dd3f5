import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { meQuery } from '@/api/queries/me';
import type { Me } from '@/api/types';
import { renderRoutes } from '@/test/render';
import type { Alert, AlertNotice, HitDetail } from '../api/types';
import { AlertNoticesBanner } from '../components/AlertNoticesBanner';
import { AlertDetailPage } from './AlertDetailPage';
import { HitDetailPage } from './HitDetailPage';

const hit: HitDetail = {
  id: 'h1',
  alert: {
    id: 'a1',
    reference: 'FR-ALR-2026-000007',
    requested_action: 'discreet_check',
    risk_level: 'high',
    subject_kind: 'person',
    subject_label: 'بن صالح, عبد القادر (1979-11-07)',
  },
  record_kind: 'person',
  record_id: 'p2',
  record_label: 'BENSALEH, Abdelkader (1979-11-07)',
  cases: [{ id: 'c1', reference: 'FR-2026-000123' }],
  score: 0.879,
  exact: false,
  status: 'new',
  created_at: '2026-03-01T10:00:00Z',
  subject: [
    { field: 'family_name', value: 'بن صالح' },
    { field: 'date_of_birth', value: '1979-11-07' },
  ],
  record: [
    { field: 'family_name', value: 'BENSALEH' },
    { field: 'date_of_birth', value: '1979-11-07' },
    { field: 'shoe_size', value: '43' },
  ],
  features: [
    { feature: 'name_tokens', detail: 'bensaleh=بن صالح', contribution: 0.82 },
    { feature: 'date_of_birth', detail: '1979-11-07 = 1979-11-07', contribution: 0.1 },
    { feature: 'gender', detail: 'male / female', contribution: -0.2 },
  ],
};

const alert: Alert = {
  id: 'a1',
  reference: 'FR-ALR-2026-000007',
  status: 'draft',
  subject_kind: 'person',
  subject_label: 'بن صالح, عبد القادر (1979-11-07)',
  person_id: 'p1',
  reason: 'Courier of a network',
  risk_level: 'high',
  requested_action: 'discreet_check',
  handling_instructions: 'Do not alert the subject',
  valid_from: '2026-03-01',
  valid_until: '2026-09-01',
  owner: { id: 'sup', name: 'Claire Martin' },
  created_by: { id: 'sup', name: 'Claire Martin' },
  unit: { id: 'u1', name: 'Investigations' },
  hits: { new: 1, confirmed: 0, dismissed: 0 },
  created_at: '2026-03-01T10:00:00Z',
  updated_at: '2026-03-01T10:00:00Z',
  version: 2,
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });

function setup(routes: Parameters<typeof renderRoutes>[0], path: string, handler: (req: Request, url: URL) => Response | Promise<Response>) {
  const requests: Request[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      requests.push(req.clone());
      return handler(req, new URL(req.url));
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  client.setQueryData(meQuery.queryKey, { id: 'sup', permissions: ['alerts.write', 'alerts.activate'], roles: ['supervisor'] } as unknown as Me);
  renderRoutes(routes, path, client);
  return requests;
}

beforeAll(() => {
  // jsdom has no FontFaceSet; Mantine's autosize textarea listens to it
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
});
afterEach(() => vi.unstubAllGlobals());

describe('the hit page', () => {
  it('shows both sides field by field, the score rounded down and each piece of evidence', async () => {
    setup([{ path: '/alerts/hits/:id', element: <HitDetailPage /> }], '/alerts/hits/h1', (_req, url) =>
      url.pathname === '/api/v1/alert-hits/h1' ? json(hit) : new Response(null, { status: 404 }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Hit on FR-ALR-2026-000007' })).toBeInTheDocument();
    const table = screen.getByTestId('hit-comparison');
    const rows = within(table).getAllByTestId('comparison-row');
    expect(rows.map((r) => r.dataset.field)).toEqual(['family_name', 'date_of_birth', 'shoe_size']);
    expect(rows.map((r) => r.dataset.same)).toEqual(['false', 'true', 'false']);
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('Date of birth');
    // a field the app does not know is shown by its name
    expect(within(rows[2]!).getByRole('rowheader')).toHaveTextContent('shoe_size');
    expect(within(screen.getByTestId('hit-why')).getByTestId('hit-score')).toHaveTextContent('87%');
    const features = screen.getAllByTestId('hit-feature');
    expect(features.map((f) => f.textContent)).toEqual([
      expect.stringContaining('Name (token by token)'),
      expect.stringContaining('Date of birth'),
      expect.stringContaining('Gender'),
    ]);
    expect(within(features[2]!).getByTestId('hit-contribution')).toHaveTextContent('\u22120.20');
    expect(screen.getByTestId('hit-record-link')).toHaveAttribute('href', '/registers/persons/p2');
    expect(within(screen.getByTestId('hit-cases')).getByRole('link', { name: 'FR-2026-000123' })).toHaveAttribute('href', '/seizures/c1');
  });

  it('asks a reason to dismiss, and sends it', async () => {
    const user = userEvent.setup();
    const requests = setup([{ path: '/alerts/hits/:id', element: <HitDetailPage /> }], '/alerts/hits/h1', (req, url) => {
      if (url.pathname === '/api/v1/alert-hits/h1') return json(hit);
      if (url.pathname === '/api/v1/alert-hits/h1/dismiss' && req.method === 'POST')
        return json({ ...hit, status: 'dismissed', reviewed_by: { id: 'sup', name: 'Claire Martin' }, reviewed_at: '2026-03-02T10:00:00Z', review_reason: 'Another man' });
      return new Response(null, { status: 404 });
    });
    await user.click(await screen.findByRole('button', { name: 'Dismiss' }));
    const dialog = await screen.findByRole('dialog', { name: 'Dismiss this hit?' });
    await user.click(within(dialog).getByRole('button', { name: 'Dismiss' }));
    expect(await within(dialog).findByText('Required')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /Why it is not the subject/ }), 'Another man');
    await user.click(within(dialog).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.getByTestId('hit-status')).toHaveTextContent('Dismissed'));
    const sent = requests.find((r) => r.url.endsWith('/dismiss'));
    expect(await sent?.json()).toEqual({ reason: 'Another man' });
    expect(screen.getByTestId('hit-review-reason')).toHaveTextContent('Another man');
  });
});

describe('the alert page', () => {
  it('shows the reason to the unit, and tells a supervisor who owns the draft why they cannot activate it', async () => {
    setup([{ path: '/alerts/:id', element: <AlertDetailPage /> }], '/alerts/a1', (_req, url) => {
      if (url.pathname === '/api/v1/alerts/a1') return json(alert);
      if (url.pathname === '/api/v1/alert-hits') return json({ items: [], next_cursor: null });
      return new Response(null, { status: 404 });
    });
    expect(await screen.findByTestId('alert-reference')).toHaveTextContent('FR-ALR-2026-000007');
    expect(screen.getByTestId('alert-status')).toHaveTextContent('Draft');
    expect(screen.getByTestId('alert-reason')).toHaveTextContent('Courier of a network');
    expect(screen.getByRole('button', { name: 'Activate' })).toBeDisabled();
    expect(screen.getByTestId('own-alert-note')).toHaveTextContent('another supervisor of your unit must activate or renew it');
    expect(screen.getByRole('link', { name: 'Edit' })).toHaveAttribute('href', '/alerts/a1/edit');
    expect(await screen.findByText('No hit awaits review.')).toBeInTheDocument();
  });

  it('activates with the version seen, and explains a refusal for the supervisor’s own alert', async () => {
    const user = userEvent.setup();
    const requests = setup([{ path: '/alerts/:id', element: <AlertDetailPage /> }], '/alerts/a1', (req, url) => {
      if (url.pathname === '/api/v1/alerts/a1') return json({ ...alert, owner: { id: 'inv', name: 'Paul' }, created_by: { id: 'inv', name: 'Paul' } });
      if (url.pathname === '/api/v1/alert-hits') return json({ items: [], next_cursor: null });
      if (url.pathname === '/api/v1/alerts/a1/activate' && req.method === 'POST')
        return json({ type: 'about:blank', title: 'Forbidden', status: 403, code: 'own_alert', detail: 'own alert' }, 403);
      return new Response(null, { status: 404 });
    });
    await user.click(await screen.findByRole('button', { name: 'Activate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Activate FR-ALR-2026-000007?' });
    await user.click(within(dialog).getByRole('button', { name: 'Activate' }));
    expect(await within(dialog).findByTestId('own-alert')).toHaveTextContent('You wrote or own this alert');
    const sent = requests.find((r) => r.url.endsWith('/activate'));
    expect(sent?.headers.get('If-Match')).toBe('"2"');
  });
});

describe('the alert notices banner', () => {
  const notice: AlertNotice = {
    alert_reference: 'FR-ALR-2026-000007',
    contact: { id: 'inv', name: 'Paul Durand' },
    contact_unit: { id: 'u1', name: 'Investigations Paris' },
    created_at: '2026-03-01T10:00:00Z',
    handling_instructions: 'Do not alert the subject',
    hit_id: 'h1',
    record_id: 'p2',
    record_kind: 'person',
    record_label: 'BENSALEH, Abdelkader (1979-11-07)',
    requested_action: 'detain',
    status: 'new',
  };

  it('tells what to do and whom to contact, for a case', async () => {
    const requests = setup([{ path: '*', element: <AlertNoticesBanner caseId="c1" /> }], '/', (_req, url) =>
      url.pathname === '/api/v1/alert-notices' ? json({ items: [notice] }) : new Response(null, { status: 404 }),
    );
    const shown = await screen.findByTestId('alert-notice');
    expect(shown).toHaveTextContent('Alert FR-ALR-2026-000007');
    expect(shown).toHaveTextContent('This record, BENSALEH, Abdelkader (1979-11-07), matches alert FR-ALR-2026-000007. Requested action: Detain.');
    expect(shown).toHaveTextContent('Do not alert the subject');
    expect(shown).toHaveTextContent('Contact Paul Durand (Investigations Paris).');
    expect(new URL(requests[0]!.url).search).toBe('?case_id=c1');
  });

  it('shows nothing when there is no notice, or when they cannot be read', async () => {
    const requests = setup([{ path: '*', element: <AlertNoticesBanner recordId="p9" /> }], '/', () => json({ type: 'about:blank', title: 'Forbidden', status: 403 }, 403));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(new URL(requests[0]!.url).search).toBe('?record_id=p9');
    expect(screen.queryByTestId('alert-notices')).not.toBeInTheDocument();
  });
});
