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
