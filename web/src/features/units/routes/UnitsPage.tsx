import { useEffect, useMemo, useRef } from 'react';
import { Badge, Button, Grid, Group, Paper, Stack, Text, Title, Tree, getTreeExpandedState, useTree, type TreeNodeData } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { buildUnitTree, useUnits, type UnitNode } from '@/api/queries/units';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { CreateUnitModal } from '../components/CreateUnitModal';
import { EditUnitForm } from '../components/EditUnitForm';

function toTreeData(nodes: UnitNode[]): TreeNodeData[] {
  return nodes.map((n) => ({
    value: n.unit.id,
    label: n.unit.name,
    nodeProps: { code: n.unit.code },
    children: n.children.length ? toTreeData(n.children) : undefined,
  }));
}

export function UnitsPage() {
  const { t } = useTranslation();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('unit');
  const [createOpen, createModal] = useDisclosure(false);
  const data = useMemo(() => toTreeData(buildUnitTree(units.data ?? [])), [units.data]);
  const tree = useTree({ initialExpandedState: {} });
  const selected = units.data?.find((u) => u.id === selectedId) ?? null;

  // Expand everything once the data first arrives, and the path to the selected unit whenever it changes.
  // (useTree's callbacks are not stable: depend on values only, or the effects loop.)
  const expandedOnce = useRef(false);
  useEffect(() => {
    if (expandedOnce.current || data.length === 0) return;
    expandedOnce.current = true;
    tree.setExpandedState(getTreeExpandedState(data, '*'));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on first data
  }, [data]);
  const selectedParent = selected?.parent_id ?? null;
  useEffect(() => {
    let pid = selectedParent;
    const seen = new Set<string>();
    while (pid && !seen.has(pid)) {
      seen.add(pid);
      tree.expand(pid);
      pid = units.data?.find((u) => u.id === pid)?.parent_id ?? null;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- values only, see above
  }, [selectedParent, units.data]);

  const select = (id: string) => setParams({ unit: id }, { replace: true });

  return (
    <Stack>
      <PageHeader
        title={t('units.title')}
        description={t('units.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createModal.open} disabled={!units.data}>
            {selected ? t('units.createChild', { name: selected.name }) : t('units.create')}
          </Button>
        }
      />
      {units.isPending ? (
        <LoadingState />
      ) : units.isError ? (
        <ErrorState error={units.error} onRetry={() => void units.refetch()} />
      ) : units.data.length === 0 ? (
        <EmptyState title={t('units.empty')} />
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Paper withBorder p="sm">
              <Title order={2} size="h5" mb="xs" id="units-tree-title">
                {t('units.treeTitle')}
              </Title>
              <Tree
                data={data}
                tree={tree}
                aria-labelledby="units-tree-title"
                data-testid="units-tree"
                expandOnClick={false}
                selectOnClick={false}
                renderNode={({ node, expanded, hasChildren, elementProps, tree: ctl }) => {
                  const isSelected = node.value === selectedId;
                  return (
                    <Group
                      gap={4}
                      wrap="nowrap"
                      {...elementProps}
                      onClick={(e) => {
                        elementProps.onClick(e);
                        select(node.value);
                      }}
                      style={{
                        ...elementProps.style,
                        cursor: 'pointer',
                        padding: '4px 6px',
                        borderRadius: 4,
                        background: isSelected ? 'var(--mantine-color-ncen-0)' : undefined,
                      }}
                      data-unit-code={node.nodeProps?.code as string}
                    >
                      {hasChildren ? (
                        <span
                          role="presentation"
                          onClick={(e) => {
                            e.stopPropagation();
                            ctl.toggleExpanded(node.value);
                          }}
                          style={{ display: 'inline-flex' }}
                        >
                          {expanded ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden className="mirror-rtl" />}
                        </span>
                      ) : (
                        <span style={{ width: 14, display: 'inline-block' }} />
                      )}
                      <Text size="sm" fw={isSelected ? 700 : 400}>
                        {node.label}
                      </Text>
                      <Badge size="xs" variant="outline" color="gray">
                        {node.nodeProps?.code as string}
                      </Badge>
                    </Group>
                  );
                }}
              />
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Paper withBorder p="md" style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 56px) + 16px)' }}>
              {selected ? (
                <Stack>
                  <Title order={2} size="h4">
                    {t('units.editTitle')}: {selected.name}
                  </Title>
                  <EditUnitForm
                    key={`${selected.id}:${selected.version}`}
                    unit={selected}
                    units={units.data}
                    onReload={() => void units.refetch()}
                  />
                </Stack>
              ) : (
                <Text c="dimmed">{t('units.selectHint')}</Text>
              )}
            </Paper>
          </Grid.Col>
        </Grid>
      )}
      <CreateUnitModal
        opened={createOpen}
        onClose={createModal.close}
        units={units.data ?? []}
        parentId={selected?.id ?? null}
        onCreated={(unit) => {
          createModal.close();
          notifications.show({ color: 'green', message: t('units.created', { name: unit.name }) });
          select(unit.id);
        }}
      />
    </Stack>
  );
}
