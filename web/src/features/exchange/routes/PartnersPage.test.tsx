import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/i18n';
import { session } from '@/lib/session';
import type { Partner } from '../api/exchange';
import { FINGERPRINT, KEY, NODE, json, partner, problem, renderAs, stubApi, stubFonts, type Req } from '../test/fake';
import { PartnersPage } from './PartnersPage';

/** A fake of the partner endpoints over `items`: registering checks the fingerprint against FINGERPRINT. */
function fakePartners(items: Partner[]) {
  let current = [...items];
  return (req: Req) => {
    const { pathname } = req.url;
    if (pathname === '/api/v1/exchange/node') return json(NODE);
    if (pathname === '/api/v1/exchange/partners' && req.method === 'GET') return json({ items: current });
    if (pathname === '/api/v1/exchange/partners' && req.method === 'POST') {
      const body = req.body as { fingerprint: string; public_key: string; name: string; country: string; endpoint: string; contact: string | null };
      if (current.some((p) => p.public_key === body.public_key)) return problem(409, 'conflict', { detail: 'a partner with this key is already registered' });
      if (body.fingerprint.replace(/[^0-9a-f]/gi, '').toUpperCase() !== FINGERPRINT.replace(/ /g, '')) {
        return problem(422, 'validation_failed', {
          errors: [{ field: 'fingerprint', code: 'mismatch', message: "is not this key's fingerprint: check the key and the fingerprint with the partner" }],
        });
      }
      const created = partner({ id: 'new-partner', ...body, fingerprint: FINGERPRINT, confirmed_by_name: 'Me Myself' });
      current = [...current, created];
      return json(created, 201);
    }
    const m = /^\/api\/v1\/exchange\/partners\/([^/]+)$/.exec(pathname);
    if (m && req.method === 'PATCH') {
      const found = current.find((p) => p.id === m[1])!;
      const next = { ...found, ...(req.body as object), version: found.version + 1 };
      current = current.map((p) => (p.id === found.id ? next : p));
      return json(next);
    }
    return undefined;
  };
}

const ROUTES = [
  { path: '/exchange/partners', element: <PartnersPage /> },
  { path: '/exchange/agreements', element: <p>agreements page</p> },
];

