import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Data } from '@/components/Bidi';
import '@/i18n/analysis';
import { edgeId, type GraphState, type LinkEdge } from '../lib/graph';
import type { useLabels } from '../lib/useLabels';

/**
 * The graph as two tables, for the keyboard and screen readers (and anyone who prefers a
 * list): a node's name chooses it, as a click in the graph does; the panel beside the graph
 * then acts on it.
 */
export function GraphTables({
  graph,
  selected,
  onChoose,
  labels,
}: {
  graph: GraphState;
  selected: string | null;
  onChoose: (id: string) => void;
  labels: ReturnType<typeof useLabels>;
}) {
  const { t } = useTranslation();
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const onPath = new Set([...(graph.path?.nodes ?? []), ...(graph.path?.edges ?? [])]);
  const name = (id: string) => byId.get(id)?.label ?? id;
  const neighbourState = (id: string) => {
    const more = graph.truncated[id];
    if (more) return t('analysis:tables.partly', { shown: more.shown, total: more.total });
    return graph.expanded.includes(id) ? t('analysis:tables.shown') : t('analysis:tables.notExpanded');
  };
  const choose = (id: string) => (
    <Anchor component="button" type="button" onClick={() => onChoose(id)} style={{ wordBreak: 'break-word', textAlign: 'start' }} fz="sm">
      <Data>{name(id)}</Data>
    </Anchor>
  );
  return (
    <Stack gap="sm" data-testid="analysis-tables">
      <Title order={2} size="h4">
        {t('analysis:tables.title')}
      </Title>
      <Title order={3} size="h5">
        {t('analysis:tables.nodes', { count: graph.nodes.length })}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped aria-label={t('analysis:tables.nodesLabel')} data-testid="analysis-nodes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('analysis:tables.kind')}</Table.Th>
              <Table.Th scope="col">{t('analysis:tables.name')}</Table.Th>
              <Table.Th scope="col">{t('analysis:tables.detail')}</Table.Th>
              <Table.Th scope="col">{t('analysis:tables.neighbours')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {graph.nodes.map((n) => (
              <Table.Tr key={n.id} data-node={n.id} data-kind={n.kind} aria-selected={n.id === selected} bg={n.id === selected ? 'var(--mantine-color-blue-light)' : undefined}>
                <Table.Td>{labels.kind(n.kind)}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {choose(n.id)}
                    {n.id === graph.start && (
                      <Badge size="xs" variant="outline" tt="none">
                        {t('analysis:node.start')}
                      </Badge>
                    )}
                    {onPath.has(n.id) && (
                      <Badge size="xs" color="yellow" variant="light" tt="none">
                        {t('analysis:tables.onPath')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{n.detail ? <Data>{n.detail}</Data> : '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm">{neighbourState(n.id)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={3} size="h5">
        {t('analysis:tables.edges', { count: graph.edges.length })}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped aria-label={t('analysis:tables.edgesLabel')} data-testid="analysis-edges">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('analysis:tables.from')}</Table.Th>
              <Table.Th scope="col">{t('analysis:tables.link')}</Table.Th>
              <Table.Th scope="col">{t('analysis:tables.role')}</Table.Th>
              <Table.Th scope="col">{t('analysis:tables.to')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {graph.edges.map((e: LinkEdge) => {
              const id = edgeId(e);
              return (
                <Table.Tr key={id} data-path={onPath.has(id) || undefined}>
                  <Table.Td>{choose(e.source)}</Table.Td>
                  <Table.Td>{labels.edgeKind(e)}</Table.Td>
                  <Table.Td>{labels.role(e)}</Table.Td>
                  <Table.Td>{choose(e.target)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
