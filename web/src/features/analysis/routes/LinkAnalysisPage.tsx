import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Alert, Anchor, Button, Grid, Group, Loader, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink, IconFocusCentered, IconLayoutGrid, IconTrash } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState } from '@/components/states';
import { useErrorMessage } from '@/components/useErrorMessage';
import '@/i18n/analysis';
import { useExpand, usePath, useRefetchAll, type PathRequest } from '../api/analysis';
import { ExportMenu } from '../components/ExportMenu';
import { FiltersPanel } from '../components/FiltersPanel';
import { GraphTables } from '../components/GraphTables';
import { Legend } from '../components/Legend';
import { LinkGraphCanvas, type CanvasHandle, type GraphLayout } from '../components/LinkGraphCanvas';
import { NodePanel, type NodeActions } from '../components/NodePanel';
import { PathPanel, type PathEnds } from '../components/PathPanel';
import { StartPicker } from '../components/StartPicker';
import { drawing } from '../lib/drawing';
import { EMPTY_GRAPH, graphReducer, NO_FILTERS, type GraphFilters, type LinkPath } from '../lib/graph';
import { useLabels } from '../lib/useLabels';

const NO_ENDS: PathEnds = { source: null, target: null, extra: null };
const FILTER_FIELDS = ['kinds', 'from', 'to'];

/** The server's refusals of filter values, by field; the rest of an error is shown above the graph. */
function filterFieldErrors(e: unknown): Record<string, string> {
  if (!isApiError(e)) return {};
  return Object.fromEntries(Object.entries(e.fieldErrors()).filter(([f]) => FILTER_FIELDS.includes(f)));
}

/**
 * The link-analysis page (`/analysis/graph`, `?node=<id>` to start from a node): a graph of
 * cases, persons, companies, conveyances, identifiers and contact points grown an expansion at
 * a time, the shortest chain between two nodes, filters by kind and period, exports, and the
 * whole graph as tables. Every read is audited by the server; nothing is cached.
 */
