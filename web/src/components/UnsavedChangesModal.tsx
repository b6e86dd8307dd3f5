import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Leave without saving?" for a navigation held by `useUnsavedGuard`: Stay is the default. */
export function UnsavedChangesModal({ opened, onStay, onLeave }: { opened: boolean; onStay: () => void; onLeave: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onStay} title={t('unsaved.title')} data-testid="unsaved-changes">
      <Stack>
        <Text size="sm">{t('unsaved.body')}</Text>
        <Group justify="flex-end">
          <Button variant="filled" color="red.9" onClick={onLeave}>
            {t('unsaved.leave')}
          </Button>
          <Button variant="default" onClick={onStay} data-autofocus>
            {t('unsaved.stay')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
