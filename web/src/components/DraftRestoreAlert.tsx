import { Alert, Button, Group, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';

/**
 * Offers the unsaved changes kept in this browser (`useFormDraft`). `stale`: the record has
 * changed since the draft was made, so restoring it would replace those changes.
 */
export function DraftRestoreAlert({
  savedAt,
  stale = false,
  onRestore,
  onDiscard,
}: {
  savedAt: string;
  stale?: boolean;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Alert color="yellow" variant="light" icon={<IconRestore aria-hidden />} title={t('drafts.title')} data-testid="draft-offer">
      <Text size="sm">{t('drafts.question', { when: formatDateTime(savedAt, i18n.language) })}</Text>
      {stale && (
        <Text size="sm" mt={4}>
          {t('drafts.stale')}
        </Text>
      )}
      <Group gap="sm" mt="sm">
        <Button size="xs" onClick={onRestore}>
          {t('drafts.restore')}
        </Button>
        <Button size="xs" variant="default" onClick={onDiscard}>
          {t('drafts.discard')}
        </Button>
      </Group>
    </Alert>
  );
}
