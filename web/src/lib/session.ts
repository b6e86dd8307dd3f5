/**
 * In-memory session state. The access token is never persisted: a reload
 * recovers the session through the HttpOnly refresh cookie.
 */
export type SessionStatus = 'unknown' | 'authenticated' | 'anonymous' | 'expired';

interface SessionState {
  status: SessionStatus;
  token: string | null;
  /** epoch ms at which the access token expires */
  expiresAt: number;
}

type Listener = () => void;

let state: SessionState = { status: 'unknown', token: null, expiresAt: 0 };
const listeners = new Set<Listener>();

function set(next: SessionState) {
  state = next;
  listeners.forEach((l) => l());
}

export const session = {
  get: (): SessionState => state,
  token: (): string | null => state.token,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  signedIn(token: string, expiresInSeconds: number, now = Date.now()) {
    set({ status: 'authenticated', token, expiresAt: now + expiresInSeconds * 1000 });
  },
  /** The user signed out on purpose. */
  signedOut() {
    set({ status: 'anonymous', token: null, expiresAt: 0 });
  },
  /** The session ended without the user asking (refresh refused, account disabled...). */
  expired() {
    if (state.status === 'anonymous') return;
    set({ status: 'expired', token: null, expiresAt: 0 });
  },
  /** Initial probe found no session. */
  none() {
    set({ status: 'anonymous', token: null, expiresAt: 0 });
  },
  /** test helper */
  reset() {
    set({ status: 'unknown', token: null, expiresAt: 0 });
  },
};

/** When to refresh a token that expires in `expiresInSeconds`: a minute early, or at 80 % of a short life. */
export function refreshDelayMs(expiresInSeconds: number): number {
  const life = expiresInSeconds * 1000;
  return Math.max(1_000, life - Math.min(60_000, life * 0.2));
}
