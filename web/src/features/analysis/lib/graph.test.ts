import { describe, expect, it } from 'vitest';
import { drawing, startingPosition } from './drawing';
import {
  collapseNode,
  documentNode,
  edgeId,
  EMPTY_GRAPH,
  filterErrors,
  filterQuery,
  graphOf,
  graphReducer,
  mergeExpansion,
  mergePath,
  NO_FILTERS,
  recordPath,
  removeNode,
  type LinkEdge,
  type LinkGraph,
  type LinkNode,
  type NodeKind,
} from './graph';

const node = (id: string, label = id): LinkNode => ({ id, kind: id.split(':')[0] as NodeKind, label, record_id: id.startsWith('phone') ? null : `${id.split(':')[1]}-uuid` });
const edge = (source: string, target: string, kind: LinkEdge['kind'] = 'in_case', role = 'offender'): LinkEdge => ({ source, target, kind, role });

/** Person P in cases A and B; company C importer in A. */
const P_EXPANDED: LinkGraph = {
  node: 'person:p',
  nodes: [node('person:p'), node('case:a'), node('case:b')],
  edges: [edge('case:a', 'person:p'), edge('case:b', 'person:p')],
  truncated: null,
};
const A_EXPANDED: LinkGraph = {
  node: 'case:a',
  nodes: [node('case:a'), node('person:p'), node('company:c')],
  edges: [edge('case:a', 'person:p'), edge('case:a', 'company:c', 'in_case', 'importer')],
  truncated: { node: 'case:a', shown: 2, total: 3 },
};

describe('merging expansions', () => {
  it('starts a graph from the first expansion and adds each node and link once', () => {
    const g = graphOf([P_EXPANDED, A_EXPANDED]);
    expect(g.start).toBe('person:p');
    expect(g.nodes.map((n) => n.id)).toEqual(['person:p', 'case:a', 'case:b', 'company:c']);
    expect(g.edges.map(edgeId)).toEqual(['case:a|person:p|in_case|offender', 'case:b|person:p|in_case|offender', 'case:a|company:c|in_case|importer']);
    expect(g.expanded).toEqual(['person:p', 'case:a']);
    expect(g.truncated).toEqual({ 'case:a': { node: 'case:a', shown: 2, total: 3 } });
  });

  it('keeps a person linked twice to a case in two roles as two links', () => {
    const g = mergeExpansion(graphOf([P_EXPANDED]), { ...P_EXPANDED, edges: [edge('case:a', 'person:p', 'in_case', 'courier')] });
    expect(g.edges.map((e) => e.role)).toEqual(['offender', 'offender', 'courier']);
  });

  it('keeps the first label of a node seen twice, and forgets "more" once the last page came', () => {
    const more: LinkGraph = { node: 'case:a', nodes: [node('case:a', 'renamed'), node('conveyance:v')], edges: [edge('case:a', 'conveyance:v', 'in_case', 'carrying')], truncated: null };
    const g = mergeExpansion(graphOf([P_EXPANDED, A_EXPANDED]), more);
    expect(g.nodes.find((n) => n.id === 'case:a')!.label).toBe('case:a');
    expect(g.nodes).toHaveLength(5);
    expect(g.truncated).toEqual({});
    expect(g.expanded).toEqual(['person:p', 'case:a']);
  });

  it('resets to a new start through the reducer', () => {
    const g = graphReducer(graphOf([P_EXPANDED, A_EXPANDED]), { type: 'reset', expansions: [A_EXPANDED] });
    expect(g.start).toBe('case:a');
    expect(g.expanded).toEqual(['case:a']);
    expect(graphReducer(g, { type: 'clear' })).toEqual(EMPTY_GRAPH);
  });
});

