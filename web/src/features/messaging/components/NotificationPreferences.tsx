import { useState } from 'react';
import { Button, Checkbox, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ErrorState, FormError, LoadingState } from '@/components/states';
import '@/i18n/searches/nav';
import { useNotificationPreferences, useSaveNotificationPreferences } from '../api/notifications';
import { NOTIFICATION_KINDS, type NotificationKind } from '../api/types';

function PreferencesForm({ initial }: { initial: NotificationKind[] }) {
  const { t } = useTranslation();
  const save = useSaveNotificationPreferences();
  const [live, setLive] = useState<string[]>(initial);
  return (
    <form
      data-testid="notification-preferences"
      onSubmit={(e) => {
        e.preventDefault();
        const kinds = NOTIFICATION_KINDS.filter((k) => live.includes(k));
        save.mutate({ live: kinds }, { onSuccess: () => notifications.show({ color: 'green', message: t('notifications.preferences.saved') }) });
      }}
    >
      <Stack gap="sm">
        <Checkbox.Group label={t('notifications.preferences.label')} description={t('notifications.preferences.help')} value={live} onChange={setLive}>
          <Stack gap="xs" mt="xs">
            {NOTIFICATION_KINDS.map((k) => (
              <Checkbox key={k} value={k} label={t([`notifications.kinds.${k}`, `seizures.notificationKinds.${k}`, `alerts.notificationKinds.${k}`, `searches:notificationKinds.${k}`])} />
            ))}
          </Stack>
        </Checkbox.Group>
        <FormError error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('notifications.preferences.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Which kinds of notification pop up live (PUT /notifications/preferences); all are listed anyway. */
export function NotificationPreferences() {
  const prefs = useNotificationPreferences();
  if (prefs.isPending) return <LoadingState />;
  if (prefs.isError) return <ErrorState error={prefs.error} onRetry={() => void prefs.refetch()} />;
  return <PreferencesForm key={prefs.data.live.join(',')} initial={prefs.data.live} />;
}
