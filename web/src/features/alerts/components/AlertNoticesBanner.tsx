import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAlertNotices } from '../api/alerts';

/**
 * What an officer must know when a case's records (`caseId`) or a register record
 * (`recordId`) match an alert: which record, which alert, the requested action, the handling
 * instructions and whom to contact — as the server discloses it, never the alert's reason.
 * Nothing at all when there is no notice (or the notices cannot be read): the page is shown as
 * usual. A note, not a live alert: it is part of the page, not an event.
 */
export function AlertNoticesBanner({ caseId, recordId }: { caseId?: string; recordId?: string }) {
  const { t } = useTranslation();
  const notices = useAlertNotices(caseId, recordId);
  const items = notices.data ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="sm" data-testid="alert-notices">
      {items.map((n) => (
        <Alert
          key={n.hit_id}
          role="note"
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('alerts.notices.title', { reference: n.alert_reference })}
          data-testid="alert-notice"
          data-reference={n.alert_reference}
          styles={{ root: { borderInlineStart: '4px solid var(--mantine-color-red-9)' } }}
        >
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('alerts.notices.body', {
                record: n.record_label,
                reference: n.alert_reference,
                action: t(`alerts.requestedActions.${n.requested_action}`, { defaultValue: n.requested_action }),
              })}
            </Text>
            {n.handling_instructions && (
              <Text size="sm" dir="auto" translate="no" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="alert-notice-handling">
                {n.handling_instructions}
              </Text>
            )}
            <Text size="sm">{t('alerts.notices.contact', { name: n.contact.name, unit: n.contact_unit.name })}</Text>
          </Stack>
        </Alert>
      ))}
    </Stack>
  );
}
