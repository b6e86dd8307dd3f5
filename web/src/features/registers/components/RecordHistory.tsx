import { useMemo } from 'react';
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCodeLabels } from '@/api/queries/codelists';
import { Data } from '@/components/Bidi';
import { ChangesTable } from '@/components/ChangesTable';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { changesOf, recordChangeRows, recordCodeLists, type ChangeFormat, type ChangeRow, type RecordKind } from '@/lib/recordHistory';
import { useRecordHistory, type Register } from '../api/registers';
import { Card } from './parts';

const KIND_OF: Readonly<Record<Register, RecordKind>> = { persons: 'person', companies: 'company', conveyances: 'conveyance' };

/**
 * What a merge writes in the changes of the records' histories besides their fields: the record
 * merged in (`merge`, on the survivor), the record merged into (`merged`, on the other) —
 * labelled —, and the merge an undo reverses (`unmerge`: its action says it all; not shown).
 */
const MERGE_CHANGES: Readonly<Record<string, string | null>> = {
  merged_record: 'registers.history.fields.merged_record',
  merged_into: 'registers.history.fields.merged_into',
  merge: null,
};

/** A history entry's rows, the merge bookkeeping labelled (or left out). */
function entryRows(kind: RecordKind, changes: unknown, format: ChangeFormat): ChangeRow[] {
  return recordChangeRows(kind, changes, format).flatMap((row) => {
    if (!Object.hasOwn(MERGE_CHANGES, row.field)) return [row];
    const labelKey = MERGE_CHANGES[row.field];
    return labelKey ? [{ ...row, labelKey }] : [];
  });
}

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
            const rows = entryRows(kind, h.changes, format);
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