export function LinkAnalysisPage() {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const node = params.get('node');
  const [graph, dispatch] = useReducer(graphReducer, EMPTY_GRAPH);
  const [filters, setFilters] = useState<GraphFilters>(NO_FILTERS);
  const [selected, setSelected] = useState<string | null>(null);
  const [layout, setLayout] = useState<GraphLayout>('cose');
  const [ends, setEnds] = useState<PathEnds>(NO_ENDS);
  const [pathResult, setPathResult] = useState<{ path: LinkPath; maxHops: number } | null>(null);
  const [missing, setMissing] = useState(0);
  const canvas = useRef<CanvasHandle>(null);
  const panelTitle = useRef<HTMLHeadingElement>(null);
  /** the node the graph was last started from (by the address or the picker) */
  const started = useRef<string | null>(null);

  const expand = useExpand((g, req) => {
    if (req.fresh) {
      dispatch({ type: 'reset', expansions: [g] });
      setSelected(g.node);
      setEnds({ ...NO_ENDS, source: g.node });
      setPathResult(null);
      setMissing(0);
    } else {
      dispatch({ type: 'expand', graph: g });
    }
  });
  const refetch = useRefetchAll(({ graphs, missing: left }) => {
    dispatch({ type: 'reset', expansions: graphs });
    setMissing(left);
    setPathResult(null);
  });
  const path = usePath((p: LinkPath, req: PathRequest) => {
    dispatch({ type: 'path', path: p });
    setPathResult({ path: p, maxHops: req.maxHops });
  });
  const busy = expand.isPending || refetch.isPending;
  const { mutate: expandMutate, reset: resetExpand } = expand;

  // a start named in the address (a link from a case or a record, back and forward)
  useEffect(() => {
    if (!node || started.current === node) return;
    started.current = node;
    expandMutate({ node, filters, fresh: true });
  }, [node, filters, expandMutate]);

  const startFrom = (id: string) => {
    started.current = id;
    if (node !== id) setParams({ node: id });
    expandMutate({ node: id, filters, fresh: true });
  };

  const clear = useCallback(() => {
    dispatch({ type: 'clear' });
    setSelected(null);
    setEnds(NO_ENDS);
    setPathResult(null);
    setMissing(0);
    resetExpand();
    started.current = null;
    setParams({});
  }, [resetExpand, setParams]);

  const actions: NodeActions = {
    expand: (id) => !busy && expandMutate({ node: id, filters }),
    more: (id, offset) => !busy && expandMutate({ node: id, filters, offset }),
    collapse: (id) => dispatch({ type: 'collapse', id }),
    remove: (id) => {
      if (id === graph.start) return clear();
      dispatch({ type: 'remove', id });
      if (selected === id) setSelected(null);
    },
    pathFrom: (id) => setEnds({ ...ends, source: id }),
    pathTo: (id) => setEnds({ ...ends, target: id }),
  };
  /** a double click in the graph: the next page of neighbours, or the first */
  const expandOrMore = (id: string) => {
    const more = graph.truncated[id];
    if (more) actions.more(id, more.shown);
    else if (!graph.expanded.includes(id)) actions.expand(id);
  };

  const applyFilters = (f: GraphFilters) => {
    setFilters(f);
    if (graph.expanded.length > 0) refetch.mutate({ nodes: graph.expanded, filters: f });
  };

  const drawn = useMemo(() => drawing(graph, selected, labels.role), [graph, selected, labels.role]);
  const chosen = graph.nodes.find((n) => n.id === selected) ?? null;
  const error = expand.error ?? refetch.error;
  const fieldErrors = filterFieldErrors(error);
  const guide = `/help/${i18n.language === 'fr' ? 'fr' : 'en'}/analysis.html`;

  return (
    <Stack>
      <PageHeader title={t('analysis:title')} description={t('analysis:description')} actions={<ExportMenu graph={graph} png={() => canvas.current?.png() ?? null} />} />
      <Group justify="flex-end">
        <Anchor href={guide} target="_blank" rel="noopener" size="sm">
          <Group gap={4} component="span">
            {t('analysis:help')}
            <IconExternalLink size={14} aria-hidden />
          </Group>
        </Anchor>
      </Group>
      <Paper withBorder p="md" data-testid="analysis-start">
        <Stack gap="xs">
          <Title order={2} size="h5">
            {t('analysis:start.title')}
          </Title>
          <StartPicker idPrefix="analysis-start" submitLabel={t('analysis:start.submit')} onPick={(m) => startFrom(m.id)} />
          {graph.nodes.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('analysis:start.replaces')}
            </Text>
          )}
        </Stack>
      </Paper>
      <FiltersPanel applied={filters} onApply={applyFilters} busy={refetch.isPending} serverErrors={fieldErrors} />
      <Stack gap="xs" aria-live="polite" data-testid="analysis-status">
        {busy && (
          <Group gap="xs">
            <Loader size="xs" aria-hidden />
            <Text size="sm" c="dimmed">
              {t('analysis:graph.loading')}
            </Text>
          </Group>
        )}
        {error && Object.keys(fieldErrors).length === 0 ? (
          <Alert color="red" variant="light" role="alert" data-testid="analysis-error">
            {isApiError(error) && error.status === 404 ? t('analysis:graph.notFound') : message(error)}
          </Alert>
        ) : null}
        {missing > 0 && (
          <Alert color="yellow" variant="light" data-testid="analysis-missing">
            {t('analysis:filters.missing', { count: missing })}
          </Alert>
        )}
      </Stack>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="xs">
            <Group gap="sm" wrap="wrap" role="group" aria-label={t('analysis:graph.layout')}>
              <SegmentedControl
                aria-label={t('analysis:graph.layout')}
                value={layout}
                onChange={(v) => setLayout(v as GraphLayout)}
                data={[
                  { value: 'cose', label: t('analysis:graph.layouts.cose') },
                  { value: 'breadthfirst', label: t('analysis:graph.layouts.breadthfirst') },
                ]}
              />
              <Button variant="default" leftSection={<IconLayoutGrid size={16} aria-hidden />} onClick={() => canvas.current?.arrange()} disabled={graph.nodes.length === 0}>
                {t('analysis:graph.arrange')}
              </Button>
              <Button variant="default" leftSection={<IconFocusCentered size={16} aria-hidden />} onClick={() => canvas.current?.fit()} disabled={graph.nodes.length === 0}>
                {t('analysis:graph.fit')}
              </Button>
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={clear} disabled={graph.nodes.length === 0}>
                {t('analysis:graph.clear')}
              </Button>
            </Group>
            {graph.nodes.length === 0 ? (
              <Paper withBorder h={560}>
                <EmptyState title={t('analysis:graph.empty')} />
              </Paper>
            ) : (
              <LinkGraphCanvas
                drawing={drawn}
                layout={layout}
                start={graph.start}
                onSelect={setSelected}
                onExpand={expandOrMore}
                handle={canvas}
                label={t('analysis:graph.label', { nodes: graph.nodes.length, links: graph.edges.length })}
              />
            )}
            <Text size="xs" c="dimmed">
              {t('analysis:graph.hint')}
            </Text>
            <Legend />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <NodePanel node={chosen} graph={graph} busy={busy} actions={actions} titleRef={panelTitle} />
            <PathPanel
              nodes={graph.nodes}
              ends={ends}
              onEnds={setEnds}
              onFind={(req) => path.mutate({ ...req, filters })}
              onClear={() => {
                dispatch({ type: 'clearPath' });
                setPathResult(null);
              }}
              result={pathResult}
              pending={path.isPending}
              error={path.error}
            />
          </Stack>
        </Grid.Col>
      </Grid>
      {graph.nodes.length > 0 && (
        <GraphTables
          graph={graph}
          selected={selected}
          labels={labels}
          onChoose={(id) => {
            setSelected(id);
            panelTitle.current?.focus();
          }}
        />
      )}
    </Stack>
  );
}
