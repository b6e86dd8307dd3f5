/**
 * What Cytoscape draws of the graph: each node with its kind (its shape and colour) and the
 * classes that mark the start, the expanded nodes, those with more neighbours, the chain found
 * and the chosen node; each link with its label.
 */
import { edgeId, type GraphState, type LinkEdge } from './graph';

export interface DrawnNode {
  id: string;
  kind: string;
  label: string;
  classes: string;
}

export interface DrawnEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  classes: string;
}

export interface Drawing {
  nodes: DrawnNode[];
  edges: DrawnEdge[];
}

export function drawing(state: GraphState, selected: string | null, edgeLabel: (e: LinkEdge) => string): Drawing {
  const onPath = new Set([...(state.path?.nodes ?? []), ...(state.path?.edges ?? [])]);
  const classes = (...c: (string | false)[]) => c.filter(Boolean).join(' ');
  return {
    nodes: state.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      label: n.label,
      classes: classes(
        n.id === state.start && 'start',
        state.expanded.includes(n.id) && 'expanded',
        !!state.truncated[n.id] && 'truncated',
        onPath.has(n.id) && 'path',
        n.id === selected && 'chosen',
      ),
    })),
    edges: state.edges.map((e) => {
      const id = edgeId(e);
      return { id, source: e.source, target: e.target, label: edgeLabel(e), classes: classes(onPath.has(id) && 'path') };
    }),
  };
}

/** Where to put a node first drawn: next to a drawn node it is linked to, so the layout starts near its end. */
export function startingPosition(
  id: string,
  edges: readonly { source: string; target: string }[],
  placed: ReadonlyMap<string, { x: number; y: number }>,
  jitter: () => number = Math.random,
): { x: number; y: number } {
  for (const e of edges) {
    const other = e.source === id ? e.target : e.target === id ? e.source : null;
    const at = other ? placed.get(other) : undefined;
    if (at) return { x: at.x + (jitter() - 0.5) * 80, y: at.y + (jitter() - 0.5) * 80 };
  }
  return { x: (jitter() - 0.5) * 200, y: (jitter() - 0.5) * 200 };
}
