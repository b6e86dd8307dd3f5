/**
 * The link-analysis graph as the page holds it: the nodes and links of every expansion and
 * shortest-path answer merged into one graph (each node and link once), which nodes were
 * expanded, which have more neighbours than listed, and the chain to highlight. Pure: the page
 * keeps it in a reducer (`graphReducer`), and the tests drive it directly.
 */
import type { components } from '@/api/schema';

export type NodeKind = components['schemas']['GraphNodeKind'];
export type EdgeKind = components['schemas']['GraphEdgeKind'];
export type LinkNode = components['schemas']['GraphNode'];
export type LinkEdge = components['schemas']['GraphEdge'];
export type LinkGraph = components['schemas']['LinkGraph'];
export type LinkPath = components['schemas']['LinkPath'];
export type Truncated = components['schemas']['GraphTruncated'];

/** Every kind of node, in the order the legend and the filters list them. */
export const NODE_KINDS = ['case', 'person', 'company', 'conveyance', 'identifier', 'address', 'phone', 'email'] as const satisfies readonly NodeKind[];

export interface PathHighlight {
  /** node ids, from the source to the target */
  nodes: string[];
  /** link ids (`edgeId`) along the chain */
  edges: string[];
}

export interface GraphState {
  /** the node the graph was started from */
  start: string | null;
  /** in the order they were found */
  nodes: LinkNode[];
  edges: LinkEdge[];
  /** nodes whose neighbours were asked for (they stay when their neighbours are removed) */
  expanded: string[];
  /** nodes with more neighbours than listed, by node id */
  truncated: Record<string, Truncated>;
  path: PathHighlight | null;
}

export const EMPTY_GRAPH: GraphState = { start: null, nodes: [], edges: [], expanded: [], truncated: {}, path: null };

/** A link's id: two nodes may be linked in several ways (a person both offender and courier). */
export function edgeId(e: Pick<LinkEdge, 'source' | 'target' | 'kind' | 'role'>): string {
  return `${e.source}|${e.target}|${e.kind}|${e.role}`;
}

function addNodes(nodes: LinkNode[], more: readonly LinkNode[]): LinkNode[] {
  const seen = new Set(nodes.map((n) => n.id));
  const out = [...nodes];
  for (const n of more) {
    if (seen.has(n.id)) continue;
    seen.add(n.id);
    out.push(n);
  }
  return out;
}

function addEdges(edges: LinkEdge[], more: readonly LinkEdge[]): LinkEdge[] {
  const seen = new Set(edges.map(edgeId));
  const out = [...edges];
  for (const e of more) {
    const id = edgeId(e);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(e);
  }
  return out;
}

/** The graph with an expansion's nodes and links added (a page of them: "Show more" adds the next). */
export function mergeExpansion(state: GraphState, g: LinkGraph): GraphState {
  const truncated = { ...state.truncated };
  if (g.truncated) truncated[g.node] = g.truncated;
  else delete truncated[g.node];
  return {
    ...state,
    start: state.start ?? g.node,
    nodes: addNodes(state.nodes, g.nodes),
    edges: addEdges(state.edges, g.edges),
    expanded: state.expanded.includes(g.node) ? state.expanded : [...state.expanded, g.node],
    truncated,
  };
}

/** A new graph from one expansion (the start node), or several (the same nodes asked again under other filters). */
export function graphOf(expansions: readonly LinkGraph[]): GraphState {
  return expansions.reduce(mergeExpansion, EMPTY_GRAPH);
}

/** The chain of a shortest-path answer: its nodes and links added to the graph and highlighted. */
export function mergePath(state: GraphState, p: LinkPath): GraphState {
  if (!p.found || p.nodes.length === 0) return { ...state, path: null };
  return {
    ...state,
    start: state.start ?? p.nodes[0]!.id,
    nodes: addNodes(state.nodes, p.nodes),
    edges: addEdges(state.edges, p.edges),
    path: { nodes: p.nodes.map((n) => n.id), edges: p.edges.map(edgeId) },
  };
}

/**
 * Nodes that no link holds any more: dropped, unless they were expanded (the analyst chose
 * them) or are the start. A path loses its highlight when one of its nodes goes.
 */
function prune(state: GraphState, nodes: LinkNode[], edges: LinkEdge[]): GraphState {
  const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
  const keep = nodes.filter((n) => linked.has(n.id) || n.id === state.start || state.expanded.includes(n.id));
  const ids = new Set(keep.map((n) => n.id));
  const kept = edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  const keptEdges = new Set(kept.map(edgeId));
  const pathIntact = state.path && state.path.nodes.every((n) => ids.has(n)) && state.path.edges.every((e) => keptEdges.has(e));
  return {
    ...state,
    nodes: keep,
    edges: kept,
    expanded: state.expanded.filter((n) => ids.has(n)),
    truncated: Object.fromEntries(Object.entries(state.truncated).filter(([n]) => ids.has(n))),
    path: pathIntact ? state.path : null,
  };
}

