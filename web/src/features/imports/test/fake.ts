/** A fake API and import jobs for the feature's tests. */
import type { RouteObject } from 'react-router';
import { vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { meQuery } from '@/api/queries/me';
import type { Me } from '@/api/types';
import { renderRoutes } from '@/test/render';
import { shareLiveEvent } from '@/lib/liveEvents';
import type { ImportJob, ImportProposal } from '../api/imports';

export const SUPERVISOR = ['units.read', 'codelists.read', 'registers.read', 'registers.write', 'imports.run'];

export const JOB_ID = '0194a000-0000-7000-8000-000000000001';

export function job(over: Partial<ImportJob> = {}): ImportJob {
  return {
    id: JOB_ID,
    bytes_done: 0,
    cancel_requested: false,
    created: 0,
    created_at: '2026-03-10T09:00:00Z',
    created_by: 'me',
    created_by_name: 'Sam Supervisor',
    dry_run: true,
    failure: null,
    filename: 'people.ndjson',
    finished_at: null,
    file_purged_at: null,
    format: 'ndjson',
    matched: 0,
    mode: 'valid_rows',
    proposals: 0,
    record_type: 'persons',
    rejected: 0,
    rows_done: 0,
    sha256: 'a'.repeat(64),
    size_bytes: 2048,
    source_system: 'legacy-crm',
    started_at: null,
    status: 'queued',
    unchanged: 0,
    updated: 0,
    ...over,
  };
}

/** A proposal of line `line`: the person its case's import created may be an existing register person. */
export function proposalAt(line: number, over: Partial<ImportProposal> = {}): ImportProposal {
  return {
    line,
    field: 'persons[0]',
    record_kind: 'person',
    record_id: `0194b000-0000-7000-8000-00000000${String(line).padStart(4, '0')}`,
    candidate_id: `0194b000-0000-7000-8000-0000000e${String(line).padStart(4, '0')}`,
    case_id: `0194c000-0000-7000-8000-00000000${String(line).padStart(4, '0')}`,
    score: 0.834,
    record_label: null,
    candidate_label: null,
    ...over,
  };
}

/** What the live connection hands the pages when the server sends `import.progress` for `job`. */
export function progressEvent(over: Partial<ImportJob> = {}) {
  const j = job(over);
  const data = { id: j.id, status: j.status, rows_done: j.rows_done, created: j.created, updated: j.updated, unchanged: j.unchanged, rejected: j.rejected };
  shareLiveEvent('import.progress', JSON.stringify(data));
}

export interface Req {
  method: string;
  url: URL;
  body: unknown;
}

export interface Call {
  method: string;
  path: string;
  body: unknown;
}

export const json = (b: unknown, status = 200) =>
  new Response(JSON.stringify(b), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });

export const problem = (status: number, code: string, extra: object = {}) =>
  json({ type: 'about:blank', title: 'Problem', status, code, ...extra }, status);

/** Replaces fetch: `handler` answers what it knows, anything else is a 404. Every call is recorded. */
export function stubApi(handler: (req: Req) => Response | undefined) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      const text = request.method === 'GET' ? '' : await request.text();
      const body = text ? (JSON.parse(text) as unknown) : null;
      calls.push({ method: request.method, path: url.pathname + url.search, body });
      return handler({ method: request.method, url, body }) ?? problem(404, 'not_found');
    }),
  );
  return calls;
}

/** Renders `routes` at `path` for a user with `permissions` (a supervisor by default). */
export function renderAs(routes: RouteObject[], path: string, permissions = SUPERVISOR) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  client.setQueryData(meQuery.queryKey, { id: 'me', username: 'sup', roles: ['supervisor'], permissions } as unknown as Me);
  return renderRoutes(routes, path, client);
}
