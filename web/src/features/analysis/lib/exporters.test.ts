import { describe, expect, it } from 'vitest';
import { csvField, edgesCsv, exportName, nodesCsv, toGraphML, xmlEscape } from './exporters';
import type { LinkEdge, LinkNode } from './graph';

const NODES: LinkNode[] = [
  { id: 'case:a1', kind: 'case', label: 'FR-2026-000001', detail: '2026-03-01 · validated', record_id: 'a1', date: '2026-03-01' },
  { id: 'person:p1', kind: 'person', label: 'O’BRIEN <Sean> & "Co"', detail: null, record_id: 'p1' },
  { id: 'address:1 rue x, marseille', kind: 'address', label: '1 rue X,\nMarseille', detail: 'address' },
  { id: 'phone:612345678', kind: 'phone', label: '=HYPERLINK("http://x")', detail: '+33 6 12 34 56 78' },
];
const EDGES: LinkEdge[] = [
  { source: 'case:a1', target: 'person:p1', kind: 'in_case', role: 'offender' },
  { source: 'person:p1', target: 'address:1 rue x, marseille', kind: 'holds', role: 'address' },
];

describe('GraphML', () => {
  const xml = toGraphML(NODES, EDGES);

  it('is well-formed XML with the declared keys, every node and every link', () => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const ns = 'http://graphml.graphdrawing.org/xmlns';
    expect(doc.documentElement.namespaceURI).toBe(ns);
    const keys = [...doc.getElementsByTagNameNS(ns, 'key')].map((k) => `${k.getAttribute('for')}:${k.getAttribute('attr.name')}`);
    expect(keys).toEqual(['node:kind', 'node:label', 'node:detail', 'node:date', 'node:record_id', 'edge:kind', 'edge:role']);
    const nodes = [...doc.getElementsByTagNameNS(ns, 'node')];
    expect(nodes.map((n) => n.getAttribute('id'))).toEqual(NODES.map((n) => n.id));
    const data = (el: Element, key: string) => [...el.getElementsByTagNameNS(ns, 'data')].find((d) => d.getAttribute('key') === key)?.textContent;
    // markup, ampersands and quotes come back as they were
    expect(data(nodes[1]!, 'label')).toBe('O’BRIEN <Sean> & "Co"');
    expect(data(nodes[1]!, 'kind')).toBe('person');
    expect(data(nodes[0]!, 'date')).toBe('2026-03-01');
    // absent values are left out, not written empty
    expect(data(nodes[1]!, 'detail')).toBeUndefined();
    const edges = [...doc.getElementsByTagNameNS(ns, 'edge')];
    expect(edges.map((e) => [e.getAttribute('source'), e.getAttribute('target'), data(e, 'ekind'), data(e, 'role')])).toEqual([
      ['case:a1', 'person:p1', 'in_case', 'offender'],
      ['person:p1', 'address:1 rue x, marseille', 'holds', 'address'],
    ]);
  });

  it('escapes the five XML characters and drops those XML cannot hold', () => {
    expect(xmlEscape(`a<b>&"c'\u0001d`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;d');
    expect(xml).not.toContain('<Sean>');
  });
});

describe('CSV', () => {
  it('quotes fields with commas, quotes or line breaks, and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+2')).toBe("'=1+2");
    expect(csvField('+33 6')).toBe("'+33 6");
    expect(csvField(null)).toBe('');
  });

  it('writes the nodes with a header row, CRLF line ends and a byte-order mark', () => {
    const text = nodesCsv(NODES);
    expect(text.startsWith('\ufeffid,kind,label,detail,date,record_id\r\n')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[1]).toBe('case:a1,case,FR-2026-000001,2026-03-01 · validated,2026-03-01,a1');
    expect(lines[2]).toBe('person:p1,person,"O’BRIEN <Sean> & ""Co""",,,p1');
    expect(lines[3]).toBe('"address:1 rue x, marseille",address,"1 rue X,\nMarseille",address,,');
    expect(lines[4]).toBe(`phone:612345678,phone,"'=HYPERLINK(""http://x"")",'+33 6 12 34 56 78,,`);
    expect(lines[5]).toBe('');
  });

  it('writes the links', () => {
    expect(edgesCsv(EDGES)).toBe('\ufeffsource,target,kind,role\r\ncase:a1,person:p1,in_case,offender\r\nperson:p1,"address:1 rue x, marseille",holds,address\r\n');
  });
});

describe('file names', () => {
  it('name the start node, letters and digits only', () => {
    expect(exportName('DUPONT Jean (1980)', 'graph', 'graphml')).toBe('link-analysis-DUPONT-Jean-1980-graph.graphml');
    expect(exportName(null, 'nodes', 'csv')).toBe('link-analysis-nodes.csv');
  });
});
