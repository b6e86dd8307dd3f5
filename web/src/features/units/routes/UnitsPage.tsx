import { useEffect, useMemo, useRef } from 'react';
import { Badge, Button, Grid, Group, Paper, Stack, Text, Title, Tree, getTreeExpandedState, useDirection, useTree, type TreeNodeData } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { buildUnitTree, useUnits, type UnitNode } from '@/api/queries/units';
import { Data } from '@/components/Bidi';
import { PageHeader } from '@/components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { unitName } from '@/lib/units';
import { CreateUnitModal } from '../components/CreateUnitModal';
import { EditUnitForm } from '../components/EditUnitForm';

/** The tree, each unit under its name in `lang` where it has one (else its own name). */
function toTreeData(nodes: UnitNode[], lang: string): TreeNodeData[] {
  return nodes.map((n) => ({
    value: n.unit.id,
    label: unitName(n.unit, lang),
    nodeProps: { code: n.unit.code },
    children: n.children.length ? toTreeData(n.children, lang) : undefined,
  }));
}

export function UnitsPage() {
  const { t, i18n } = useTranslation();
  const { dir } = useDirection();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('unit');
  const [createOpen, createModal] = useDisclosure(false);
  const data = useMemo(() => toTreeData(buildUnitTree(units.data ?? []), i18n.language), [units.data, i18n.language]);
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
                          {expanded ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden style={{ transform: dir === 'rtl' ? 'scaleX(-1)' : undefined }} />}
                        </span>
                      ) : (
                        <span style={{ width: 14, display: 'inline-block' }} />
                      )}
                      <Text size="sm" fw={isSelected ? 700 : 400}>
                        <Data>{node.label}</Data>
                      </Text>
                      <Badge size="xs" variant="outline" color="gray">
                        <Data>{node.nodeProps?.code as string}</Data>
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
                    {t('units.editTitle')}: <Data>{unitName(selected, i18n.language)}</Data>
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
          notifications.show({ color: 'green', message: t('units.created', { name: unitName(unit, i18n.language) }) });
          select(unit.id);
        }}
      />
    </Stack>
  );
}
