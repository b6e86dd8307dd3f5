import { useMemo } from 'react';
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Case } from '@/api/types';
import { useCodeLabels } from '@/api/queries/codelists';
import { Bidi, Data } from '@/components/Bidi';
import { ChangesTable } from '@/components/ChangesTable';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { useCaseHistory } from '../api/seizures';
import { companyLabel, conveyanceLabel, personLabel } from '../lib/caseForm';
import { describeEntryRecord, historyEntriesCodeLists, historyRows, type HistoryFormat } from '../lib/history';

/** Steps whose text is an optional comment (the others': a reason). */
const COMMENTED = new Set(['submit', 'validate']);

/**
 * Every change to the case: who, when, which fields (labelled; the API's name as a tooltip),
 * old → new. A correction of a linked record names the record (with a link to it) and lists
 * the record's changed fields.
 */
export function HistoryList({ c }: { c: Case }) {
  const { t, i18n } = useTranslation();
  const history = useCaseHistory(c.id);
  const lang = i18n.language;

  // only the code lists the changed fields need (usually already cached by the case tab)
  const lists = useMemo(() => historyEntriesCodeLists(history.data ?? []), [history.data]);
  const label = useCodeLabels(lists);
  const records = useMemo(
    () => ({
      persons: new Map(c.persons.map((l) => [l.person.id, personLabel(l.person)])),
      companies: new Map(c.companies.map((l) => [l.company.id, companyLabel(l.company)])),
      conveyances: new Map(c.conveyances.map((l) => [l.conveyance.id, conveyanceLabel(l.conveyance)])),
    }),
    [c],
  );
  const format: HistoryFormat = { t, lang, label, record: (kind, id) => records[kind].get(id) };

  if (history.isPending) return <LoadingState />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) return <EmptyState title={t('seizures.history.empty')} />;
  return (
    <Stack gap="sm" data-testid="case-history">
      {[...history.data].reverse().map((h) => {
        const rows = historyRows(h, format);
        const record = describeEntryRecord(h, format);
        return (
          <Paper key={h.id} withBorder p="sm" data-testid="history-entry" data-action={h.action}>
            <Group gap="xs" mb={rows.length || record ? 'xs' : 0}>
              <Badge variant="outline" size="sm" tt="none">
                {t(`seizures.history.actions.${h.action}`, { defaultValue: h.action })}
              </Badge>
              <Text size="sm" fw={500}>
                {h.actor_username ? <Data>{h.actor_username}</Data> : t('audit.system')}
              </Text>
              <Text size="sm" c="dimmed">
                {formatDateTime(h.at, lang)} · {t('common.version', { version: h.version })}
              </Text>
            </Group>
            {record && (
              <Text size="sm" mb="xs" data-testid="history-record" data-kind={record.kind}>
                {record.kindLabel}:{' '}
                <Anchor component={Link} to={record.path} size="sm">
                  <Data>{record.name}</Data>
                </Anchor>
              </Text>
            )}
            {h.reason && (
              <Text size="sm" mb="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="history-reason">
                {t(COMMENTED.has(h.action) ? 'seizures.history.comment' : 'seizures.history.reason')}: <Bidi>{h.reason}</Bidi>
              </Text>
            )}
            <ChangesTable rows={rows} />
          </Paper>
        );
      })}
    </Stack>
  );
}
