/** A fake API and exchange data for the feature's tests. */
import type { RouteObject } from 'react-router';
import { vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { meQuery } from '@/api/queries/me';
import type { CodeListEntry, Me } from '@/api/types';
import { renderRoutes } from '@/test/render';
import type { Agreement, CenBatch, NodeIdentity, Partner } from '../api/exchange';

export const LIAISON = ['units.read', 'codelists.read', 'seizures.read', 'registers.read', 'exchange.manage'];

export const KEY = '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c';
export const FINGERPRINT = '21FE 3171 2D2D 0D3A 50E3 33C8 9A0B 2D8B';

export const NODE: NodeIdentity = {
  country: 'FR',
  public_key: 'a'.repeat(64),
  fingerprint: 'AAAA BBBB CCCC DDDD EEEE FFFF 0000 1111',
};

export const MA = '0193b000-0000-7000-8000-0000000000a1';
export const SN = '0193b000-0000-7000-8000-0000000000a2';

export function partner(over: Partial<Partner> = {}): Partner {
  return {
    id: MA,
    country: 'MA',
    name: 'Administration des douanes et impôts indirects',
    endpoint: 'https://ncen.douane.gov.ma',
    public_key: 'b'.repeat(64),
    fingerprint: '1234 5678 9ABC DEF0 1234 5678 9ABC DEF0',
    contact: 'Liaison desk, +212 5 37 00 00 00',
    status: 'active',
    confirmed_by: 'me',
    confirmed_by_name: 'Louise Liaison',
    created_at: '2026-03-01T10:00:00Z',
    updated_at: '2026-03-01T10:00:00Z',
    version: 1,
    ...over,
  };
}

export function agreement(over: Partial<Agreement> = {}): Agreement {
  return {
    id: '0193b000-0000-7000-8000-0000000000b1',
    partner_id: MA,
    partner_name: 'Administration des douanes et impôts indirects',
    partner_country: 'MA',
    instrument: 'bilateral_cmaa',
    reference: 'FR-MA CMAA 2019',
    purposes: ['Prevention and investigation of customs offences'],
    scope: 'non_nominal',
    commodity_groups: [],
    valid_from: '2020-01-01',
    valid_until: null,
    notes: null,
    in_force: true,
    created_by: 'me',
    created_at: '2026-03-01T10:00:00Z',
    updated_at: '2026-03-01T10:00:00Z',
    version: 1,
    ...over,
  };
}

export function batch(over: Partial<CenBatch> = {}): CenBatch {
  return {
    id: '0193b000-0000-7000-8000-0000000000c1',
    created_at: '2026-03-02T09:00:00Z',
    created_by: 'me',
    created_by_name: 'Louise Liaison',
    cases: 12,
    content_sha256: 'f'.repeat(64),
    ...over,
  };
}

const entry = (code: string, en: string, fr = en): CodeListEntry =>
  ({ code, labels: { en, fr, ar: en }, attributes: {}, retired: false, sort_order: 0 }) as CodeListEntry;

export const CODE_LISTS: Record<string, CodeListEntry[]> = {
  countries: [entry('FR', 'France'), entry('MA', 'Morocco', 'Maroc'), entry('SN', 'Senegal', 'Sénégal'), entry('EC', 'Ecuador', 'Équateur')],
  commodity_groups: [entry('drugs', 'Drugs', 'Stupéfiants'), entry('tobacco', 'Tobacco', 'Tabac')],
  commodity_types: [entry('cocaine', 'Cocaine', 'Cocaïne')],
  units_of_measure: [entry('kg', 'kg')],
  directions: [entry('import', 'Import')],
};

export interface Call {
  method: string;
  path: string;
  ifMatch: string | null;
  body: unknown;
}

export interface Req {
  method: string;
  url: URL;
  body: unknown;
}

export const json = (b: unknown, status = 200) =>
  new Response(JSON.stringify(b), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });

export const problem = (status: number, code: string, extra: object = {}) =>
  json({ type: 'about:blank', title: 'Problem', status, code, ...extra }, status);

/**
 * Replaces fetch: `handler` answers what it knows (undefined: not its business), the code lists
 * and units are answered here, anything else is a 404. Every call is recorded.
 */
export function stubApi(handler: (req: Req) => Response | undefined | Promise<Response | undefined>) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      const text = request.method === 'GET' ? '' : await request.text();
      const body = text ? (JSON.parse(text) as unknown) : null;
      calls.push({ method: request.method, path: url.pathname + url.search, ifMatch: request.headers.get('If-Match'), body });
      const answer = await handler({ method: request.method, url, body });
      if (answer) return answer;
      if (url.pathname.startsWith('/api/v1/codelists/')) {
        const name = url.pathname.split('/').pop() ?? '';
        return json({ name, description: '', entries: CODE_LISTS[name] ?? [] });
      }
      if (url.pathname === '/api/v1/units') return json({ items: [] });
      return problem(404, 'not_found');
    }),
  );
  return calls;
}

/** Renders `routes` at `path` for a signed-in user holding `permissions` (a liaison officer by default). */
export function renderAs(routes: RouteObject[], path: string, permissions = LIAISON) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  client.setQueryData(meQuery.queryKey, { id: 'me', username: 'liaison', roles: ['liaison'], permissions } as unknown as Me);
  return renderRoutes(routes, path, client);
}

/** Mantine's comboboxes wait for the fonts in jsdom. */
export function stubFonts() {
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
}
