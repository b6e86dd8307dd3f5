import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '@/lib/useObjectUrl';
import '@/i18n/analysis';
import { edgesCsv, exportName, nodesCsv, toGraphML } from '../lib/exporters';
import type { GraphState } from '../lib/graph';

/**
 * The graph on screen as a file: the picture (PNG), GraphML for other graph tools, and its
 * nodes and its links as two CSV files. Made in the browser from what is shown.
 */
export function ExportMenu({ graph, png }: { graph: GraphState; png: () => Blob | null }) {
  const { t } = useTranslation();
  const start = graph.nodes.find((n) => n.id === graph.start)?.label;
  const save = (text: string, type: string, what: string, ext: string) => saveBlob(new Blob([text], { type }), exportName(start, what, ext));
  const empty = graph.nodes.length === 0;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />} disabled={empty} data-testid="analysis-export">
          {t('analysis:export.label')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          onClick={() => {
            const blob = png();
            if (blob) saveBlob(blob, exportName(start, 'graph', 'png'));
          }}
        >
          {t('analysis:export.png')}
        </Menu.Item>
        <Menu.Item onClick={() => save(toGraphML(graph.nodes, graph.edges), 'application/graphml+xml', 'graph', 'graphml')}>{t('analysis:export.graphml')}</Menu.Item>
        <Menu.Item onClick={() => save(nodesCsv(graph.nodes), 'text/csv;charset=utf-8', 'nodes', 'csv')}>{t('analysis:export.nodesCsv')}</Menu.Item>
        <Menu.Item onClick={() => save(edgesCsv(graph.edges), 'text/csv;charset=utf-8', 'links', 'csv')}>{t('analysis:export.edgesCsv')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
