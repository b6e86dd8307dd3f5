/** One case of a received package as the server keeps it: the sender's reference and version, and the document. */
export interface ReceivedCase {
  reference?: string;
  version?: number;
  document: unknown;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** A received package's `documents` item read safely: whatever the sender put there is shown, never trusted to have a shape. */
export function receivedCase(item: unknown): ReceivedCase {
  if (!isObject(item)) return { document: item };
  return {
    reference: typeof item.reference === 'string' ? item.reference : undefined,
    version: typeof item.version === 'number' ? item.version : undefined,
    document: 'document' in item ? item.document : item,
  };
}

/** A file a received case lists (its document's `attachments` item), read safely: the bytes are served by hash. */
export interface ReceivedFile {
  /** its id at the sender, when given */
  id?: string;
  /** `photo`, `xray` or `document` — or whatever else the sender wrote */
  kind: string;
  media_type: string;
  size_bytes?: number;
  sha256: string;
  width?: number;
  height?: number;
  /** nominal packages only */
  caption?: string;
  /** nominal packages only */
  original_filename?: string;
  cleared_for_export: boolean;
  uploaded_at?: string;
}

const SHA256 = /^[0-9a-f]{64}$/;
const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);

/**
 * The files a case document lists (`attachments`), in its order: those that name their file by
 * SHA-256 (64 lowercase hex digits, as the server serves them), the others left out.
 */
export function receivedFiles(document: unknown): ReceivedFile[] {
  if (!isObject(document) || !Array.isArray(document.attachments)) return [];
  return document.attachments.flatMap((a: unknown): ReceivedFile[] => {
    if (!isObject(a) || typeof a.sha256 !== 'string' || !SHA256.test(a.sha256)) return [];
    return [
      {
        id: str(a.id),
        kind: str(a.kind) ?? 'document',
        media_type: str(a.media_type) ?? 'application/octet-stream',
        size_bytes: num(a.size_bytes),
        sha256: a.sha256,
        width: num(a.width),
        height: num(a.height),
        caption: str(a.caption),
        original_filename: str(a.original_filename),
        cleared_for_export: a.cleared_for_export === true,
        uploaded_at: str(a.uploaded_at),
      },
    ];
  });
}

/** Types a browser shows as an image (TIFF is not one of them: it is offered as a file). */
const SHOWN = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** Whether a file of this media type is shown as an image. */
export function isShownImage(mediaType: string): boolean {
  return SHOWN.has(mediaType.split(';')[0]?.trim().toLowerCase() ?? '');
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/tiff': 'tif',
  'application/pdf': 'pdf',
};

/** The name a file is saved under: its original name when the package gives it, else its kind and the start of its hash. */
export function downloadName(file: ReceivedFile): string {
  if (file.original_filename) return file.original_filename;
  const ext = EXTENSIONS[file.media_type.split(';')[0]?.trim().toLowerCase() ?? ''] ?? 'bin';
  const kind = file.kind.replace(/[^A-Za-z0-9_-]/g, '') || 'file';
  return `${kind}-${file.sha256.slice(0, 16)}.${ext}`;
}
