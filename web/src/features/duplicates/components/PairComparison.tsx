import { Alert, Anchor, Badge, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconEqual, IconInfoCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCodeBook } from '@/api/queries/codelists';
import type { Company, Person } from '@/api/types';
import { Data } from '@/components/Bidi';
import { recordPath } from '@/lib/recordHistory';
import type { MergeKind } from '../api/types';
import { companyRows, personRows, recordName, type CompareItem, type CompareLabels, type CompareRow, type RowState } from '../lib/compare';

const ROW_BG: Record<RowState, string | undefined> = {
  same: 'var(--mantine-color-green-0)',
  different: 'var(--mantine-color-yellow-0)',
  one_side: undefined,
};

/** A row's state in words (a short badge, the whole sentence for screen readers): never by colour alone. */
function StateBadge({ state }: { state: RowState }) {
  const { t } = useTranslation();
  const [short, long, color] =
    state === 'same'
      ? [t('duplicates.pair.sameShort'), t('duplicates.pair.same'), '#1b6e31']
      : state === 'different'
        ? [t('duplicates.pair.differentShort'), t('duplicates.pair.different'), '#8f3a00']
        : [t('duplicates.pair.oneSideShort'), t('duplicates.pair.oneSide'), 'gray.8'];
  return (
    <Badge size="xs" variant="outline" color={color} tt="none" leftSection={state === 'same' ? <IconEqual size={10} aria-hidden /> : undefined} data-testid="row-state">
      <span aria-hidden>{short}</span>
      <VisuallyHidden>{long}</VisuallyHidden>
    </Badge>
  );
}

/** One side's values, a line each; in a row that differs, what the other side lacks stands out. */
function Items({ items, row }: { items: CompareItem[]; row: CompareRow }) {
  const { t } = useTranslation();
  if (items.length === 0) return <>—</>;
  return (
    <>
      {items.map((item, i) => {
        const only = row.state === 'different' && !item.shared;
        return (
          <div key={i} data-only={only ? 'true' : undefined}>
            <Text span size="sm" fw={only ? 700 : undefined}>
              <Data>{item.text}</Data>
            </Text>
            {only && <VisuallyHidden> ({t('duplicates.pair.onlyHere')})</VisuallyHidden>}
          </div>
        );
      })}
    </>
  );
}

/** A column's head: the record's name (a link to its page), its version and cases; a note when its id now leads to another record. */
function RecordHead({ kind, askedId, record, side }: { kind: MergeKind; askedId: string; record: Person | Company; side: 'left' | 'right' }) {
  const { t } = useTranslation();
  const resolved = record.id !== askedId;
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {t(`duplicates.pair.${side}`)}
      </Text>
      <Anchor component={Link} to={recordPath(kind, record.id)} fw={700} data-testid={`record-link-${side}`}>
        <Data>{recordName(record)}</Data>
      </Anchor>
      <Text size="xs" c="dimmed" fw={400}>
        {t('common.version', { version: record.version })} · {t('registers.cases', { count: record.cases.length })}
      </Text>
      {resolved && (
        <Alert color="yellow" variant="light" p="xs" icon={<IconInfoCircle size={16} aria-hidden />} data-testid={`record-resolved-${side}`}>
          <Text size="xs">{t('duplicates.pair.resolved', { label: recordName(record) })}</Text>
        </Alert>
      )}
    </Stack>
  );
}

/**
 * The two records of a pair side by side, field by field: names, aliases, date of birth,
 * nationalities, documents, phones, e-mails, addresses (a company's name, trading names,
 * registration number, tax id, EORI, other identifiers, former names, country, addresses).
 * Each row says whether the sides are the same, differ, or only one side has the field —
 * tinted, and in words.
 */
export function PairComparison({
  kind,
  firstId,
  secondId,
  left,
  right,
}: {
  kind: MergeKind;
  firstId: string;
  secondId: string;
  left: Person | Company;
  right: Person | Company;
}) {
  const { t } = useTranslation();
  const countries = useCodeBook('countries');
  const docTypes = useCodeBook('document_types', kind === 'person');
  const labels: CompareLabels = {
    country: (c) => countries.label(c),
    documentType: (c) => docTypes.label(c),
    gender: (g) => t(`seizures.genders.${g}`, { defaultValue: g }),
    identifierKind: (k) => t(`companies:identifier.kinds.${k}`, { defaultValue: k }),
  };
  const rows = kind === 'person' ? personRows(left as Person, right as Person, labels) : companyRows(left as Company, right as Company, labels);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder withColumnBorders layout="fixed" aria-label={t('duplicates.pair.compareLabel')} data-testid="pair-comparison">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="22%">
              {t('duplicates.pair.field')}
            </Table.Th>
            <Table.Th scope="col" data-testid="compare-head-left">
              <RecordHead kind={kind} askedId={firstId} record={left} side="left" />
            </Table.Th>
            <Table.Th scope="col" data-testid="compare-head-right">
              <RecordHead kind={kind} askedId={secondId} record={right} side="right" />
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.field} data-testid="compare-row" data-field={r.field} data-state={r.state} bg={ROW_BG[r.state]}>
              <Table.Th scope="row" fw={600}>
                <Group gap={6} wrap="wrap" justify="space-between">
                  <span>{t(r.labelKey, { defaultValue: r.field })}</span>
                  <StateBadge state={r.state} />
                </Group>
              </Table.Th>
              <Table.Td data-testid="compare-left" style={{ overflowWrap: 'anywhere' }}>
                <Items items={r.left} row={r} />
              </Table.Td>
              <Table.Td data-testid="compare-right" style={{ overflowWrap: 'anywhere' }}>
                <Items items={r.right} row={r} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
