import { useMemo } from 'react';
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCodeLabels } from '@/api/queries/codelists';
import { Data } from '@/components/Bidi';
import { ChangesTable } from '@/components/ChangesTable';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { changesOf, recordChangeRows, recordCodeLists, type ChangeFormat, type RecordKind } from '@/lib/recordHistory';
import { useRecordHistory, type Register } from '../api/registers';
import { Card } from './parts';

const KIND_OF: Readonly<Record<Register, RecordKind>> = { persons: 'person', companies: 'company', conveyances: 'conveyance' };

/**
 * Every change to a register record, newest first: created or corrected, by whom, when, the
 * version it produced, and each changed field (labelled as on the record's form) old → new.
 */
export function RecordHistory({ register, id }: { register: Register; id: string }) {
  const { t, i18n } = useTranslation();
  const kind = KIND_OF[register];
  const history = useRecordHistory(register, id);
  const lang = i18n.language;
  const lists = useMemo(
    () => [...recordCodeLists(kind, (history.data ?? []).flatMap((h) => Object.keys(changesOf(h.changes))))].sort(),
    [kind, history.data],
  );
  const label = useCodeLabels(lists);
  const format: ChangeFormat = { t, lang, label };

  return (
    <Card title={t('registers.history.title')}>
      {history.isPending ? (
        <LoadingState />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <EmptyState title={t('registers.history.empty')} />
      ) : (
        <Stack gap="sm" data-testid="record-history" aria-label={t('registers.history.label')} role="list">
          {[...history.data].reverse().map((h) => {
            const rows = recordChangeRows(kind, h.changes, format);
            return (
              <Paper key={h.id} withBorder p="sm" data-testid="record-history-entry" data-action={h.action} role="listitem">
                <Group gap="xs" mb={rows.length ? 'xs' : 0}>
                  <Badge variant="outline" size="sm" tt="none" color={h.action === 'create' ? 'gray' : 'blue'}>
                    {t(`registers.history.actions.${h.action}`, { defaultValue: h.action })}
                  </Badge>
                  <Text size="sm" fw={500}>
                    {h.actor_username ? <Data>{h.actor_username}</Data> : t('audit.system')}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {formatDateTime(h.at, lang)} · {t('common.version', { version: h.version })}
                  </Text>
                </Group>
                <ChangesTable rows={rows} />
              </Paper>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
