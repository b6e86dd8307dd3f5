import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Unit } from '@/api/types';
import i18n from '@/i18n';
import { renderRoutes } from '@/test/render';
import { UnitsPage } from './UnitsPage';

const unit = (id: string, name: string, parent_id: string | null = null): Unit => ({
  id,
  code: id.toUpperCase(),
  name,
  name_translations: {},
  parent_id,
  location_type: null,
  unlocode: null,
  version: 3,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
});

const units = [unit('hq', 'Headquarters'), unit('port', 'Port of Le Havre', 'hq'), unit('team', 'Team A', 'port')];

/** Serves `list` and answers a PATCH or POST with `saved`; returns what was sent. */
function serve(list: Unit[], saved: Unit) {
  const sent: { method: string; url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const write = req.method === 'PATCH' || req.method === 'POST';
      if (write) sent.push({ method: req.method, url: new URL(req.url).pathname, body: await req.clone().json() });
      const body = write ? saved : { items: list };
      return new Response(JSON.stringify(body), { status: req.method === 'POST' ? 201 : 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return sent;
}

describe('UnitsPage', { timeout: 30_000 }, () => {
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

  it('shows each unit under its name in the UI language, else its own name', async () => {
    serve([{ ...units[0]!, name_translations: { ar: 'المديرية العامة' } }, units[1]!], units[0]!);
    await i18n.changeLanguage('ar');
    try {
      const { unmount } = renderRoutes([{ path: '/admin/units', element: <UnitsPage /> }], '/admin/units');
      const tree = await screen.findByTestId('units-tree');
      expect(await within(tree).findByText('المديرية العامة')).toBeInTheDocument();
      expect(within(tree).getByText('Port of Le Havre')).toBeInTheDocument();
      expect(within(tree).queryByText('Headquarters')).not.toBeInTheDocument();
      unmount();
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('sends a changed name in a language, and null for a cleared one', async () => {
    const port = { ...units[1]!, name_translations: { en: 'Le Havre port', ar: 'ميناء لوهافر' } };
    const sent = serve([units[0]!, port], { ...port, version: 4 });
    renderRoutes([{ path: '/admin/units', element: <UnitsPage /> }], '/admin/units?unit=port');
    const form = await screen.findByRole('form', { name: 'Edit unit' });
    const english = within(form).getByRole('textbox', { name: 'Name in English' });
    const arabic = within(form).getByRole('textbox', { name: 'Name in Arabic' });
    expect(english).toHaveValue('Le Havre port');
    expect(arabic).toHaveValue('ميناء لوهافر');
    // typed and shown right to left (Mantine puts `dir` on the input's wrapper)
    expect(arabic.closest('[dir]')).toHaveAttribute('dir', 'rtl');
    expect(arabic).toHaveAttribute('lang', 'ar');
    await userEvent.clear(english);
    await userEvent.type(within(form).getByRole('textbox', { name: 'Name in French' }), 'Port du Havre');
    await userEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ method: 'PATCH', url: '/api/v1/units/port', body: { name_translations: { en: null, fr: 'Port du Havre' } } });
  });

  it('creates a unit with its names in other languages, only those given', async () => {
    const sent = serve(units, unit('new', 'Roissy airport'));
    renderRoutes([{ path: '/admin/units', element: <UnitsPage /> }], '/admin/units');
    await screen.findByText('Headquarters');
    await userEvent.click(screen.getByRole('button', { name: /^New unit/ }));
    const dialog = await screen.findByRole('dialog', { name: 'New unit' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Code/ }), 'CDG');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Name\s*\*?$/ }), 'Roissy airport');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name in Arabic' }), 'مطار رواسي');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create unit' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.body).toMatchObject({ code: 'CDG', name: 'Roissy airport', name_translations: { ar: 'مطار رواسي' } });
  });
});
