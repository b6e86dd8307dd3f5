/**
 * JSON merge patches (RFC 7396), as the API's `PATCH` endpoints take them: only the fields
 * that change; `null` clears a field; lists (and nested objects such as identity documents)
 * are sent whole.
 */
export type MergePatch<T> = { [K in keyof T]?: T[K] | null };

/** Nothing there: `undefined`, `null`, `''` or `[]` (the server does not tell these apart). */
function blank(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Deep equality of JSON values; object key order does not matter, a missing key equals `null`. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (blank(a) && blank(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    return [...new Set([...Object.keys(x), ...Object.keys(y)])].every((k) => sameJson(x[k], y[k]));
  }
  return a === b;
}

/**
 * The merge patch that turns `before` into `after` (both as the API takes them): each
 * top-level field that differs, with its new value; a field that became blank is `null`
 * (an emptied list is sent as `[]`).
 */
export function mergePatch<T extends object>(before: T, after: T): MergePatch<T> {
  const out: Record<string, unknown> = {};
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (sameJson(a[key], b[key])) continue;
    const value = b[key];
    out[key] = Array.isArray(value) ? value : blank(value) ? null : value;
  }
  return out as MergePatch<T>;
}

export function isEmptyPatch(patch: object): boolean {
  return Object.keys(patch).length === 0;
}
