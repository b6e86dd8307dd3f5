import { Alert, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Case } from '@/api/types';
import { formatDateTime } from '@/lib/format';

/**
 * Why a draft is a draft again, at the top of the case: sent back for correction (a submitted
 * case) or reopened (a validated one), by whom, when, and the supervisor's reason.
 */
export function ReopenedNote({ note }: { note: NonNullable<Case['reopened']> }) {
  const { t, i18n } = useTranslation();
  const kind = note.action === 'return' ? 'return' : 'reopen';
  const vars = { name: note.by_name ?? t('seizures.reopened.someone'), when: formatDateTime(note.at, i18n.language) };
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconArrowBackUp aria-hidden />}
      title={t(`seizures.reopened.${kind}Title`)}
      data-testid="case-reopened"
      data-action={kind}
    >
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} dir="auto">
        {note.reason ? t(`seizures.reopened.${kind}`, { ...vars, reason: note.reason }) : t(`seizures.reopened.${kind}NoReason`, vars)}
      </Text>
    </Alert>
  );
}
