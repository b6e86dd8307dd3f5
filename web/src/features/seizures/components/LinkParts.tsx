import type { ReactNode } from 'react';
import { ActionIcon, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fieldId } from '@/lib/formErrors';
import { CASE_FORM } from '../lib/fieldErrors';
import type { PossibleMatch } from '../lib/matches';

/** One linked person, company or conveyance: a fieldset with its number and a remove button. */
export function LinkCard({
  title,
  onRemove,
  removeLabel,
  error,
  path,
  children,
}: {
  title: string;
  onRemove: () => void;
  removeLabel: string;
  error?: ReactNode;
  /** `persons.0`: the card is where errors of the link without a field of their own are moved to. */
  path: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="sm" component="fieldset" style={{ margin: 0 }} id={fieldId(CASE_FORM, path)}>
      <Group justify="space-between" mb="xs">
        <Text component="legend" fw={600} size="sm" style={{ float: 'inline-start', padding: 0 }}>
          {title}
        </Text>
        <ActionIcon variant="subtle" color="red.9" onClick={onRemove} aria-label={removeLabel}>
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Group>
      {error && (
        <Text c="red.8" size="sm" role="alert" mb="xs">
          {error}
        </Text>
      )}
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

/** What to look up, trimmed, of at least 2 characters, each once; joined so the list can be debounced as one value. */
const searchKey = (queries: readonly string[]) => [...new Set(queries.map((q) => q.trim()).filter((q) => q.length >= 2))].join('\n');

/**
 * "Possible matches" for a record being created, so the same person or company is not entered
 * twice: what any of `queries` finds (a name, a document or registration number…), once each.
 */
export function PossibleMatches({
  queries,
  useMatches,
  onUse,
}: {
  queries: readonly string[];
  useMatches: (qs: readonly string[]) => { data?: PossibleMatch[] };
  onUse: (m: PossibleMatch) => void;
}) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(searchKey(queries), 300);
  const matches = useMatches(debounced ? debounced.split('\n') : []);
  const found = matches.data ?? [];
  if (found.length === 0) return null;
  return (
    <Paper bg="yellow.0" p="xs" data-testid="possible-matches">
      <Text size="sm" fw={500}>
        {t('seizures.links.possibleMatches')}
      </Text>
      {found.slice(0, 5).map((m) => (
        <Group key={m.id} justify="space-between" gap="xs" wrap="nowrap">
          <Stack gap={0}>
            <Text size="sm">{m.label}</Text>
            {m.detail && (
              <Text size="xs" c="dimmed">
                {m.detail}
              </Text>
            )}
          </Stack>
          <Button size="compact-xs" variant="default" onClick={() => onUse(m)} aria-label={t('seizures.links.useRecordNamed', { name: m.label })}>
            {t('seizures.links.useRecord')}
          </Button>
        </Group>
      ))}
    </Paper>
  );
}

/** The register record a link points at, opened in a new tab, with "Change" to pick another. */
export function Chosen({ label, to, onChange }: { label: string; to: string; onChange: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" data-testid="linked-record">
      <Anchor component={Link} to={to} target="_blank">
        {label}
      </Anchor>
      <Button size="compact-sm" variant="default" onClick={onChange}>
        {t('seizures.links.change')}
      </Button>
    </Group>
  );
}
