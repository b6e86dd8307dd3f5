/**
 * A company's network as the graph and its list show it: pages of a node's neighbours merged
 * in, the links of hidden kinds (and what only they reached) left out, each node's look (its
 * kind, a company's risk band and standing). Pure: the graph library is loaded only to draw.
 */
import type { CompanyNetwork, NetworkEdge, NetworkNode, NetworkNodeKind, RiskBand, RiskBands } from '@/api/types';

/** How a node is drawn: its kind, the identifiers (EORI, VAT, LEI…) as one. */
export type NodeLook = 'company' | 'person' | 'address' | 'phone' | 'email' | 'website' | 'iban' | 'identifier';

const LOOKS: Record<NetworkNodeKind, NodeLook> = {
  company: 'company',
  person: 'person',
  address: 'address',
  phone: 'phone',
  email: 'email',
  website: 'website',
  iban: 'iban',
  eori: 'identifier',
  vat: 'identifier',
  registration: 'identifier',
  tax: 'identifier',
  lei: 'identifier',
  aeo: 'identifier',
};

export function nodeLook(kind: NetworkNodeKind): NodeLook {
  return LOOKS[kind] ?? 'identifier';
}

/** The node of the company the network is drawn around. */
export const rootNodeId = (companyId: string) => `company:${companyId}`;

/** The order edge kinds are offered in: people's roles, relations, then what is shared. */
export const EDGE_KIND_ORDER = [
  'director',
  'shareholder',
  'beneficial_owner',
  'representative',
  'employee',
  'customs_broker',
  'parent_of',
  'same_group',
  'successor_of',
  'agent_of',
  'address',
  'phone',
  'email',
  'website',
  'iban',
  'eori',
  'vat',
  'registration',
  'tax',
  'lei',
  'aeo',
] as const;

/** The edge kinds of the network, in the order above (kinds this version does not know last, by name). */
export function edgeKinds(edges: readonly NetworkEdge[]): string[] {
  const present = new Set(edges.map((e) => e.kind));
  const known: string[] = EDGE_KIND_ORDER.filter((k) => present.has(k));
  const other = [...present].filter((k) => !(EDGE_KIND_ORDER as readonly string[]).includes(k)).sort();
  return [...known, ...other];
}

export const edgeId = (e: Pick<NetworkEdge, 'source' | 'target' | 'kind'>) => `${e.source}|${e.kind}|${e.target}`;

/**
 * A company's risk band under the thresholds (null without a score or without thresholds: a
 * node of another kind, or the thresholds not read yet).
 */
export function bandOf(score: number | null | undefined, thresholds: RiskBands | null | undefined): RiskBand | null {
  if (score === null || score === undefined || !thresholds) return null;
  if (score >= thresholds.high) return 'high';
  if (score >= thresholds.medium) return 'medium';
  return 'low';
}

/** A company no longer trading: drawn apart from the living ones. */
export function isDissolved(node: Pick<NetworkNode, 'kind' | 'status'>): boolean {
  return node.kind === 'company' && (node.status === 'dissolved' || node.status === 'deregistered');
}

/** Neighbours of `node` not shown yet (0 when all are). */
export function moreCount(net: CompanyNetwork, node: string): number {
  const t = net.truncated.find((x) => x.node === node);
  return t ? Math.max(0, t.total - t.shown) : 0;
}

/**
 * `page` (the neighbours of `node` from `offset`, at most `limit`) merged into `net`: its new
 * nodes one hop further than `node`, its new edges; `node` then shows `offset + limit` of its
 * neighbours (all of them once that reaches the total, and it is no longer truncated).
 */
export function mergeNeighbours(net: CompanyNetwork, page: CompanyNetwork, node: string, offset: number, limit: number): CompanyNetwork {
  const depth = (net.nodes.find((n) => n.id === node)?.depth ?? 0) + 1;
  const ids = new Set(net.nodes.map((n) => n.id));
  const nodes = [...net.nodes];
  for (const n of page.nodes) {
    if (ids.has(n.id)) continue;
    ids.add(n.id);
    nodes.push({ ...n, depth });
  }
  const edgeIds = new Set(net.edges.map(edgeId));
  const edges = [...net.edges];
  for (const e of page.edges) {
    const key = edgeId(e);
    if (edgeIds.has(key) || !ids.has(e.source) || !ids.has(e.target)) continue;
    edgeIds.add(key);
    edges.push(e);
  }
  const truncated = net.truncated.flatMap((t) => {
    if (t.node !== node) return [t];
    const shown = Math.min(t.total, offset + limit);
    return shown >= t.total ? [] : [{ ...t, shown }];
  });
  return { ...net, nodes, edges, truncated };
}

/**
 * What is shown with the edges of `hidden` kinds left out: those edges, and the nodes that
 * only they connected to the company (a node is shown while a path of shown edges reaches it).
 */
export function visibleNetwork(
  net: Pick<CompanyNetwork, 'nodes' | 'edges'>,
  root: string,
  hidden: ReadonlySet<string>,
): { nodes: NetworkNode[]; edges: NetworkEdge[] } {
  const shownEdges = net.edges.filter((e) => !hidden.has(e.kind));
  const next = new Map<string, string[]>();
  for (const e of shownEdges) {
    next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
    next.set(e.target, [...(next.get(e.target) ?? []), e.source]);
  }
  const reached = new Set<string>();
  if (net.nodes.some((n) => n.id === root)) {
    const queue = [root];
    reached.add(root);
    while (queue.length > 0) {
      const at = queue.shift()!;
      for (const to of next.get(at) ?? []) {
        if (!reached.has(to)) {
          reached.add(to);
          queue.push(to);
        }
      }
    }
  }
  return {
    nodes: net.nodes.filter((n) => reached.has(n.id)),
    edges: shownEdges.filter((e) => reached.has(e.source) && reached.has(e.target)),
  };
}

/** The record page a node opens (companies and persons), or null. */
export function nodePath(node: Pick<NetworkNode, 'kind' | 'record_id'>): string | null {
  if (!node.record_id) return null;
  if (node.kind === 'company') return `/registers/companies/${node.record_id}`;
  if (node.kind === 'person') return `/registers/persons/${node.record_id}`;
  return null;
}
