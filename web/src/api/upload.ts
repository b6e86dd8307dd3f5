import { apiBaseUrl } from '@/lib/config';
import { session } from '@/lib/session';
import { refreshSession } from './auth';
import { ApiError } from './errors';

function parseProblem(text: string) {
  try {
    const body = JSON.parse(text) as unknown;
    return body && typeof body === 'object' ? (body as ConstructorParameters<typeof ApiError>[1]) : null;
  } catch {
    return null;
  }
}

interface Answer {
  status: number;
  text: string;
  requestId?: string;
}

/**
 * A multipart upload to `path` (e.g. `/api/v1/message-attachments`) through XMLHttpRequest,
 * since fetch cannot report upload progress: `onProgress` gets the fraction sent (0–1).
 * Sends the bearer token; on 401 refreshes the session once and sends again (`form` is called
 * for each attempt). Aborting `signal` rejects with an `AbortError`; an answer other than 2xx
 * rejects with an `ApiError` carrying the problem, a network failure with status 0.
 */
export function uploadMultipart<T>(
  path: string,
  form: () => FormData,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  return uploadBody<T>(path, form, onProgress, signal);
}

/**
 * Like `uploadMultipart`, for any body (`body` is called for each attempt): a raw file sent
 * as it is (e.g. an import's NDJSON), with its `headers` (`Content-Type`, `Idempotency-Key`).
 */
export function uploadBody<T>(
  path: string,
  body: () => XMLHttpRequestBodyInit,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
  headers: Record<string, string> = {},
): Promise<T> {
  const send = (token: string | null) =>
    new Promise<Answer>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new DOMException('aborted', 'AbortError'));
        return;
      }
      const xhr = new XMLHttpRequest();
      const abort = () => xhr.abort();
      const done = () => signal?.removeEventListener('abort', abort);
      xhr.open('POST', `${apiBaseUrl()}${path}`);
      xhr.withCredentials = true;
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
      };
      xhr.onload = () => {
        done();
        resolve({ status: xhr.status, text: xhr.responseText, requestId: xhr.getResponseHeader('X-Request-Id') ?? undefined });
      };
      xhr.onerror = () => {
        done();
        reject(new ApiError(0, null, 'network error'));
      };
      xhr.onabort = () => {
        done();
        reject(new DOMException('aborted', 'AbortError'));
      };
      signal?.addEventListener('abort', abort, { once: true });
      xhr.send(body());
    });

  return (async () => {
    let res = await send(session.token());
    if (res.status === 401) {
      const fresh = await refreshSession();
      if (!fresh) {
        session.expired();
        throw new ApiError(401, parseProblem(res.text));
      }
      onProgress(0);
      res = await send(fresh);
    }
    if (res.status < 200 || res.status >= 300) {
      throw new ApiError(res.status, parseProblem(res.text), undefined, { requestId: res.requestId });
    }
    onProgress(1);
    return JSON.parse(res.text) as T;
  })();
}
