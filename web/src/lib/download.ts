/**
 * Files the API hands out (exports): the name the server gives them, saving them, and telling
 * a refusal for size from other failures. Shared by every feature that offers a download.
 */
import { isApiError, unwrap } from '@/api/errors';
import { saveBlob } from './useObjectUrl';

/** The file formats list exports come in. */
export type ExportFormat = 'csv' | 'xlsx';

/** The file name of a `Content-Disposition: attachment; filename=…` header, if any. */
export function attachmentName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through to the plain parameter */
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  const name = plain?.[2] ?? plain?.[1]?.trim();
  return name || null;
}

/**
 * Saves the file of an openapi-fetch result (fetched with `parseAs: 'blob'`) under the server's
 * name, or `fallback` without one, and returns the name. A failed call throws an ApiError.
 */
export function saveResponse(result: { data?: unknown; error?: unknown; response: Response }, fallback: string): string {
  const blob = unwrap(result) as Blob;
  const name = attachmentName(result.response.headers.get('Content-Disposition')) ?? fallback;
  saveBlob(blob, name);
  return name;
}

/** The server refused an export as too large (`too_many_rows`, at the top or on a field). */
export function isTooManyRows(e: unknown): boolean {
  return isApiError(e) && (e.code === 'too_many_rows' || (e.problem?.errors ?? []).some((f) => f.code === 'too_many_rows'));
}
