import type { Ref } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowsMaximize, IconArrowsMinimize, IconExternalLink, IconPlus, IconRoute, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Data } from '@/components/Bidi';
import { formatDate } from '@/lib/format';
import '@/i18n/analysis';
import { neighbours, recordPath, type GraphState, type LinkNode } from '../lib/graph';

export interface NodeActions {
  expand: (id: string) => void;
  more: (id: string, offset: number) => void;
  collapse: (id: string) => void;
  remove: (id: string) => void;
  pathFrom: (id: string) => void;
  pathTo: (id: string) => void;
}

/** The chosen node: what it is, the record it opens, and what can be done with it. */
export function NodePanel({
  node,
  graph,
  busy,
  actions,
  titleRef,
}: {
  node: LinkNode | null;
  graph: GraphState;
  /** an expansion is under way: no other is asked for meanwhile */
  busy: boolean;
  actions: NodeActions;
  titleRef?: Ref<HTMLHeadingElement>;
}) {
  const { t, i18n } = useTranslation();
  const path = node ? recordPath(node) : null;
  const expanded = node ? graph.expanded.includes(node.id) : false;
  const truncated = node ? graph.truncated[node.id] : undefined;
  const links = node ? neighbours(graph, node.id).length : 0;
  return (
    <Paper withBorder p="md" data-testid="analysis-node-panel">
      <Stack gap="xs">
        <Title order={2} size="h5" ref={titleRef} tabIndex={-1}>
          {t('analysis:node.title')}
        </Title>
        {!node ? (
          <Text size="sm" c="dimmed">
            {t('analysis:node.none')}
          </Text>
        ) : (
          <>
            <Group gap="xs">
              <Badge variant="light" tt="none">
                {t(`analysis:kinds.${node.kind}`)}
              </Badge>
              {node.id === graph.start && (
                <Badge variant="outline" tt="none">
                  {t('analysis:node.start')}
                </Badge>
              )}
            </Group>
            <Text fw={600} style={{ wordBreak: 'break-word' }} data-testid="analysis-node-label">
              <Data>{node.label}</Data>
            </Text>
            {node.detail && (
              <Text size="sm" c="dimmed">
                <Data>{node.detail}</Data>
              </Text>
            )}
            {node.date && <Text size="sm">{t('analysis:node.date', { date: formatDate(node.date, i18n.language) })}</Text>}
            <Text size="sm">{t('analysis:node.links', { count: links })}</Text>
            {path && (
              // in a tab of its own: the graph stays as it is here
              <Anchor component={Link} to={path} target="_blank" rel="noopener" size="sm">
                <Group gap={4} component="span">
                  {t('analysis:node.open')}
                  <IconExternalLink size={14} aria-hidden />
                </Group>
              </Anchor>
            )}
            <Stack gap={6} mt="xs">
              {truncated ? (
                <Button
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => actions.more(node.id, truncated.shown)}
                  disabled={busy}
                  data-testid="analysis-more"
                >
                  {t('analysis:node.more', { shown: truncated.shown, total: truncated.total })}
                </Button>
              ) : (
                <Button
                  size="xs"
                  leftSection={<IconArrowsMaximize size={14} aria-hidden />}
                  onClick={() => actions.expand(node.id)}
                  disabled={busy || expanded}
                  data-testid="analysis-expand"
                >
                  {expanded ? t('analysis:node.expanded') : t('analysis:node.expand')}
                </Button>
              )}
              {expanded && (
                <Button size="xs" variant="default" leftSection={<IconArrowsMinimize size={14} aria-hidden />} onClick={() => actions.collapse(node.id)}>
                  {t('analysis:node.collapse')}
                </Button>
              )}
              <Button size="xs" variant="default" leftSection={<IconRoute size={14} aria-hidden />} onClick={() => actions.pathFrom(node.id)}>
                {t('analysis:node.pathFrom')}
              </Button>
              <Button size="xs" variant="default" leftSection={<IconRoute size={14} aria-hidden />} onClick={() => actions.pathTo(node.id)}>
                {t('analysis:node.pathTo')}
              </Button>
              <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => actions.remove(node.id)}>
                {t('analysis:node.remove')}
              </Button>
            </Stack>
          </>
        )}
      </Stack>
    </Paper>
  );
}
