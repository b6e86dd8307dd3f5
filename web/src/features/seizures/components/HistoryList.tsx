import { useMemo } from 'react';
import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Case } from '@/api/types';
import { codeBookQuery } from '@/api/queries/codelists';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatDateTime, pickLabel } from '@/lib/format';
import { useCaseHistory } from '../api/seizures';
import { companyLabel, conveyanceLabel, personLabel } from '../lib/caseForm';
import { HISTORY_FIELD_LABELS, formatHistoryChange, historyCodeLists, type HistoryFormat } from '../lib/history';

type Changes = Record<string, { old?: unknown; new?: unknown }>;
const changesOf = (c: unknown): Changes => (c && typeof c === 'object' ? (c as Changes) : {});

function Lines({ lines }: { lines: string[] }) {
  return (
    <>
      {lines.map((l, i) => (
        <div key={i}>{l}</div>
      ))}
    </>
  );
}

/** Every change to the case: who, when, which fields (labelled; the API's name as a tooltip), old → new. */
export function HistoryList({ c }: { c: Case }) {
  const { t, i18n } = useTranslation();
  const history = useCaseHistory(c.id);
  const lang = i18n.language;

  // only the code lists the changed fields need (usually already cached by the case tab)
  const lists = useMemo(
    () => [...historyCodeLists((history.data ?? []).flatMap((h) => Object.keys(changesOf(h.changes))))].sort(),
    [history.data],
  );
  const books = useQueries({ queries: lists.map((name) => codeBookQuery(name)) });
  const records = useMemo(
    () => ({
      persons: new Map(c.persons.map((l) => [l.person.id, personLabel(l.person)])),
      companies: new Map(c.companies.map((l) => [l.company.id, companyLabel(l.company)])),
      conveyances: new Map(c.conveyances.map((l) => [l.conveyance.id, conveyanceLabel(l.conveyance)])),
    }),
    [c],
  );
  const label = (list: string, code: string) => {
    const entry = books[lists.indexOf(list)]?.data?.find((e) => e.code === code);
    return entry ? pickLabel(entry.labels, lang, code) : code;
  };
  const format: HistoryFormat = { t, lang, label, record: (kind, id) => records[kind].get(id) };

  if (history.isPending) return <LoadingState />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) return <EmptyState title={t('seizures.history.empty')} />;
  return (
    <Stack gap="sm" data-testid="case-history">
      {[...history.data].reverse().map((h) => {
        const fields = Object.entries(changesOf(h.changes));
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
                {formatDateTime(h.at, lang)} · v{h.version}
              </Text>
            </Group>
            {h.reason && (
              <Text size="sm" mb="xs">
                {t('seizures.history.reason')}: {h.reason}
              </Text>
            )}
            {fields.length > 0 && (
              <Table.ScrollContainer minWidth={500}>
                <Table withRowBorders={false} fz="xs" aria-label={t('seizures.history.changes')} layout="fixed">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" w="22%">
                        {t('seizures.history.field')}
                      </Table.Th>
                      <Table.Th scope="col">{t('seizures.history.old')}</Table.Th>
                      <Table.Th scope="col">{t('seizures.history.new')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {fields.map(([field, change]) => {
                      const key = HISTORY_FIELD_LABELS[field];
                      return (
                        <Table.Tr key={field} data-testid="history-change" data-field={field}>
                          <Table.Th scope="row" fw={500} title={field}>
                            {key ? t(key) : <Text span ff="monospace" fz="xs">{field}</Text>}
                          </Table.Th>
                          <Table.Td c="dimmed" style={{ wordBreak: 'break-word' }} data-testid="history-old">
                            <Lines lines={formatHistoryChange(field, change?.old, format)} />
                          </Table.Td>
                          <Table.Td style={{ wordBreak: 'break-word' }} data-testid="history-new">
                            <Lines lines={formatHistoryChange(field, change?.new, format)} />
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
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
