import { useMemo } from 'react';
import { Alert, Anchor, Button, Group, List, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CompanyInput, PersonInput } from '@/api/types';
import { useDuplicates, type Duplicate } from '../api/registers';

/** How long the fields must rest before the register is asked (each check is audited). */
export const DUPLICATE_DEBOUNCE_MS = 400;

/**
 * "Already in the register?": the existing persons or companies the matching engine finds
 * likely to be the record being entered (a document or registration number, a name in another
 * spelling, order or script), each linked to its page with what it shares and its score. A warning, never a block: the officer may
 * still create the record, or — with `onUse` — take the existing one instead.
 *
 * `probe` is what to check (`personDuplicateProbe` / `companyDuplicateProbe`), null for
 * nothing yet; it is asked once it has not changed for `DUPLICATE_DEBOUNCE_MS`.
 */
export function DuplicateWarning({
  register,
  probe,
  newTab = false,
  onUse,
}: {
  register: 'persons' | 'companies';
  probe: PersonInput | CompanyInput | null;
  /** Open the records in a new tab (from a form whose work must not be left). */
  newTab?: boolean;
  onUse?: (match: Duplicate) => void;
}) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  // debounced by content: the probe is a new object at every render
  const [settled] = useDebouncedValue(JSON.stringify(probe), DUPLICATE_DEBOUNCE_MS);
  const asked = useMemo(() => JSON.parse(settled) as PersonInput | CompanyInput | null, [settled]);
  const found = useDuplicates(register, asked);
  const items = probe && asked ? (found.data ?? []) : [];
  if (items.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      role="status"
      icon={<IconAlertTriangle size={18} aria-hidden />}
      title={t(`registers.duplicates.title.${register}`)}
      data-testid="duplicate-warning"
    >
      <Text size="sm" mb="xs">
        {t('registers.duplicates.help')}
      </Text>
      <List size="sm" spacing={4}>
        {items.map((d) => (
          <List.Item key={d.id} data-testid="duplicate-match">
            <Group gap="xs" wrap="wrap">
              <Anchor
                component={Link}
                to={`/registers/${register}/${d.id}`}
                size="sm"
                {...(newTab ? { target: '_blank', rel: 'noopener' } : {})}
              >
                <bdi>{d.label}</bdi>
              </Anchor>
              <Text span size="sm" c="dimmed">
                {d.reasons.map((r) => t(`registers.duplicates.reasons.${r}`, { defaultValue: r })).join(t('registers.duplicates.separator'))}
              </Text>
              {typeof d.score === 'number' && (
                <Text span size="sm" c="dimmed" data-testid="duplicate-score">
                  {/* rounded down: a 79.6 % likeness never reads as 80 % */}
                  {percent.format(Math.floor(d.score * 100) / 100)}
                </Text>
              )}
              {onUse && (
                <Button size="compact-xs" variant="default" onClick={() => onUse(d)} aria-label={t('registers.duplicates.useNamed', { name: d.label })}>
                  {t('registers.duplicates.use')}
                </Button>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
