import { useId, useState } from 'react';
import { Box, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bidi } from '@/components/Bidi';
import '@/i18n/statistics';
import { formatKg } from '@/lib/format';
import type { Counted } from '../lib/mapData';
import { formatCount } from '../lib/numbers';

/** Rows shown before "Show all". */
export const FIRST_ROWS = 15;

const NUM = { textAlign: 'end', whiteSpace: 'nowrap' } as const;

/**
 * The figures of one layer of the routes map, in the map's order (largest first by the
 * measure): its rank, its name, its cases and mass. The map's accessible equivalent: every
 * segment or place is here, the first fifteen at once and the others on demand.
 */
export function RankTable<T extends Counted>({
  title,
  column,
  items,
  name,
  empty,
  testId,
}: {
  title: string;
  /** the heading of the names' column */
  column: string;
  items: readonly T[];
  name: (item: T) => string;
  /** said when there is nothing to list */
  empty: string;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [all, setAll] = useState(false);
  const titleId = useId();
  const shown = all ? items : items.slice(0, FIRST_ROWS);
  return (
    <Stack gap={4} data-testid={testId}>
      <Title order={2} size="h4" id={titleId}>
        {title}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid={`${testId}-empty`}>
          {empty}
        </Text>
      ) : (
        <>
          <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-labelledby={titleId}>
            <Table striped highlightOnHover aria-labelledby={titleId} data-testid={`${testId}-table`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" style={NUM}>
                    #
                  </Table.Th>
                  <Table.Th scope="col">{column}</Table.Th>
                  <Table.Th scope="col" style={NUM}>
                    {t('statistics:columns.cases')}
                  </Table.Th>
                  <Table.Th scope="col" style={NUM}>
                    {t('statistics:columns.kg')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((item, i) => (
                  <Table.Tr key={item.key} data-testid={`${testId}-row`} data-key={item.key}>
                    <Table.Td style={NUM}>
                      <Bidi>{formatCount(i + 1, lang)}</Bidi>
                    </Table.Td>
                    <Table.Th scope="row" fw={400}>
                      <Bidi>{name(item)}</Bidi>
                    </Table.Th>
                    <Table.Td style={NUM}>
                      <Bidi>{formatCount(item.cases, lang)}</Bidi>
                    </Table.Td>
                    <Table.Td style={NUM}>
                      <Bidi>{item.kg ? formatKg(item.kg, lang) : '—'}</Bidi>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
          {items.length > FIRST_ROWS && (
            <Box>
              <Button variant="subtle" size="compact-sm" onClick={() => setAll(!all)} aria-expanded={all}>
                {all ? t('statistics:map.showFewer', { n: FIRST_ROWS }) : t('statistics:map.showAll', { n: formatCount(items.length, lang) })}
              </Button>
            </Box>
          )}
        </>
      )}
    </Stack>
  );
}
