import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderPage } from '@/test/render';
import { RoutePath } from './RoutePath';

const entry = (code: string, en: string, retired = false) => ({ code, labels: { en, fr: `${en} (fr)` }, attributes: {}, retired, sort_order: 0 });
const lists: Record<string, unknown[]> = {
  countries: [entry('CO', 'Colombia'), entry('NL', 'Netherlands'), entry('FR', 'France'), entry('YU', 'Yugoslavia', true)],
  route_leg_roles: [entry('origin', 'Origin'), entry('transit', 'Transit'), entry('destination', 'Destination')],
};

describe('RoutePath', () => {
  afterEach(() => vi.unstubAllGlobals());
  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (req: Request) => {
        const name = new URL(req.url).pathname.split('/').pop() ?? '';
        return new Response(JSON.stringify({ name, description: '', entries: lists[name] ?? [] }), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }),
    );
  });

  it('draws the legs in position order with country names from the code list (retired ones too)', async () => {
    renderPage(
      <RoutePath
        legs={[
          { position: 3, country: 'FR', role: 'destination', place: 'Le Havre', unlocode: 'FRLEH' },
          { position: 1, country: 'CO', role: 'origin' },
          { position: 2, country: 'NL', role: 'transit', departure_date: '2026-01-02', arrival_date: '2026-01-05' },
          { position: 4, country: 'YU', role: 'transit' },
        ]}
      />,
    );
    const path = await screen.findByTestId('route-path');
    expect(path.tagName).toBe('OL');
    expect(await screen.findByText('Colombia')).toBeInTheDocument();
    const legs = within(path).getAllByTestId('route-leg');
    expect(legs.map((l) => l.getAttribute('data-country'))).toEqual(['CO', 'NL', 'FR', 'YU']);
    expect(legs[0]).toHaveTextContent('Origin');
    expect(legs[1]).toHaveTextContent('2026-01-02 → 2026-01-05');
    expect(legs[2]).toHaveTextContent('Le Havre FRLEH');
    expect(legs[3]).toHaveTextContent('Yugoslavia');
  });

  it('says so when there is no route', async () => {
    renderPage(<RoutePath legs={[]} />);
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No route recorded.');
  });
});
