import { beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (req: Request) => Response | Promise<Response>;

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
function problem(status: number, code: string) {
  return new Response(JSON.stringify({ type: 'about:blank', title: code, status, code }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

async function setup(handler: Handler) {
  vi.resetModules();
  window.__NCEN_CONFIG__ = { apiUrl: 'http://api.test/' };
  const calls: { url: string; auth: string | null; method: string }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: Request) => {
      const req = input instanceof Request ? input : new Request(input);
      calls.push({ url: req.url, auth: req.headers.get('Authorization'), method: req.method });
      return handler(req);
    }),
  );
  const { api } = await import('./client');
  const { session } = await import('@/lib/session');
  return { api, session, calls };
}

const me = { id: 'u1', username: 'admin', permissions: [] };

describe('auth middleware', () => {
  beforeEach(() => {
    vi.unstubAllGlobals();
  });

  it('sends the bearer token to the configured API base URL', async () => {
    const { api, session, calls } = await setup(() => json(me));
    session.signedIn('tok-1', 900);
    const res = await api.GET('/api/v1/me');
    expect(res.data).toEqual(me);
    expect(calls).toEqual([{ url: 'http://api.test/api/v1/me', auth: 'Bearer tok-1', method: 'GET' }]);
  });

  it('refreshes once on 401 and replays the request with the new token', async () => {
    const { api, session, calls } = await setup((req) => {
      if (req.url.endsWith('/auth/refresh')) return json({ access_token: 'tok-2', token_type: 'Bearer', expires_in: 900 });
      return req.headers.get('Authorization') === 'Bearer tok-2' ? json(me) : problem(401, 'unauthenticated');
    });
    session.signedIn('tok-1', 900);
    const res = await api.GET('/api/v1/me');
    expect(res.data).toEqual(me);
    expect(calls.map((c) => `${c.method} ${new URL(c.url).pathname} ${c.auth ?? '-'}`)).toEqual([
      'GET /api/v1/me Bearer tok-1',
      'POST /api/v1/auth/refresh -',
      'GET /api/v1/me Bearer tok-2',
    ]);
    expect(session.get().status).toBe('authenticated');
  });

  it('ends the session when the refresh is refused', async () => {
    const { api, session } = await setup((req) =>
      req.url.endsWith('/auth/refresh') ? problem(401, 'unauthenticated') : problem(401, 'unauthenticated'),
    );
    session.signedIn('tok-1', 900);
    const res = await api.GET('/api/v1/me');
    expect(res.response.status).toBe(401);
    expect(session.get()).toMatchObject({ status: 'expired', token: null });
  });

  it('shares one refresh between concurrent 401s', async () => {
    let refreshes = 0;
    const { api, session } = await setup(async (req) => {
      if (req.url.endsWith('/auth/refresh')) {
        refreshes += 1;
        await new Promise((r) => setTimeout(r, 10));
        return json({ access_token: 'tok-2', token_type: 'Bearer', expires_in: 900 });
      }
      return req.headers.get('Authorization') === 'Bearer tok-2' ? json(me) : problem(401, 'unauthenticated');
    });
    session.signedIn('tok-1', 900);
    const results = await Promise.all([api.GET('/api/v1/me'), api.GET('/api/v1/units'), api.GET('/api/v1/codelists')]);
    expect(results.every((r) => r.response.ok)).toBe(true);
    expect(refreshes).toBe(1);
  });
});
