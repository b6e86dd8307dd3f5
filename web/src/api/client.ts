import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { apiBaseUrl } from '@/lib/config';
import { session } from '@/lib/session';
import { refreshSession } from './auth';

const AUTH_PATHS = new Set(['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/logout']);

/** Copies of in-flight requests, so a request refused for an expired token can be replayed once. */
const replayable = new Map<string, { copy: Request; token: string | null }>();

/**
 * Adds the bearer token; on 401 refreshes the access token once (single flight)
 * and replays the request; if the refresh is refused the session has ended.
 */
export const authMiddleware: Middleware = {
  onRequest({ request, schemaPath, id }) {
    if (AUTH_PATHS.has(schemaPath)) return request;
    const token = session.token();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    replayable.set(id, { copy: request.clone(), token });
    return request;
  },
  async onResponse({ response, schemaPath, id }) {
    const entry = replayable.get(id);
    replayable.delete(id);
    if (AUTH_PATHS.has(schemaPath) || response.status !== 401 || !entry) return response;
    // Someone else may already have refreshed since this request left.
    const current = session.token();
    const fresh = current && current !== entry.token ? current : await refreshSession();
    if (!fresh) {
      session.expired();
      return response;
    }
    entry.copy.headers.set('Authorization', `Bearer ${fresh}`);
    const retried = await fetch(entry.copy);
    if (retried.status === 401) session.expired();
    return retried;
  },
  onError({ id }) {
    replayable.delete(id);
  },
};

/** The typed API client used by every feature. */
export const api = createClient<paths>({
  baseUrl: apiBaseUrl(),
  credentials: 'include',
  // resolved per call, so tests (and polyfills) can replace fetch
  fetch: (request) => globalThis.fetch(request),
});
api.use(authMiddleware);
