import type { Problem } from './types';

/** A failed API call: an HTTP problem (RFC 9457) or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Partial<Problem> | null;
  /** seconds, from Retry-After on 429/503 */
  readonly retryAfter: number | undefined;
  /** from the X-Request-Id response header, to quote to support */
  readonly requestId: string | undefined;

  constructor(
    status: number,
    problem: Partial<Problem> | null,
    message?: string,
    meta: { retryAfter?: number; requestId?: string } = {},
  ) {
    super(message ?? problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = meta.retryAfter;
    this.requestId = meta.requestId;
  }

  get code(): string | undefined {
    return this.problem?.code;
  }

  /** Field errors keyed by JSON field name (first message wins). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem?.errors ?? []) {
      if (e.field && !(e.field in out)) out[e.field] = e.message || e.code;
    }
    return out;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** 412: the record changed since it was read (optimistic concurrency). */
export function isStale(e: unknown): boolean {
  return isApiError(e) && e.status === 412;
}

function asProblem(body: unknown): Partial<Problem> | null {
  return body && typeof body === 'object' ? (body as Partial<Problem>) : null;
}

/**
 * Turns an openapi-fetch result into its data, or throws an ApiError.
 * `data` may be undefined for 204 responses.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  const retry = Number(result.response.headers.get('Retry-After'));
  throw new ApiError(result.response.status, asProblem(result.error), undefined, {
    retryAfter: Number.isFinite(retry) && retry > 0 ? retry : undefined,
    requestId: result.response.headers.get('X-Request-Id') ?? undefined,
  });
}

/** Wraps a fetch that threw (offline, DNS, CORS) in an ApiError with status 0. */
export function networkError(e: unknown): ApiError {
  return new ApiError(0, null, e instanceof Error ? e.message : String(e));
}
