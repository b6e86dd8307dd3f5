declare global {
  interface Window {
    /** Optional runtime configuration, set by /config.js (see README). */
    __NCEN_CONFIG__?: { apiUrl?: string };
  }
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * Base URL of the API, without a trailing slash. Empty means same origin.
 * Runtime config (`window.__NCEN_CONFIG__.apiUrl`) wins over the build-time `VITE_API_URL`.
 */
export function apiBaseUrl(): string {
  const runtime = typeof window !== 'undefined' ? window.__NCEN_CONFIG__?.apiUrl : undefined;
  if (runtime) return trimSlash(runtime);
  const built = import.meta.env.VITE_API_URL as string | undefined;
  return built ? trimSlash(built) : '';
}

/** The self-hosted API reference served by the API. */
export function apiDocsUrl(): string {
  return `${apiBaseUrl()}/api/docs/`;
}
