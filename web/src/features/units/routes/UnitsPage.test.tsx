import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Unit } from '@/api/types';
import { renderRoutes } from '@/test/render';
import { UnitsPage } from './UnitsPage';

const unit = (id: string, name: string, parent_id: string | null = null): Unit => ({
  id,
  code: id.toUpperCase(),
  name,
  parent_id,
  location_type: null,
  unlocode: null,
  version: 3,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
});

const units = [unit('hq', 'Headquarters'), unit('port', 'Port of Le Havre', 'hq'), unit('team', 'Team A', 'port')];

describe('UnitsPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the tree, selects a unit and sends a move with If-Match', async () => {
    const requests: { method: string; url: string; ifMatch: string | null; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (req: Request) => {
        requests.push({
          method: req.method,
          url: new URL(req.url).pathname,
          ifMatch: req.headers.get('If-Match'),
          body: req.method === 'PATCH' ? await req.clone().json() : null,
        });
        if (req.method === 'PATCH') return new Response(JSON.stringify({ ...units[2], parent_id: null, version: 4 }), { status: 200, headers: { 'Content-Type': 'application/json' } });
        return new Response(JSON.stringify({ items: units }), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }),
    );
    const { router } = renderRoutes([{ path: '/admin/units', element: <UnitsPage /> }], '/admin/units');

    await userEvent.click(await screen.findByText('Team A'));
    await waitFor(() => expect(router.state.location.search).toBe('?unit=team'));
    expect(await screen.findByRole('heading', { name: 'Edit unit: Team A' })).toBeInTheDocument();

    // moving under itself or a descendant is not offered; top level is
    await userEvent.click(screen.getByLabelText('Parent unit', { selector: 'input' }));
    expect(screen.queryByRole('option', { name: /Team A/ })).not.toBeInTheDocument();
    await userEvent.click(await screen.findByRole('option', { name: '— Top level —' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch).toMatchObject({ url: '/api/v1/units/team', ifMatch: '"3"', body: { parent_id: null } });
  });
});
