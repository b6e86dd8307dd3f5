import { useState } from 'react';
import { Alert, Button, Group, List, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconRoute, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Data } from '@/components/Bidi';
import { useErrorMessage } from '@/components/useErrorMessage';
import '@/i18n/analysis';
import type { Match } from '../api/analysis';
import type { LinkNode, LinkPath } from '../lib/graph';
import { StartPicker } from './StartPicker';

export interface PathEnds {
  source: string | null;
  target: string | null;
  /** a node found by search, not in the graph yet */
  extra: Match | null;
}

const MAX_HOPS = [1, 2, 3, 4, 5, 6] as const;

/**
 * The shortest chain between two nodes: two nodes of the graph, or one and a node found by
 * search; the chain found is added to the graph and highlighted, and listed here.
 */
export function PathPanel({
  nodes,
  ends,
  onEnds,
  onFind,
  onClear,
  result,
  pending,
  error,
}: {
  nodes: readonly LinkNode[];
  ends: PathEnds;
  onEnds: (ends: PathEnds) => void;
  onFind: (req: { source: string; target: string; maxHops: number }) => void;
  onClear: () => void;
  result: { path: LinkPath; maxHops: number } | null;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [maxHops, setMaxHops] = useState(4);
  const kind = (n: Pick<LinkNode, 'kind'>) => t(`analysis:kinds.${n.kind}`);
  const options = nodes.map((n) => ({ value: n.id, label: `${n.label} · ${kind(n)}` }));
  const targets = ends.extra && !nodes.some((n) => n.id === ends.extra!.id) ? [...options, { value: ends.extra.id, label: ends.extra.label }] : options;
  const same = !!ends.source && ends.source === ends.target;
  const path = result?.path;
  return (
    <Paper withBorder p="md" data-testid="analysis-path-panel">
      <Stack gap="xs">
        <Title order={2} size="h5">
          {t('analysis:path.title')}
        </Title>
        <Select
          id="analysis-path-source"
          label={t('analysis:path.source')}
          placeholder={t('analysis:path.pick')}
          data={options}
          value={ends.source}
          onChange={(v) => onEnds({ ...ends, source: v })}
          searchable
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          id="analysis-path-target"
          label={t('analysis:path.target')}
          placeholder={t('analysis:path.pick')}
          data={targets}
          value={ends.target}
          onChange={(v) => onEnds({ ...ends, target: v })}
          searchable
          comboboxProps={{ withinPortal: true }}
          error={same ? t('analysis:path.same') : undefined}
        />
        <Text size="xs" c="dimmed">
          {t('analysis:path.otherTarget')}
        </Text>
        <StartPicker idPrefix="analysis-path-other" submitLabel={t('analysis:path.useTarget')} onPick={(m) => onEnds({ ...ends, extra: m, target: m.id })} />
        <Group align="flex-end" gap="sm">
          <Select
            id="analysis-path-hops"
            label={t('analysis:path.maxHops')}
            data={MAX_HOPS.map(String)}
            value={String(maxHops)}
            allowDeselect={false}
            onChange={(v) => v && setMaxHops(Number(v))}
            w={130}
            comboboxProps={{ withinPortal: true }}
          />
          <Button
            leftSection={<IconRoute size={16} aria-hidden />}
            disabled={!ends.source || !ends.target || same}
            loading={pending}
            onClick={() => ends.source && ends.target && onFind({ source: ends.source, target: ends.target, maxHops })}
            data-testid="analysis-find-path"
          >
            {t('analysis:path.find')}
          </Button>
        </Group>
        <div aria-live="polite" data-testid="analysis-path-result">
          {error ? (
            <Alert color="red" variant="light" role="alert">
              {message(error)}
            </Alert>
          ) : path && result ? (
            <Stack gap={6}>
              {path.found ? (
                <>
                  <Text size="sm">{t('analysis:path.found', { count: path.hops ?? path.nodes.length - 1 })}</Text>
                  <List type="ordered" size="sm" spacing={2} data-testid="analysis-path-chain">
                    {path.nodes.map((n) => (
                      <List.Item key={n.id}>
                        <Data>{n.label}</Data> <Text span size="xs" c="dimmed">({kind(n)})</Text>
                      </List.Item>
                    ))}
                  </List>
                </>
              ) : (
                <Text size="sm" data-testid="analysis-path-none">
                  {t('analysis:path.none', { count: result.maxHops })}
                </Text>
              )}
              {!path.complete && (
                <Alert color="yellow" variant="light" data-testid="analysis-path-incomplete">
                  {t('analysis:path.incomplete')}
                </Alert>
              )}
              <Text size="xs" c="dimmed">
                {t('analysis:path.explored', { count: path.explored })}
              </Text>
              {path.found && (
                <Group>
                  <Button size="xs" variant="subtle" leftSection={<IconX size={14} aria-hidden />} onClick={onClear}>
                    {t('analysis:path.clear')}
                  </Button>
                </Group>
              )}
            </Stack>
          ) : null}
        </div>
      </Stack>
    </Paper>
  );
}
