import { Anchor, CloseButton, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/i18n/investigations';
import { Data } from '@/components/Bidi';
import { useTargetLabel } from '../api/pickers';
import type { LinkInput } from '../api/types';
import { linkPath } from '../lib/links';

/**
 * A link a new investigation starts from (from the address): the record's label where the user
 * may read it (else its kind and id), its role, a remove button, and the server's error for it.
 */
export function LinkChip({ link, id, error, onRemove }: { link: LinkInput; id: string; error?: string; onRemove: () => void }) {
  const { t } = useTranslation('investigations');
  const label = useTargetLabel(link.target_kind, link.target_id);
  const text = label.data ?? link.target_id;
  const kind = t(`targetKinds.${link.target_kind}`);
  return (
    <Stack gap={2}>
      <Paper
        withBorder
        px="sm"
        py={4}
        radius="xl"
        id={id}
        tabIndex={-1}
        data-testid="prefilled-link"
        data-kind={link.target_kind}
        style={error ? { borderColor: 'var(--mantine-color-error)' } : undefined}
        aria-invalid={error ? true : undefined}
      >
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed">
            {kind}
          </Text>
          <Anchor component={Link} to={linkPath(link.target_kind, link.target_id)} size="sm" target="_blank" style={{ overflowWrap: 'anywhere' }}>
            <Data>{text}</Data>
          </Anchor>
          <Text size="xs" c="dimmed">
            {t('form.asRole', { role: t(`linkRoles.${link.role}`, { defaultValue: link.role }) })}
          </Text>
          <CloseButton size="sm" aria-label={t('form.removeLink', { label: `${kind} ${text}` })} onClick={onRemove} />
        </Group>
      </Paper>
      {error && (
        <Text size="xs" c="var(--mantine-color-error)" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