describe('the partners page', { timeout: 60_000 }, () => {
  beforeEach(() => {
    stubFonts();
    session.signedIn('tok', 900);
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    session.reset();
    await i18n.changeLanguage('en');
  });

  it('shows this node’s identity to give partners out of band, and the partners registered', async () => {
    stubApi(fakePartners([partner(), partner({ id: 'sn', country: 'SN', name: 'Douanes sénégalaises', status: 'suspended', confirmed_by_name: 'Paul Liaison' })]));
    renderAs(ROUTES, '/exchange/partners');
    expect(await screen.findByRole('heading', { level: 1, name: 'Partner administrations' })).toBeInTheDocument();

    const node = screen.getByTestId('node-identity');
    expect(await within(node).findByTestId('node-fingerprint')).toHaveTextContent('AAAA BBBB CCCC DDDD EEEE FFFF 0000 1111');
    expect(within(node).getByTestId('node-public-key')).toHaveTextContent('a'.repeat(64));
    await waitFor(() => expect(within(node).getByTestId('node-country')).toHaveTextContent('France'));
    expect(node).toHaveTextContent('Give this public key to each partner administration out of band');
    expect(node).toHaveTextContent('read the fingerprint out to them by telephone or in person');
    expect(within(node).getByRole('button', { name: 'Copy the public key' })).toBeInTheDocument();
    expect(within(node).getByRole('button', { name: 'Copy the fingerprint' })).toBeInTheDocument();

    const table = await screen.findByTestId('partners-table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Country',
      'Administration',
      'Address of its nCEN',
      'Key fingerprint',
      'Status',
      'Fingerprint confirmed by',
      'Actions',
    ]);
    const row = table.querySelector<HTMLElement>(`tr[data-partner-id="${partner().id}"]`)!;
    await waitFor(() => expect(row).toHaveTextContent('Morocco'));
    expect(row).toHaveTextContent('https://ncen.douane.gov.ma');
    expect(within(row).getByTestId('partner-fingerprint')).toHaveTextContent('1234 5678 9ABC DEF0 1234 5678 9ABC DEF0');
    expect(row).toHaveTextContent('Active');
    expect(row).toHaveTextContent('Louise Liaison');
    expect(table.querySelector('tr[data-partner-id="sn"]')).toHaveTextContent('Suspended');
  });

  it('registers a partner, explaining a fingerprint that is not the key’s own', async () => {
    const calls = stubApi(fakePartners([partner()]));
    renderAs(ROUTES, '/exchange/partners');
    await screen.findByTestId('partners-table');
    await userEvent.click(screen.getByRole('button', { name: 'Register a partner' }));
    const dialog = await screen.findByRole('dialog', { name: 'Register a partner administration' });
    expect(within(dialog).getByTestId('fingerprint-note')).toHaveTextContent('Confirm the fingerprint by telephone or in person');

    // nothing typed: checked before anything is sent
    await userEvent.click(within(dialog).getByRole('button', { name: 'Register the partner' }));
    expect(within(dialog).getAllByText('Required').length).toBeGreaterThanOrEqual(4);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await userEvent.click(within(dialog).getByRole('combobox', { name: /^Country/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Senegal' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Name of the administration/ }), 'Douanes sénégalaises');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Address of its nCEN/ }), 'https://ncen.douanes.sn/');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Public key/ }), KEY);
    const fingerprint = within(dialog).getByRole('textbox', { name: /^Fingerprint, as read out by the partner/ });
    await userEvent.type(fingerprint, '21FE 3171 2D2D 0D3A 50E3 33C8 9A0B 2D8C');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Register the partner' }));

    // the server's `fingerprint: mismatch`, said in words at the field
    expect(
      await within(dialog).findByText(
        'This is not the fingerprint of the key entered. Check the key and the fingerprint with the partner again, by telephone or in person: the key may have been altered on its way.',
      ),
    ).toBeInTheDocument();
    expect(fingerprint).toHaveAttribute('aria-invalid', 'true');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      country: 'SN',
      name: 'Douanes sénégalaises',
      endpoint: 'https://ncen.douanes.sn/',
      public_key: KEY,
      fingerprint: '21FE 3171 2D2D 0D3A 50E3 33C8 9A0B 2D8C',
      contact: null,
    });

    await userEvent.clear(fingerprint);
    await userEvent.type(fingerprint, '21fe:3171:2d2d:0d3a:50e3:33c8:9a0b:2d8b');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Register the partner' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Register a partner administration' })).not.toBeInTheDocument());
    const table = screen.getByTestId('partners-table');
    await waitFor(() => expect(table.querySelector('tr[data-partner-id="new-partner"]')).toHaveTextContent('Me Myself'));
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2);
  });

  it('says so at the key when it is already registered', async () => {
    stubApi(fakePartners([partner({ public_key: KEY })]));
    renderAs(ROUTES, '/exchange/partners');
    await screen.findByTestId('partners-table');
    await userEvent.click(screen.getByRole('button', { name: 'Register a partner' }));
    const dialog = await screen.findByRole('dialog', { name: 'Register a partner administration' });
    await userEvent.click(within(dialog).getByRole('combobox', { name: /^Country/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Morocco' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Name of the administration/ }), 'ADII');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Address of its nCEN/ }), 'https://ncen.example.ma');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Public key/ }), KEY);
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Fingerprint/ }), FINGERPRINT);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Register the partner' }));
    expect(await within(dialog).findByText('A partner with this key is already registered.')).toBeInTheDocument();
  });

  it('suspends a partner after a confirmation, and reactivates it, at the version shown', async () => {
    const calls = stubApi(fakePartners([partner({ version: 3 })]));
    renderAs(ROUTES, '/exchange/partners');
    const table = await screen.findByTestId('partners-table');
    const actions = () => within(table).getByRole('button', { name: 'Actions for Administration des douanes et impôts indirects' });

    await userEvent.click(actions());
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Suspend' }));
    const dialog = await screen.findByRole('dialog', { name: 'Suspend this partner?' });
    expect(dialog).toHaveTextContent('nothing is sent to it or accepted from it');
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Suspend' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({ path: `/api/v1/exchange/partners/${partner().id}`, ifMatch: '"3"', body: { status: 'suspended' } }),
    );
    await waitFor(() => expect(table.querySelector('tr[data-partner-id]')).toHaveTextContent('Suspended'));

    await userEvent.click(actions());
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Reactivate' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')[1]).toMatchObject({ ifMatch: '"4"', body: { status: 'active' } }));
    await waitFor(() => expect(table.querySelector('tr[data-partner-id]')).toHaveTextContent('Active'));
  });

  it('corrects a partner’s endpoint and contact, sending only what changed', async () => {
    const calls = stubApi(fakePartners([partner()]));
    renderAs(ROUTES, '/exchange/partners');
    const table = await screen.findByTestId('partners-table');
    await userEvent.click(within(table).getByRole('button', { name: /^Actions for/ }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Administration des douanes et impôts indirects' });
    const endpoint = within(dialog).getByRole('textbox', { name: /^Address of its nCEN/ });
    await userEvent.clear(endpoint);
    await userEvent.type(endpoint, 'ftp://wrong');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(await within(dialog).findByText('An address beginning with http:// or https://, without spaces.')).toBeInTheDocument();
    await userEvent.clear(endpoint);
    await userEvent.type(endpoint, 'https://exchange.douane.gov.ma');
    await userEvent.clear(within(dialog).getByRole('textbox', { name: /^Contact/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({ ifMatch: '"1"', body: { endpoint: 'https://exchange.douane.gov.ma', contact: null } }),
    );
    expect(Object.keys(calls.find((c) => c.method === 'PATCH')!.body as object)).toEqual(['endpoint', 'contact']);
  });

  it('speaks French', async () => {
    await i18n.changeLanguage('fr');
    stubApi(fakePartners([partner()]));
    renderAs(ROUTES, '/exchange/partners');
    expect(await screen.findByRole('heading', { level: 1, name: 'Administrations partenaires' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Pages de l’échange' })).toBeInTheDocument();
    expect(await screen.findByTestId('partners-table')).toHaveTextContent('Actif');
  });
});
