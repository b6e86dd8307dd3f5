import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { apiBaseUrl } from '@/lib/config';
import { refreshDelayMs, session } from '@/lib/session';
import { ApiError, unwrap } from './errors';
import type { LoginRequest, TokenResponse } from './types';

/** A client without the auth middleware, for the auth endpoints themselves. */
const authClient = createClient<paths>({
  baseUrl: apiBaseUrl(),
  credentials: 'include',
  // resolved per call, so tests (and polyfills) can replace fetch
  fetch: (request) => globalThis.fetch(request),
});

let inFlight: Promise<string | null> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

function accept(tokens: TokenResponse): string {
  session.signedIn(tokens.access_token, tokens.expires_in);
  schedule(tokens.expires_in);
  return tokens.access_token;
}

function schedule(expiresIn: number) {
  clearTimeout(timer);
  timer = setTimeout(() => {
    void refreshSession().then((t) => {
      if (!t) session.expired();
    });
  }, refreshDelayMs(expiresIn));
}

async function doRefresh(): Promise<string | null> {
  try {
    // A cookie rotated moments ago (another tab, or a reload that cut an answer short) still
    // gets a successor from the server, so one request is enough.
    const res = await authClient.POST('/api/v1/auth/refresh');
    if (!res.response.ok || !res.data) return null;
    return accept(res.data);
  } catch {
    return null;
  }
}

/**
 * Exchanges the refresh cookie for a new access token. Concurrent callers share
 * one request; across tabs the Web Locks API keeps two tabs from rotating the
 * same cookie at once (re-use of a rotated token would end the session).
 */
export function refreshSession(): Promise<string | null> {
  if (!inFlight) {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    const run: Promise<string | null> = locks
      ? locks.request('ncen-refresh', () => doRefresh()).then((token) => token)
      : doRefresh();
    inFlight = run.finally(() => {
      inFlight = null;
    });
  }
  return inFlight;
}

/** On start-up: is there a session to resume? */
export async function resumeSession(): Promise<boolean> {
  const token = await refreshSession();
  if (!token) session.none();
  return !!token;
}

export async function signIn(credentials: LoginRequest): Promise<void> {
  let res;
  try {
    res = await authClient.POST('/api/v1/auth/login', { body: credentials });
  } catch (e) {
    throw new ApiError(0, null, e instanceof Error ? e.message : String(e));
  }
  accept(unwrap(res));
}

export async function signOut(): Promise<void> {
  clearTimeout(timer);
  try {
    const token = session.token();
    await authClient.POST('/api/v1/auth/logout', {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
  } finally {
    session.signedOut();
  }
}

/** Called when the session ends on its own: stop refreshing. */
export function stopRefreshing() {
  clearTimeout(timer);
}
