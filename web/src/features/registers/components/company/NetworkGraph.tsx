import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { Alert, Box, Center, Group, Loader, Text } from '@mantine/core';
import type { Core, ElementDefinition, LayoutOptions, StylesheetJson } from 'cytoscape';
import { useTranslation } from 'react-i18next';
import '@/i18n/companies';

/** A node as drawn: its look and colours come from its data. */
export interface GraphNode {
  id: string;
  label: string;
  look: string;
  band: string | null;
  dissolved: boolean;
  root: boolean;
  /** the record page it opens (companies and persons) */
  path: string | null;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  /** a relation read from source to target (drawn with an arrow) */
  directed: boolean;
}

export type GraphLayout = 'cose' | 'breadthfirst';

/** What the controls above the graph do to it. */
export interface GraphHandle {
  fit: () => void;
  /** the whole graph as a PNG image (null before it is drawn) */
  png: () => Blob | null;
}

const BAND_COLOURS: Record<string, string> = { high: '#c92a2a', medium: '#e8590c', low: '#2b8a3e' };

/**
 * Shapes tell the kinds apart (not colour alone); companies are filled with their risk band's
 * colour, dissolved or deregistered ones are pale with a dashed border; the company the
 * network is drawn around has a thick border.
 */
const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 10,
      color: '#212529',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '140px',
      'background-color': '#868e96',
      'border-width': 1,
      'border-color': '#495057',
      width: 22,
      height: 22,
    },
  },
  { selector: 'node[look = "company"]', style: { shape: 'round-rectangle', width: 30, height: 30, 'background-color': '#adb5bd' } },
  { selector: 'node[look = "company"][band = "low"]', style: { 'background-color': BAND_COLOURS.low } },
  { selector: 'node[look = "company"][band = "medium"]', style: { 'background-color': BAND_COLOURS.medium } },
  { selector: 'node[look = "company"][band = "high"]', style: { 'background-color': BAND_COLOURS.high } },
  { selector: 'node[look = "person"]', style: { shape: 'ellipse', 'background-color': '#1c7ed6' } },
  { selector: 'node[look = "address"]', style: { shape: 'diamond', 'background-color': '#7048e8' } },
  { selector: 'node[look = "phone"]', style: { shape: 'triangle', 'background-color': '#0c8599' } },
  { selector: 'node[look = "email"]', style: { shape: 'vee', 'background-color': '#0c8599' } },
  { selector: 'node[look = "website"]', style: { shape: 'tag', 'background-color': '#0c8599' } },
  { selector: 'node[look = "iban"]', style: { shape: 'hexagon', 'background-color': '#d6336c' } },
  { selector: 'node[look = "identifier"]', style: { shape: 'octagon', 'background-color': '#5c940d' } },
  { selector: 'node[?dissolved]', style: { 'background-opacity': 0.35, 'border-style': 'dashed', 'border-width': 2, color: '#495057' } },
  { selector: 'node[?root]', style: { 'border-width': 4, 'border-color': '#000000', width: 40, height: 40, 'font-weight': 'bold' } },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#adb5bd',
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-size': 8,
      color: '#495057',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
    },
  },
  { selector: 'edge[?directed]', style: { 'target-arrow-shape': 'triangle', 'target-arrow-color': '#868e96', 'line-color': '#868e96' } },
];

function layoutOptions(layout: GraphLayout, root: string | undefined): LayoutOptions {
  if (layout === 'breadthfirst') return { name: 'breadthfirst', directed: false, roots: root ? [root] : undefined, padding: 20, spacingFactor: 1.1, animate: false };
  return { name: 'cose', padding: 20, animate: false, nodeDimensionsIncludeLabels: true };
}

/**
 * The network drawn with Cytoscape, loaded when first drawn (its own script: never in the
 * sign-in route's). A click on a company or a person opens its page. If the library cannot be
 * loaded the list beside it still shows the whole network.
 */
export function NetworkGraph({
  nodes,
  edges,
  layout,
  onOpen,
  handle,
  label,
}: {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  layout: GraphLayout;
  onOpen: (path: string) => void;
  handle?: Ref<GraphHandle>;
  /** what the drawing is, for screen readers (the list beside it is their way in) */
  label: string;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const open = useRef(onOpen);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    open.current = onOpen;
  }, [onOpen]);

  useEffect(() => {
    let cancelled = false;
    let cy: Core | null = null;
    // a script that cannot be loaded, or a browser that cannot draw (no canvas): the list stays
    import('cytoscape')
      .then(({ default: cytoscape }) => {
        if (cancelled || !container.current) return;
        cy = cytoscape({ container: container.current, style: STYLE, elements: [], minZoom: 0.1, maxZoom: 4 });
        cy.on('tap', 'node', (e) => {
          const path = e.target.data('path') as string | null | undefined;
          if (path) open.current(path);
        });
        cyRef.current = cy;
        setStatus('ready');
      })
      .catch(() => {
        if (!cancelled) setStatus('failed');
      });
    return () => {
      cancelled = true;
      cy?.destroy();
      cyRef.current = null;
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (status !== 'ready' || !cy) return;
    const elements: ElementDefinition[] = [
      ...nodes.map((n) => ({ group: 'nodes' as const, data: { ...n } })),
      ...edges.map((e) => ({ group: 'edges' as const, data: { ...e } })),
    ];
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    cy.layout(layoutOptions(layout, nodes.find((n) => n.root)?.id)).run();
    cy.fit(undefined, 20);
  }, [status, nodes, edges, layout]);

  useImperativeHandle(
    handle,
    () => ({
      fit: () => cyRef.current?.fit(undefined, 20),
      png: () => cyRef.current?.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 }) ?? null,
    }),
    [],
  );

  return (
    <Box pos="relative">
      {status === 'failed' && (
        <Alert color="gray" variant="light" data-testid="network-graph-failed">
          {t('companies:network.graphFailed')}
        </Alert>
      )}
      <Box
        ref={container}
        role="img"
        aria-label={label}
        data-testid="network-graph"
        data-status={status}
        h={520}
        style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 'var(--mantine-radius-sm)', display: status === 'failed' ? 'none' : undefined }}
      />
      {status === 'loading' && (
        <Center pos="absolute" inset={0}>
          <Group gap="xs">
            <Loader size="sm" aria-hidden />
            <Text size="sm" c="dimmed">
              {t('companies:network.drawing')}
            </Text>
          </Group>
        </Center>
      )}
    </Box>
  );
}
