/**
 * Files of the attachment pipeline (sent with messages, filed with journal entries): what the
 * picker accepts, the checks made before uploading, the server's refusals as translated
 * problems, and how a file is described (type and size).
 */
import { isApiError } from '@/api/errors';

/** Something wrong, as an i18n key (of the default namespace, or `ns:key`) and its values. */
export interface Problem {
  key: string;
  values?: Record<string, number>;
}

/** The most files one message or journal entry takes (the server refuses more). */
export const MAX_FILES = 10;
/** The server's default upload limit (it answers 413 above its configured one). */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;
const MAX_MB = MAX_FILE_BYTES / (1024 * 1024);

const TYPES: Record<string, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/tiff': 'tiff',
  'application/pdf': 'pdf',
};
const EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.tif', '.tiff', '.pdf'];

/** The file input's `accept`: JPEG, PNG, WebP, TIFF and PDF. */
export const ACCEPT = [...Object.keys(TYPES), ...EXTENSIONS].join(',');

const err = (name: string, values?: Record<string, number>): Problem => ({ key: `messaging.attachments.errors.${name}`, values });

/**
 * What is wrong with `file` before sending it, or null. The type is judged by the browser's
 * type or the name's extension (the server reads the real type from the content).
 */
export function checkFile(file: File): Problem | null {
  const name = file.name.toLowerCase();
  const typeOk = file.type in TYPES || EXTENSIONS.some((ext) => name.endsWith(ext));
  if (!typeOk) return err('unsupported');
  if (file.size === 0) return err('empty');
  if (file.size > MAX_FILE_BYTES) return err('tooLarge', { max: MAX_MB });
  return null;
}

const FILE_CODES: Record<string, string> = {
  unsupported_type: 'unsupported',
  corrupt: 'corrupt',
  encrypted: 'encrypted',
  too_complex: 'tooComplex',
  image_too_large: 'imageTooLarge',
  required: 'empty',
};

/**
 * What the server found wrong with an uploaded file itself, translated: 413, 415 and the known
 * `file` field errors of a 422; null for any other failure.
 */
export function fileProblem(error: unknown): Problem | null {
  if (!isApiError(error)) return null;
  if (error.status === 413) return err('tooLarge', { max: MAX_MB });
  if (error.status === 415) return err('unsupported');
  const code = error.problem?.errors?.find((e) => e.field === 'file')?.code;
  const known = code ? FILE_CODES[code] : undefined;
  return known ? err(known) : null;
}

/** Why an upload failed, translated: 413, 415 and the `file` field errors of a 422. */
export function uploadProblem(error: unknown): Problem {
  if (!isApiError(error)) return err('failed');
  if (error.status === 0) return err('network');
  const problem = fileProblem(error);
  if (problem) return problem;
  if (error.status === 429 || error.status === 503) return err('busy');
  return err('failed');
}

/** The i18n key naming a stored file's type, or null for a type without a name. */
export function typeKey(mediaType: string): string | null {
  const t = TYPES[mediaType.split(';')[0]?.trim().toLowerCase() ?? ''];
  return t ? `messaging.attachments.types.${t}` : null;
}

/** A file size in the UI language: bytes, kB or MB (1024-based, one decimal at most). */
export function formatSize(bytes: number, locale: string): string {
  const fmt = (value: number, unit: 'byte' | 'kilobyte' | 'megabyte') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: unit === 'byte' ? 0 : 1 }).format(value);
  if (bytes < 1024) return fmt(bytes, 'byte');
  if (bytes < 1024 * 1024) return fmt(bytes / 1024, 'kilobyte');
  return fmt(bytes / (1024 * 1024), 'megabyte');
}

/** "At most 10 files per message." */
export const TOO_MANY_PER_MESSAGE = 'messaging.attachments.errors.tooMany';

/**
 * The server's refusal of a message's (or entry's) `attachment_ids` (too many, said by the
 * `tooMany` key, or `attachment_ids[i]` no longer waiting: taken already, or purged after a
 * day), or null for other fields.
 */
export function attachmentIdsProblem(e: { field?: string; code?: string }, tooMany = TOO_MANY_PER_MESSAGE): Problem | null {
  if (!e.field || !/^attachment_ids(\[|$)/.test(e.field)) return null;
  return e.code === 'length' ? { key: tooMany, values: { max: MAX_FILES } } : err('notPending');
}

/** `body` (a `CreateThread`, `PostMessage` or `JournalInput`) with the uploaded files' ids, if any. */
export function withAttachments<T extends object>(body: T, ids: readonly string[]): T & { attachment_ids?: string[] } {
  return ids.length > 0 ? { ...body, attachment_ids: [...ids] } : body;
}
