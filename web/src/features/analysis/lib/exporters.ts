/**
 * The graph on screen as files an analyst takes to other tools: GraphML (yEd, Gephi, Cytoscape
 * desktop, i2-style tools read it) and two CSV files, one of nodes and one of links. Written
 * here, in the browser: nothing is sent anywhere (the reads were audited when the graph was
 * built). Values are the API's: kinds and roles as codes, dates as `YYYY-MM-DD`.
 */
import type { LinkEdge, LinkNode } from './graph';

/** Text as XML character data or an attribute value; characters XML 1.0 forbids are dropped. */
export function xmlEscape(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 cannot hold
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const NODE_KEYS = [
  ['kind', 'kind'],
  ['label', 'label'],
  ['detail', 'detail'],
  ['date', 'date'],
  ['record_id', 'record_id'],
] as const;
const EDGE_KEYS = [
  ['ekind', 'kind'],
  ['role', 'role'],
] as const;

/** The graph as a GraphML document (undirected; a link keeps the API's source and target). */
export function toGraphML(nodes: readonly LinkNode[], edges: readonly LinkEdge[]): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map(([id, name]) => `  <key id="${id}" for="node" attr.name="${name}" attr.type="string"/>`),
    ...EDGE_KEYS.map(([id, name]) => `  <key id="${id}" for="edge" attr.name="${name}" attr.type="string"/>`),
    '  <graph id="link-analysis" edgedefault="undirected">',
  ];
  const data = (key: string, value: string | null | undefined) =>
    value === null || value === undefined || value === '' ? [] : [`      <data key="${key}">${xmlEscape(value)}</data>`];
  for (const n of nodes) {
    lines.push(`    <node id="${xmlEscape(n.id)}">`);
    lines.push(...data('kind', n.kind), ...data('label', n.label), ...data('detail', n.detail), ...data('date', n.date), ...data('record_id', n.record_id));
    lines.push('    </node>');
  }
  edges.forEach((e, i) => {
    lines.push(`    <edge id="e${i + 1}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">`);
    lines.push(...data('ekind', e.kind), ...data('role', e.role));
    lines.push('    </edge>');
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A value that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or carriage return first) is
 * prefixed with an apostrophe, as OWASP advises for CSV injection.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  // CRLF as RFC 4180 writes it; a byte-order mark so that spreadsheets read UTF-8
  return '\ufeff' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function nodesCsv(nodes: readonly LinkNode[]): string {
  return csv([['id', 'kind', 'label', 'detail', 'date', 'record_id'], ...nodes.map((n) => [n.id, n.kind, n.label, n.detail, n.date, n.record_id])]);
}

export function edgesCsv(edges: readonly LinkEdge[]): string {
  return csv([['source', 'target', 'kind', 'role'], ...edges.map((e) => [e.source, e.target, e.kind, e.role])]);
}

/** `link-analysis-<start>-<what>.<ext>`: the start node's label, letters and digits only. */
export function exportName(startLabel: string | null | undefined, what: string, ext: string): string {
  const base = (startLabel ?? '')
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `link-analysis${base ? `-${base}` : ''}-${what}.${ext}`;
}
