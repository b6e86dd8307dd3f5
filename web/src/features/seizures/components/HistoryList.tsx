import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { useCaseHistory } from '../api/seizures';
import { formatHistoryValue } from '../lib/format';

/** Every change to the case: who, when, which fields, old → new. */
export function HistoryList({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const history = useCaseHistory(caseId);
  if (history.isPending) return <LoadingState />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) return <EmptyState title={t('seizures.history.empty')} />;
  return (
    <Stack gap="sm" data-testid="case-history">
      {[...history.data].reverse().map((h) => {
        const changes = h.changes && typeof h.changes === 'object' ? (h.changes as Record<string, { old?: unknown; new?: unknown }>) : {};
        const fields = Object.entries(changes);
        return (
          <Paper key={h.id} withBorder p="sm" data-testid="history-entry" data-action={h.action}>
            <Group gap="xs" mb={fields.length ? 'xs' : 0}>
              <Badge variant="outline" size="sm" tt="none">
                {t(`seizures.history.actions.${h.action}`, { defaultValue: h.action })}
              </Badge>
              <Text size="sm" fw={500}>
                {h.actor_username ?? t('audit.system')}
              </Text>
              <Text size="sm" c="dimmed">
                {formatDateTime(h.at, i18n.language)} · v{h.version}
              </Text>
            </Group>
            {h.reason && (
              <Text size="sm" mb="xs">
                {t('seizures.history.reason')}: {h.reason}
              </Text>
            )}
            {fields.length > 0 && (
              <Table.ScrollContainer minWidth={500}>
                <Table withRowBorders={false} fz="xs" aria-label={t('seizures.history.changes')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('seizures.history.field')}</Table.Th>
                      <Table.Th scope="col">{t('seizures.history.old')}</Table.Th>
                      <Table.Th scope="col">{t('seizures.history.new')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {fields.map(([field, change]) => (
                      <Table.Tr key={field}>
                        <Table.Td ff="monospace">{field}</Table.Td>
                        <Table.Td style={{ wordBreak: 'break-word' }}>{formatHistoryValue(change?.old)}</Table.Td>
                        <Table.Td style={{ wordBreak: 'break-word' }}>{formatHistoryValue(change?.new)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
