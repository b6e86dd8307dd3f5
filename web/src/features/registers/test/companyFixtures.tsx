/**
 * A company, its profile and its network as the API sends them, and a page to render them
 * with a fake API: the tests of the company database's tabs share them.
 */
import { vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { codeBookQuery } from '@/api/queries/codelists';
import { meQuery } from '@/api/queries/me';
import type { CodeListEntry, Company, CompanyNetwork, CompanyProfile, Me } from '@/api/types';
import { renderRoutes } from '@/test/render';
import { mergeKeys } from '../api/merges';
import { recordKeys } from '../api/registers';
import { CompanyPage } from '../routes/RecordPages';

export const entry = (code: string, en: string, attributes: Record<string, string> = {}) =>
  ({ code, labels: { en }, attributes, retired: false, sort_order: 0 }) as unknown as CodeListEntry;

export const company = {
  id: 'c1',
  version: 4,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-02T00:00:00Z',
  name: 'Acme Freight BV',
  aliases: [],
  country: 'NL',
  legal_form: null,
  incorporation_country: null,
  incorporated_on: null,
  status: 'active',
  status_since: null,
  former_names: [],
  registration_number: '12345678',
  tax_id: null,
  eori: null,
  identifiers: [],
  activities: [],
  addresses: [],
  phones: [],
  emails: [],
  websites: [],
  hs_chapters: [],
  trade_countries: [],
  notes: null,
  cases: [
    { case_id: 's1', reference: 'NL-2026-000001', kind: 'seizure', status: 'validated', detected_at: '2026-01-03T10:00:00Z', role: 'importer' },
    { case_id: 's1', reference: 'NL-2026-000001', kind: 'seizure', status: 'validated', detected_at: '2026-01-03T10:00:00Z', role: 'consignee' },
    { case_id: 's2', reference: 'NL-2026-000002', kind: 'seizure', status: 'draft', detected_at: '2026-01-04T10:00:00Z', role: 'exporter' },
  ],
  correction_locked: false,
} as unknown as Company;

const at = '2026-01-05T10:00:00Z';
const analyst = { id: 'u2', name: 'Ana Analyst' };

export const profile: CompanyProfile = {
  people: [
    { id: 'l1', person: { id: 'p1', name: 'DUPONT Jean' }, role: 'director', share_percent: null, from: '2020-01-01', until: null, note: 'Since the takeover', created_at: at },
    { id: 'l2', person: { id: 'p2', name: 'MARTIN Anne' }, role: 'shareholder', share_percent: 40, from: null, until: null, note: null, created_at: at },
  ],
  relations: [
    {
      id: 'r1',
      kind: 'subsidiary',
      company: { id: 'c2', name: 'Acme Holding SA', status: 'active', country: 'BE', risk_score: 65, risk_band: 'high' },
      share_percent: 100,
      from: '2015-01-01',
      until: null,
      note: null,
      created_at: at,
    },
    {
      id: 'r2',
      kind: 'successor_of',
      company: { id: 'c3', name: 'Old Acme BV', status: 'dissolved', country: 'NL', risk_score: 10, risk_band: 'low' },
      share_percent: null,
      from: null,
      until: null,
      note: 'Took over its trade',
      created_at: at,
    },
  ],
  computed_links: [
    { company: { id: 'c4', name: 'Quay Traders', status: 'active', country: 'NL', risk_score: 40, risk_band: 'medium' }, shared: 'address', value: '1 Quay Street, 3011 AA Rotterdam' },
    { company: { id: 'c5', name: 'Dupont Logistics', status: 'active', country: 'FR', risk_score: 5, risk_band: 'low' }, shared: 'director', value: 'DUPONT Jean', person_id: 'p1' },
    { company: { id: 'c6', name: 'Dock Services', status: 'dormant', country: 'NL', risk_score: 12, risk_band: 'low' }, shared: 'address', value: '1 Quay Street, 3011 AA Rotterdam' },
  ],
  hubs: [{ shared: 'address', value: '10 Formation Lane, Dublin', companies: 240 }],
  shared_identifiers: [{ kind: 'vat', value: 'NL123456789B01', companies: [{ id: 'c7', name: 'Twin Freight' }], count: 3 }],
  typologies: [
    { id: 't1', typology: 'undervaluation', case: { id: 's1', name: 'NL-2026-000001' }, investigation: null, note: 'Invoices at half price', recorded_by: analyst, recorded_at: at },
    { id: 't2', typology: 'phoenix', case: null, investigation: null, note: null, recorded_by: analyst, recorded_at: at },
  ],
  flags: [{ id: 'f1', points: 15, reason: 'Known front company', set_by: analyst, set_at: at }],
  risk: {
    score: 72,
    band: 'high',
    thresholds: { medium: 30, high: 60 },
    pending: false,
    computed_at: '2026-01-06T08:00:00Z',
    explanation: [
      { factor: 'cases', points: 30, rule: 'cases', refs: [{ kind: 'case', id: 's1', label: 'NL-2026-000001', points: 30 }] },
      { factor: 'investigations', points: 10, rule: 'investigations', refs: [{ kind: 'investigation', id: null, label: '', points: 10 }] },
      { factor: 'linked_companies', points: 10, rule: 'linked', refs: [{ kind: 'company', id: 'c2', label: 'Acme Holding SA', points: 10 }] },
      { factor: 'linked_persons', points: 7, rule: 'persons', refs: [{ kind: 'person', id: 'p1', label: 'DUPONT, Jean', points: 7 }] },
      { factor: 'manual_flags', points: 15, rule: 'flags', refs: [{ kind: 'flag', id: 'f1', label: 'Known front company', points: 15 }] },
    ],
  },
};

/**
 * Around the company: its director, its parent (a relation), its address shared with a
 * dissolved company, the address hosting more companies than listed (truncated).
 */
export const network: CompanyNetwork = {
  nodes: [
    { id: 'company:c1', kind: 'company', label: 'Acme Freight BV', record_id: 'c1', status: 'active', country: 'NL', risk_score: 72, depth: 0 },
    { id: 'person:p1', kind: 'person', label: 'DUPONT Jean', record_id: 'p1', status: null, country: null, risk_score: null, depth: 1 },
    { id: 'company:c2', kind: 'company', label: 'Acme Holding SA', record_id: 'c2', status: 'active', country: 'BE', risk_score: 65, depth: 1 },
    { id: 'address:1 quay street', kind: 'address', label: '1 Quay Street, 3011 AA Rotterdam', record_id: null, status: null, country: null, risk_score: null, depth: 1 },
    { id: 'company:c3', kind: 'company', label: 'Old Acme BV', record_id: 'c3', status: 'dissolved', country: 'NL', risk_score: 40, depth: 2 },
  ],
  edges: [
    { source: 'person:p1', target: 'company:c1', kind: 'director', share_percent: null, from: '2020-01-01', until: null },
    { source: 'company:c2', target: 'company:c1', kind: 'parent_of', share_percent: 100, from: null, until: null },
    { source: 'company:c1', target: 'address:1 quay street', kind: 'address', share_percent: null, from: null, until: null },
    { source: 'company:c3', target: 'address:1 quay street', kind: 'address', share_percent: null, from: null, until: null },
  ],
  truncated: [{ node: 'address:1 quay street', shown: 50, total: 120 }],
  capped: false,
};

export const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

export const problem = (errors: { field: string; code: string; message: string }[], status = 422, code = 'validation_failed') =>
  json({ type: 'about:blank', title: 'Validation failed', status, code, detail: errors[0]?.message ?? code, errors }, status, 'application/problem+json');

export interface Call {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  type: string | null;
}

type Handler = (call: Call) => Response | undefined | Promise<Response | undefined>;

/** Officers correct registers; analysts assess companies. */
export const OFFICER = ['registers.read', 'registers.write'];
export const ANALYST = ['registers.read', 'companies.assess'];

/**
 * The company's page at `path` over a fake API: the profile and the network from the
 * fixtures unless `handler` answers first; every call recorded.
 */
export function renderCompany(path: string, { permissions = OFFICER, handler = () => undefined }: { permissions?: string[]; handler?: Handler } = {}) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url);
      const text = req.method === 'GET' ? '' : await req.clone().text();
      const type = req.headers.get('Content-Type');
      let body: unknown = text;
      if (text && type?.includes('json')) body = JSON.parse(text);
      const call = { method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), body, type };
      calls.push(call);
      const answer = await handler(call);
      if (answer) return answer;
      if (call.path === '/api/v1/companies/c1/profile') return json(profile);
      if (call.path === '/api/v1/companies/c1/network') return json(network);
      if (req.method === 'DELETE') return new Response(null, { status: 204 });
      return json({ items: [], entries: [] });
    }),
  );
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  qc.setQueryData(meQuery.queryKey, { id: 'u1', username: 'user1', roles: [], permissions } as unknown as Me);
  qc.setQueryData(recordKeys.detail('companies', 'c1'), company);
  qc.setQueryData(recordKeys.history('companies', 'c1'), []);
  qc.setQueryData(mergeKeys.forRecord('c1'), []);
  qc.setQueryData(recordKeys.companyRisk('c1'), profile.risk);
  qc.setQueryData(codeBookQuery('countries').queryKey, [entry('NL', 'Netherlands'), entry('BE', 'Belgium')]);
  qc.setQueryData(codeBookQuery('company_roles').queryKey, [entry('importer', 'Importer')]);
  qc.setQueryData(codeBookQuery('fraud_typologies').queryKey, [entry('undervaluation', 'Undervaluation'), entry('phoenix', 'Phoenix company')]);
  const utils = renderRoutes(
    [
      { path: '/registers/companies/:id', element: <CompanyPage /> },
      { path: '/registers/persons/:id', element: <p>person page</p> },
    ],
    path,
    qc,
  );
  return {
    ...utils,
    calls,
    /** the calls to `path` (and `method`) */
    to: (p: string, method = 'GET') => calls.filter((c) => c.path === p && c.method === method),
  };
}