describe('the shortest chain', () => {
  const chain = {
    found: true,
    hops: 3,
    nodes: [node('case:b'), node('person:p'), node('case:a'), node('company:c')],
    edges: [edge('case:b', 'person:p'), edge('case:a', 'person:p'), edge('case:a', 'company:c', 'in_case', 'importer')],
    explored: 12,
    complete: true,
  };

  it('adds the nodes and links it lacks and highlights the chain', () => {
    const g = mergePath(graphOf([P_EXPANDED]), chain);
    expect(g.nodes.map((n) => n.id)).toEqual(['person:p', 'case:a', 'case:b', 'company:c']);
    expect(g.edges).toHaveLength(3);
    expect(g.path).toEqual({ nodes: ['case:b', 'person:p', 'case:a', 'company:c'], edges: chain.edges.map(edgeId) });
    // the drawing marks the chain's nodes and links, and nothing else
    const d = drawing(g, 'case:b', (e) => e.role);
    expect(d.nodes.map((n) => [n.id, n.classes])).toEqual([
      ['person:p', 'start expanded path'],
      ['case:a', 'path'],
      ['case:b', 'path chosen'],
      ['company:c', 'path'],
    ]);
    expect(d.edges.map((e) => [e.label, e.classes])).toEqual([
      ['offender', 'path'],
      ['offender', 'path'],
      ['importer', 'path'],
    ]);
    expect(graphReducer(g, { type: 'clearPath' }).path).toBeNull();
  });

  it('highlights nothing when no chain was found', () => {
    const g = mergePath({ ...graphOf([P_EXPANDED]), path: { nodes: ['x'], edges: [] } }, { ...chain, found: false, hops: null, nodes: [], edges: [] });
    expect(g.path).toBeNull();
    expect(g.nodes).toHaveLength(3);
  });

  it('loses its highlight when a node of the chain is removed', () => {
    const g = removeNode(mergePath(graphOf([P_EXPANDED]), chain), 'company:c');
    expect(g.path).toBeNull();
    expect(g.nodes.map((n) => n.id)).toEqual(['person:p', 'case:a', 'case:b']);
  });
});

describe('removing and collapsing', () => {
  const g = graphOf([P_EXPANDED, A_EXPANDED]);

  it('removes a node with its links, and the nodes only it held', () => {
    const r = removeNode(g, 'case:a');
    expect(r.nodes.map((n) => n.id)).toEqual(['person:p', 'case:b']);
    expect(r.edges.map(edgeId)).toEqual(['case:b|person:p|in_case|offender']);
    expect(r.expanded).toEqual(['person:p']);
    expect(r.truncated).toEqual({});
  });

  it('empties the graph when the start is removed', () => {
    expect(removeNode(g, 'person:p')).toEqual(EMPTY_GRAPH);
  });

  it('keeps an expanded node even when nothing links it any more', () => {
    const r = removeNode(removeNode(g, 'case:b'), 'case:a');
    expect(r.nodes.map((n) => n.id)).toEqual(['person:p']);
  });

  it('collapses a node: its leaves go, nodes linked elsewhere stay', () => {
    const c = collapseNode(g, 'case:a');
    // company C hung from case A only; person P is the start
    expect(c.nodes.map((n) => n.id)).toEqual(['person:p', 'case:a', 'case:b']);
    expect(c.expanded).toEqual(['person:p']);
    expect(c.truncated).toEqual({});
    const p = collapseNode(g, 'person:p');
    // case A was expanded itself: it stays; case B was a leaf of P
    expect(p.nodes.map((n) => n.id)).toEqual(['person:p', 'case:a', 'company:c']);
    expect(p.expanded).toEqual(['case:a']);
  });
});

describe('filters and addresses', () => {
  it('sends kinds only when some are left out, and dates when given', () => {
    expect(filterQuery(NO_FILTERS)).toEqual({});
    expect(filterQuery({ kinds: ['person', 'case'], from: '2026-01-01', to: '' })).toEqual({ kinds: 'case,person', from: '2026-01-01' });
  });

  it('refuses no kind at all and an end before the start', () => {
    expect(filterErrors(NO_FILTERS)).toEqual({});
    expect(filterErrors({ kinds: [], from: '2026-02-01', to: '2026-01-31' })).toEqual({ kinds: 'noKind', to: 'toBeforeFrom' });
  });

  it('opens a record on its page, and not a key', () => {
    expect(recordPath({ kind: 'case', record_id: 'u1' })).toBe('/seizures/u1');
    expect(recordPath({ kind: 'person', record_id: 'u2' })).toBe('/registers/persons/u2');
    expect(recordPath({ kind: 'company', record_id: 'u3' })).toBe('/registers/companies/u3');
    expect(recordPath({ kind: 'conveyance', record_id: 'u4' })).toBe('/registers/conveyances/u4');
    expect(recordPath({ kind: 'phone', record_id: null })).toBeNull();
  });

  it('names a typed document number as a node', () => {
    expect(documentNode('  ab 12-34 ')).toBe('document:ab 12-34');
    expect(documentNode('  ')).toBeNull();
  });

  it('places a new node next to a drawn node it is linked to', () => {
    const placed = new Map([['case:a', { x: 100, y: 50 }]]);
    expect(startingPosition('person:p', [edge('case:a', 'person:p')], placed, () => 0.5)).toEqual({ x: 100, y: 50 });
    expect(startingPosition('person:q', [edge('case:a', 'person:p')], placed, () => 0.5)).toEqual({ x: 0, y: 0 });
  });
});
