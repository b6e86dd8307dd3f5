import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { Alert, Box, Center, Group, Loader, Text } from '@mantine/core';
import type { Core, ElementDefinition, LayoutOptions } from 'cytoscape';
import { useTranslation } from 'react-i18next';
import '@/i18n/analysis';
import { startingPosition, type Drawing } from '../lib/drawing';
import { STYLE } from '../lib/style';

export type GraphLayout = 'cose' | 'breadthfirst';

/** What the controls beside the graph do to it. */
export interface CanvasHandle {
  fit: () => void;
  /** lays the whole graph out again */
  arrange: () => void;
  /** the whole graph as a PNG image (null before it is drawn) */
  png: () => Blob | null;
}

function layoutOptions(layout: GraphLayout, root: string | null, randomize: boolean): LayoutOptions {
  if (layout === 'breadthfirst') {
    return { name: 'breadthfirst', directed: false, roots: root ? [root] : undefined, padding: 30, spacingFactor: 1.2, animate: false };
  }
  return { name: 'cose', padding: 30, animate: false, randomize, nodeDimensionsIncludeLabels: true, idealEdgeLength: () => 90 } as LayoutOptions;
}

/**
 * The graph drawn with Cytoscape, loaded when first drawn (a script of its own, never the
 * sign-in route's; bundled with the app, nothing fetched from elsewhere). A click chooses a
 * node, a double click expands it. Nodes already drawn keep their place when the graph grows:
 * new ones start next to the node that brought them, then the layout settles them. If the
 * library cannot run, the tables below the graph still hold all of it.
 */
export function LinkGraphCanvas({
  drawing,
  layout,
  start,
  onSelect,
  onExpand,
  handle,
  label,
}: {
  drawing: Drawing;
  layout: GraphLayout;
  start: string | null;
  onSelect: (id: string | null) => void;
  onExpand: (id: string) => void;
  handle?: Ref<CanvasHandle>;
  /** what the drawing is, for screen readers (the tables are their way in) */
  label: string;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const callbacks = useRef({ onSelect, onExpand });
  const settings = useRef({ layout, start });
  /** the layout the graph was last laid out with */
  const laidOut = useRef(layout);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    callbacks.current = { onSelect, onExpand };
    settings.current = { layout, start };
  }, [onSelect, onExpand, layout, start]);

  useEffect(() => {
    let cancelled = false;
    let cy: Core | null = null;
    import('cytoscape')
      .then(({ default: cytoscape }) => {
        if (cancelled || !container.current) return;
        cy = cytoscape({ container: container.current, style: STYLE, elements: [], minZoom: 0.05, maxZoom: 4, autounselectify: true });
        cy.on('tap', 'node', (e) => callbacks.current.onSelect(e.target.id() as string));
        cy.on('tap', (e) => {
          if (e.target === cy) callbacks.current.onSelect(null);
        });
        cy.on('dbltap', 'node', (e) => callbacks.current.onExpand(e.target.id() as string));
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

  // the graph changed: redraw it, keeping the places of the nodes already drawn
  useEffect(() => {
    const cy = cyRef.current;
    if (status !== 'ready' || !cy) return;
    const placed = new Map<string, { x: number; y: number }>();
    cy.nodes().forEach((n) => {
      placed.set(n.id(), { ...n.position() });
    });
    const fresh = drawing.nodes.filter((n) => !placed.has(n.id));
    const positions = new Map(placed);
    for (const n of fresh) positions.set(n.id, startingPosition(n.id, drawing.edges, positions));
    const elements: ElementDefinition[] = [
      ...drawing.nodes.map(({ classes, ...data }) => ({ group: 'nodes' as const, data, classes, position: positions.get(data.id) })),
      ...drawing.edges.map(({ classes, ...data }) => ({ group: 'edges' as const, data, classes })),
    ];
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    if (fresh.length > 0) {
      const { layout: name, start: root } = settings.current;
      cy.layout(layoutOptions(name, root, placed.size === 0)).run();
      cy.fit(undefined, 30);
    }
  }, [status, drawing]);

  // another layout chosen: lay the graph out afresh
  useEffect(() => {
    const cy = cyRef.current;
    if (status !== 'ready' || !cy || laidOut.current === layout) return;
    laidOut.current = layout;
    if (cy.nodes().length === 0) return;
    cy.layout(layoutOptions(layout, settings.current.start, true)).run();
    cy.fit(undefined, 30);
  }, [status, layout]);

  useImperativeHandle(
    handle,
    () => ({
      fit: () => cyRef.current?.fit(undefined, 30),
      arrange: () => {
        const cy = cyRef.current;
        if (!cy) return;
        cy.layout(layoutOptions(settings.current.layout, settings.current.start, true)).run();
        cy.fit(undefined, 30);
      },
      png: () => cyRef.current?.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 }) ?? null,
    }),
    [],
  );

  return (
    <Box pos="relative">
      {status === 'failed' && (
        <Alert color="gray" variant="light" data-testid="analysis-graph-failed">
          {t('analysis:graph.failed')}
        </Alert>
      )}
      <Box
        ref={container}
        role="img"
        aria-label={label}
        data-testid="analysis-graph"
        data-status={status}
        h={560}
        style={{
          border: '1px solid var(--mantine-color-gray-4)',
          borderRadius: 'var(--mantine-radius-sm)',
          background: 'var(--mantine-color-white)',
          display: status === 'failed' ? 'none' : undefined,
        }}
      />
      {status === 'loading' && (
        <Center pos="absolute" inset={0}>
          <Group gap="xs">
            <Loader size="sm" aria-hidden />
            <Text size="sm" c="dimmed">
              {t('analysis:graph.drawing')}
            </Text>
          </Group>
        </Center>
      )}
    </Box>
  );
}
