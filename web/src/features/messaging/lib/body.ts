/**
 * Message bodies are plain text with light formatting: blank lines separate paragraphs, a
 * line break stays a line break, `*bold*`, `_italic_`, and bare http(s) URLs become links.
 * This only produces a tree of plain values; the component renders it as React elements
 * (text is never interpreted as HTML), and a link is only ever an http(s) URL.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'bold'; children: Inline[] }
  | { type: 'italic'; children: Inline[] }
  | { type: 'link'; href: string; text: string };

/** A paragraph: its lines, each a list of inline pieces. */
export type Paragraph = Inline[][];

const URL_RE = /\bhttps?:\/\/[^\s<>"'`]+/giu;
/** Punctuation that usually ends a sentence rather than the URL. */
const TRAILING = /[.,;:!?)\]}»”’]+$/u;

/** `raw` as a safe link target: an absolute http(s) URL, or null. */
export function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

// `*x*` / `_x_`: the marker is not inside a word, the text starts and ends with a non-space.
const EMPHASIS_RE = /(^|[^\p{L}\p{N}*_])([*_])(?=\S)([^\n]*?\S)\2(?=$|[^\p{L}\p{N}*_])/u;

function emphasis(text: string, depth: number): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest) {
    const m = depth < 2 ? EMPHASIS_RE.exec(rest) : null;
    if (!m) {
      out.push({ type: 'text', text: rest });
      break;
    }
    const [whole, before = '', marker, inner = ''] = m;
    const head = rest.slice(0, m.index) + before;
    if (head) out.push({ type: 'text', text: head });
    out.push({ type: marker === '*' ? 'bold' : 'italic', children: emphasis(inner, depth + 1) });
    rest = rest.slice(m.index + whole.length);
  }
  return out;
}

/** One line: links first (so `_` or `*` inside a URL stays), then emphasis in the text between. */
export function parseLine(line: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of line.matchAll(URL_RE)) {
    const start = m.index;
    let url = m[0];
    const trail = TRAILING.exec(url)?.[0] ?? '';
    url = url.slice(0, url.length - trail.length);
    const href = safeHref(url);
    if (!href) continue;
    if (start > last) out.push(...emphasis(line.slice(last, start), 0));
    out.push({ type: 'link', href, text: url });
    last = start + url.length;
  }
  if (last < line.length) out.push(...emphasis(line.slice(last), 0));
  return out;
}

export function parseBody(body: string): Paragraph[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '')
    .map((p) => p.split('\n').map(parseLine));
}
