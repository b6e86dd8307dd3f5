import { useState } from 'react';
import { Button, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import '@/i18n/analysis';
import { filterErrors, NODE_KINDS, NO_FILTERS, type GraphFilters, type NodeKind } from '../lib/graph';

/**
 * The kinds of nodes and the period of the cases that the next expansions and chain searches
 * keep to; "Apply" also asks the graph's expanded nodes again under them.
 */
export function FiltersPanel({
  applied,
  onApply,
  busy,
  serverErrors,
}: {
  applied: GraphFilters;
  onApply: (f: GraphFilters) => void;
  busy: boolean;
  /** the server's refusals, by field (`kinds`, `from`, `to`) */
  serverErrors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<GraphFilters>(applied);
  const local = filterErrors(draft);
  const error = (field: 'kinds' | 'from' | 'to') => {
    const code = field === 'from' ? undefined : local[field];
    return code ? t(`analysis:filters.${code}`) : serverErrors[field];
  };
  const valid = Object.keys(local).length === 0;
  return (
    <Paper withBorder p="md" role="search" aria-label={t('analysis:filters.title')} data-testid="analysis-filters">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) onApply(draft);
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h5">
            {t('analysis:filters.title')}
          </Title>
          <Checkbox.Group
            label={t('analysis:filters.kinds')}
            description={t('analysis:filters.kindsHelp')}
            value={draft.kinds}
            onChange={(v) => setDraft({ ...draft, kinds: NODE_KINDS.filter((k) => v.includes(k)) as NodeKind[] })}
            error={error('kinds')}
          >
            <Group gap="md" mt={4} wrap="wrap">
              {NODE_KINDS.map((k) => (
                <Checkbox key={k} value={k} label={t(`analysis:kinds.${k}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              type="date"
              id="analysis-from"
              label={t('analysis:filters.from')}
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
              error={error('from')}
              w={220}
            />
            <TextInput
              type="date"
              id="analysis-to"
              label={t('analysis:filters.to')}
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
              error={error('to')}
              w={220}
            />
          </Group>
          <Text size="xs" c="dimmed">
            {t('analysis:filters.note')}
          </Text>
          <Group gap="sm">
            <Button type="submit" leftSection={<IconFilter size={16} aria-hidden />} disabled={!valid} loading={busy} data-testid="analysis-apply-filters">
              {t('analysis:filters.apply')}
            </Button>
            <Button variant="subtle" onClick={() => setDraft(NO_FILTERS)}>
              {t('analysis:filters.reset')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
