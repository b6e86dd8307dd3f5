import { useMemo, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Button, Checkbox, Group, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconFocusCentered } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { NetworkNode, RiskBands } from '@/api/types';
import { Data } from '@/components/Bidi';
import { ErrorState, LoadingState } from '@/components/states';
import { useErrorMessage } from '@/components/useErrorMessage';
import '@/i18n/companies';
import { saveBlob } from '@/lib/useObjectUrl';
import { NEIGHBOURS_PAGE, useCompanyNetwork, useLoadNeighbours, type NetworkParams } from '@/features/registers/api/companies';
import { periodText, shareText } from '@/features/registers/lib/companyProfile';
import { bandOf, edgeId, edgeKinds, isDissolved, moreCount, nodeLook, nodePath, rootNodeId, visibleNetwork } from '@/features/registers/lib/network';
import { RiskBadge } from '../RiskBadge';
import { NetworkGraph, type GraphEdge, type GraphHandle, type GraphLayout, type GraphNode } from './NetworkGraph';
import { Section } from './ProfileParts';

const DEPTHS = ['1', '2', '3'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Relations read from their source to their target ("parent of"): drawn with an arrow. */
const DIRECTED: readonly string[] = ['parent_of', 'successor_of', 'agent_of'];

/** A file name from the company's name: letters and digits kept, the rest as dashes. */
function fileName(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'company'}-network.png`;
}

/**
 * The network around the company: companies, persons, addresses, contact points and shared
 * identifiers, drawn as a graph (Cytoscape, loaded on first use) and listed as tables (for
 * the keyboard and screen readers). Depth, date, the kinds of links shown and the layout are
 * chosen above it; a node with more neighbours than shown loads them on demand.
 */
export function NetworkTab({ companyId, companyName, thresholds }: { companyId: string; companyName: string; thresholds: RiskBands | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const message = useErrorMessage();
  const [depth, setDepth] = useState<NetworkParams['depth']>(2);
  const [atText, setAtText] = useState('');
  // each read is audited: a date is asked once its typing pauses, and only a whole one
  const [settledAt] = useDebouncedValue(atText, 400);
  const at = DAY.test(settledAt) ? settledAt : null;
  const params: NetworkParams = { depth, at };
  const network = useCompanyNetwork(companyId, params);
  const more = useLoadNeighbours(companyId, params);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [layout, setLayout] = useState<GraphLayout>('cose');
  const graph = useRef<GraphHandle>(null);
  const root = rootNodeId(companyId);
  const net = network.data;

  const edgeLabel = (kind: string) => t(`companies:network.edgeKinds.${kind}`, { defaultValue: kind.replace(/_/g, ' ') });
  const nodeKind = (n: NetworkNode) => t(`companies:network.nodeKinds.${n.kind}`, { defaultValue: n.kind });

  const kinds = useMemo(() => (net ? edgeKinds(net.edges) : []), [net]);
  const shown = useMemo(() => (net ? visibleNetwork(net, root, hidden) : { nodes: [], edges: [] }), [net, root, hidden]);
  const byId = useMemo(() => new Map((net?.nodes ?? []).map((n) => [n.id, n])), [net]);

  const graphNodes = useMemo<GraphNode[]>(
    () =>
      shown.nodes.map((n) => {
        const extra = net ? moreCount(net, n.id) : 0;
        return {
          id: n.id,
          label: extra > 0 ? `${n.label} (+${extra})` : n.label,
          look: nodeLook(n.kind),
          band: n.kind === 'company' ? bandOf(n.risk_score, thresholds) : null,
          dissolved: isDissolved(n),
          root: n.id === root,
          path: n.id === root ? null : nodePath(n),
        };
      }),
    [shown.nodes, net, thresholds, root],
  );
  const graphEdges = useMemo<GraphEdge[]>(
    () =>
      shown.edges.map((e) => ({
        id: edgeId(e),
        source: e.source,
        target: e.target,
        label: t(`companies:network.edgeKinds.${e.kind}`, { defaultValue: e.kind }),
        directed: DIRECTED.includes(e.kind),
      })),
    [shown.edges, t],
  );

  const exportPng = () => {
    const blob = graph.current?.png();
    if (blob) saveBlob(blob, fileName(companyName));
  };

  return (
    <Stack>
      <Section title={t('companies:network.title')} testId="company-network">
        <Stack gap="sm">
          <Group align="flex-end" gap="sm" wrap="wrap" role="group" aria-label={t('companies:network.controls')}>
            <Select
              label={t('companies:network.depth')}
              data={[...DEPTHS]}
              value={String(depth)}
              allowDeselect={false}
              onChange={(v) => v && setDepth(Number(v) as NetworkParams['depth'])}
              w={140}
              comboboxProps={{ withinPortal: true }}
              data-testid="network-depth"
            />
            <TextInput
              type="date"
              label={t('companies:network.asOf')}
              description={t('companies:network.asOfHelp')}
              value={atText}
              onChange={(e) => setAtText(e.currentTarget.value)}
              w={200}
              data-testid="network-at"
            />
            {atText && (
              <Button variant="subtle" onClick={() => setAtText('')}>
                {t('companies:network.anyDate')}
              </Button>
            )}
            <SegmentedControl
              aria-label={t('companies:network.layout')}
              value={layout}
              onChange={(v) => setLayout(v as GraphLayout)}
              data={[
                { value: 'cose', label: t('companies:network.layouts.cose') },
                { value: 'breadthfirst', label: t('companies:network.layouts.breadthfirst') },
              ]}
            />
            <Button variant="default" leftSection={<IconFocusCentered size={16} aria-hidden />} onClick={() => graph.current?.fit()}>
              {t('companies:network.fit')}
            </Button>
            <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={exportPng} disabled={!net}>
              {t('companies:network.exportPng')}
            </Button>
          </Group>
          {kinds.length > 0 && (
            <Checkbox.Group
              label={t('companies:network.edgeKindsLabel')}
              description={t('companies:network.edgeKindsHelp')}
              value={kinds.filter((k) => !hidden.has(k))}
              onChange={(shownKinds) => setHidden(new Set(kinds.filter((k) => !shownKinds.includes(k))))}
              data-testid="network-edge-kinds"
            >
              <Group gap="md" mt={4} wrap="wrap">
                {kinds.map((k) => (
                  <Checkbox key={k} value={k} label={edgeLabel(k)} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
          {network.isPending ? (
            <LoadingState />
          ) : network.isError ? (
            <ErrorState error={network.error} onRetry={() => void network.refetch()} />
          ) : (
            <>
              {net?.capped && (
                <Alert color="yellow" variant="light" data-testid="network-capped">
                  {t('companies:network.capped')}
                </Alert>
              )}
              <NetworkGraph
                nodes={graphNodes}
                edges={graphEdges}
                layout={layout}
                onOpen={(path) => navigate(path)}
                handle={graph}
                label={t('companies:network.graphLabel', { name: companyName, nodes: shown.nodes.length, edges: shown.edges.length })}
              />
              <Text size="xs" c="dimmed" data-testid="network-legend">
                {t('companies:network.legend')}
              </Text>
            </>
          )}
        </Stack>
      </Section>
      {net && (
        <Section title={t('companies:network.listTitle')} testId="network-list">
          <Stack>
            {more.isError && (
              <Alert color="red" variant="light" role="alert">
                {message(more.error)}
              </Alert>
            )}
            <Title order={3} size="h5">
              {t('companies:network.nodes', { count: shown.nodes.length })}
            </Title>
            <Table.ScrollContainer minWidth={640}>
              <Table striped aria-label={t('companies:network.nodesLabel')} data-testid="network-nodes">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('companies:network.kind')}</Table.Th>
                    <Table.Th scope="col">{t('companies:network.name')}</Table.Th>
                    <Table.Th scope="col">{t('companies:network.status')}</Table.Th>
                    <Table.Th scope="col">{t('companies:network.risk')}</Table.Th>
                    <Table.Th scope="col">{t('companies:network.hopsColumn')}</Table.Th>
                    <Table.Th scope="col">{t('companies:network.neighbours')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.nodes.map((n) => {
                    const path = n.id === root ? null : nodePath(n);
                    const extra = moreCount(net, n.id);
                    const band = n.kind === 'company' ? bandOf(n.risk_score, thresholds) : null;
                    const truncated = net.truncated.find((x) => x.node === n.id);
                    return (
                      <Table.Tr key={n.id} data-node={n.id} data-kind={n.kind}>
                        <Table.Td>{nodeKind(n)}</Table.Td>
                        <Table.Td style={{ wordBreak: 'break-word' }}>
                          {path ? (
                            <Anchor component={Link} to={path}>
                              <Data>{n.label}</Data>
                            </Anchor>
                          ) : (
                            <Data>{n.label}</Data>
                          )}
                          {n.id === root && (
                            <Badge size="xs" variant="light" ms={6} tt="none">
                              {t('companies:network.thisCompany')}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>{n.kind === 'company' && n.status ? t(`registers.companyStatus.${n.status}`, { defaultValue: n.status }) : '—'}</Table.Td>
                        <Table.Td>
                          {n.kind === 'company' && n.risk_score !== null && n.risk_score !== undefined ? (
                            band ? (
                              <RiskBadge risk={{ score: n.risk_score, band }} size="sm" />
                            ) : (
                              <Data ltr>{n.risk_score}</Data>
                            )
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Data ltr>{n.depth}</Data>
                        </Table.Td>
                        <Table.Td>
                          {extra > 0 && truncated ? (
                            <Group gap="xs" wrap="nowrap">
                              <Text size="sm" data-testid="network-more">
                                {t('companies:network.more', { count: extra })}
                              </Text>
                              <Button
                                size="compact-xs"
                                variant="default"
                                loading={more.isPending && more.variables?.node === n.id}
                                onClick={() => more.mutate({ node: n.id, offset: truncated.shown })}
                                aria-label={t('companies:network.loadMoreOf', { count: Math.min(extra, NEIGHBOURS_PAGE), name: n.label })}
                              >
                                {t('companies:network.loadMore', { count: Math.min(extra, NEIGHBOURS_PAGE) })}
                              </Button>
                            </Group>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Title order={3} size="h5">
              {t('companies:network.edges', { count: shown.edges.length })}
            </Title>
            {shown.edges.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('companies:network.noEdges')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table striped aria-label={t('companies:network.edgesLabel')} data-testid="network-edges">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('companies:network.from')}</Table.Th>
                      <Table.Th scope="col">{t('companies:network.link')}</Table.Th>
                      <Table.Th scope="col">{t('companies:network.to')}</Table.Th>
                      <Table.Th scope="col">{t('companies:network.period')}</Table.Th>
                      <Table.Th scope="col">{t('companies:network.share')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shown.edges.map((e) => (
                      <Table.Tr key={edgeId(e)} data-kind={e.kind}>
                        <Table.Td>
                          <Data>{byId.get(e.source)?.label ?? e.source}</Data>
                        </Table.Td>
                        <Table.Td>{edgeLabel(e.kind)}</Table.Td>
                        <Table.Td>
                          <Data>{byId.get(e.target)?.label ?? e.target}</Data>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{periodText(e.from, e.until) ? <Data ltr>{periodText(e.from, e.until)}</Data> : '—'}</Table.Td>
                        <Table.Td>{shareText(e.share_percent, i18n.language) || '—'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {net.nodes.length > shown.nodes.length && (
              <Text size="sm" c="dimmed" data-testid="network-hidden">
                {t('companies:network.hidden', { count: net.nodes.length - shown.nodes.length })}
              </Text>
            )}
          </Stack>
        </Section>
      )}
    </Stack>
  );
}
