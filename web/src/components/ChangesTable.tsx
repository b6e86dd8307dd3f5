import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChangeRow } from '@/lib/recordHistory';
import { Bidi, Data } from './Bidi';

/** One value per line, each isolated: a Latin value keeps its order in Arabic. */
function Lines({ lines }: { lines: readonly string[] }) {
  return (
    <>
      {lines.map((l, i) => (
        <div key={i}>
          <Bidi>{l}</Bidi>
        </div>
      ))}
    </>
  );
}

/**
 * The field → before → after table of a history entry (cases and register records alike).
 * A labelled field keeps the API's name as a tooltip; an unknown one shows that name in monospace.
 */
export function ChangesTable({ rows, label }: { rows: readonly ChangeRow[]; label?: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={500}>
      <Table withRowBorders={false} fz="xs" aria-label={label ?? t('seizures.history.changes')} layout="fixed">
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
          {rows.map((row) => (
            <Table.Tr key={row.field} data-testid="history-change" data-field={row.field}>
              <Table.Th scope="row" fw={500} title={row.field}>
                {row.labelKey ? (
                  t(row.labelKey)
                ) : (
                  <Text span ff="monospace" fz="xs">
                    <Data>{row.field}</Data>
                  </Text>
                )}
              </Table.Th>
              <Table.Td c="dimmed" style={{ wordBreak: 'break-word' }} data-testid="history-old">
                <Lines lines={row.old} />
              </Table.Td>
              <Table.Td style={{ wordBreak: 'break-word' }} data-testid="history-new">
                <Lines lines={row.new} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