/** The graph without `id`, its links, and the nodes only it held. Removing the start empties the graph. */
export function removeNode(state: GraphState, id: string): GraphState {
  if (id === state.start) return EMPTY_GRAPH;
  const without = { ...state, expanded: state.expanded.filter((n) => n !== id) };
  return prune(
    without,
    state.nodes.filter((n) => n.id !== id),
    state.edges.filter((e) => e.source !== id && e.target !== id),
  );
}

/**
 * The graph with `id`'s expansion undone: the neighbours no other node links (and not expanded
 * themselves) go; `id` stays, not expanded.
 */
export function collapseNode(state: GraphState, id: string): GraphState {
  const otherLinks = new Set<string>();
  for (const e of state.edges) {
    if (e.source !== id && e.target !== id) {
      otherLinks.add(e.source);
      otherLinks.add(e.target);
    }
  }
  const leaves = new Set(
    neighbours(state, id).filter((n) => !otherLinks.has(n) && !state.expanded.includes(n) && n !== state.start),
  );
  const truncated = { ...state.truncated };
  delete truncated[id];
  return prune(
    { ...state, expanded: state.expanded.filter((n) => n !== id), truncated },
    state.nodes.filter((n) => !leaves.has(n.id)),
    state.edges.filter((e) => !leaves.has(e.source) && !leaves.has(e.target)),
  );
}

/** The ids of the nodes linked to `id`, each once. */
export function neighbours(state: Pick<GraphState, 'edges'>, id: string): string[] {
  const out = new Set<string>();
  for (const e of state.edges) {
    if (e.source === id) out.add(e.target);
    else if (e.target === id) out.add(e.source);
  }
  return [...out];
}

export type GraphAction =
  | { type: 'reset'; expansions: LinkGraph[] }
  | { type: 'expand'; graph: LinkGraph }
  | { type: 'path'; path: LinkPath }
  | { type: 'clearPath' }
  | { type: 'remove'; id: string }
  | { type: 'collapse'; id: string }
  | { type: 'clear' };

export function graphReducer(state: GraphState, action: GraphAction): GraphState {
  switch (action.type) {
    case 'reset':
      return graphOf(action.expansions);
    case 'expand':
      return mergeExpansion(state, action.graph);
    case 'path':
      return mergePath(state, action.path);
    case 'clearPath':
      return { ...state, path: null };
    case 'remove':
      return removeNode(state, action.id);
    case 'collapse':
      return collapseNode(state, action.id);
    case 'clear':
      return EMPTY_GRAPH;
  }
}

/** What the next expansions and path searches are limited to. */
export interface GraphFilters {
  kinds: NodeKind[];
  /** `YYYY-MM-DD` or '' */
  from: string;
  to: string;
}

export const NO_FILTERS: GraphFilters = { kinds: [...NODE_KINDS], from: '', to: '' };

/** What is wrong with filters before they are sent, by field. */
export function filterErrors(f: GraphFilters): Partial<Record<'kinds' | 'to', 'noKind' | 'toBeforeFrom'>> {
  return {
    ...(f.kinds.length === 0 ? { kinds: 'noKind' as const } : {}),
    ...(f.from && f.to && f.to < f.from ? { to: 'toBeforeFrom' as const } : {}),
  };
}

/** The filters as query parameters: `kinds` only when some kinds are left out, dates when given. */
export function filterQuery(f: GraphFilters): { kinds?: string; from?: string; to?: string } {
  const all = NODE_KINDS.every((k) => f.kinds.includes(k));
  return {
    ...(all ? {} : { kinds: NODE_KINDS.filter((k) => f.kinds.includes(k)).join(',') }),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  };
}

/** The app's page of a node's record, if it has one. */
export function recordPath(n: Pick<LinkNode, 'kind' | 'record_id'>): string | null {
  if (!n.record_id) return null;
  switch (n.kind) {
    case 'case':
      return `/seizures/${n.record_id}`;
    case 'person':
      return `/registers/persons/${n.record_id}`;
    case 'company':
      return `/registers/companies/${n.record_id}`;
    case 'conveyance':
      return `/registers/conveyances/${n.record_id}`;
    default:
      return null;
  }
}

/** A document number typed by the analyst, as a node id (the server folds its spelling). */
export function documentNode(number: string): string | null {
  const n = number.trim();
  return n ? `document:${n}` : null;
}

