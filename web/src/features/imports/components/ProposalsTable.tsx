import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/i18n/imports';
import { Data } from '@/components/Bidi';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { useImportProposals } from '../api/imports';

/** The register (and URL segment) of each kind of record a proposal names. */
const REGISTER: Record<string, string> = { person: 'persons', company: 'companies', conveyance: 'conveyances' };

/** A record's id, short: its last characters (the first ones of a UUIDv7 are a timestamp, alike for records made together). */
const short = (id: string) => id.slice(-8);

/** A link to a register record, as lists show it ("DURAND, Paul (1980-04-02)"), or "Person 1a2b3c4d" once it is gone. */
function RecordLink({ kind, id, name }: { kind: string; id: string; name?: string | null }) {
  const { t } = useTranslation();
  const register = REGISTER[kind];
  const label = name ?? t('imports:proposals.record', { kind: t(`imports:proposals.kinds.${kind}`, { defaultValue: kind }), id: short(id) });
  if (!register) return <Data>{label}</Data>;
  return (
    <Anchor component={Link} to={`/registers/${register}/${id}`} size="sm" title={id}>
      <Data>{label}</Data>
    </Anchor>
  );
}

/**
 * An import's proposals in line order, a page at a time ("Load more"): each party of a case that
 * the import created beside an existing record it may be, with both records and the case to open.
 * Nothing was merged: whoever can merge compares them and decides, from the registers.
 */
export function ProposalsTable({ id, enabled }: { id: string; enabled: boolean }) {
  const { t, i18n } = useTranslation();
  const proposals = useImportProposals(id, enabled);
  const number = new Intl.NumberFormat(i18n.language);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const items = proposals.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="xs" component="section" aria-labelledby="import-proposals-title" data-testid="import-proposals-section">
      <Title order={2} size="h4" id="import-proposals-title">
        {t('imports:proposals.title')}
      </Title>
      <Text size="sm">{t('imports:proposals.help')}</Text>
      {!enabled ? (
        <Text size="sm" c="dimmed">
          {t('imports:proposals.waiting')}
        </Text>
      ) : proposals.isPending ? (
        <LoadingState />
      ) : proposals.isError ? (
        <ErrorState error={proposals.error} onRetry={() => void proposals.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('imports:proposals.none')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={820}>
            <Table striped aria-labelledby="import-proposals-title" data-testid="import-proposals">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('imports:proposals.columns.line')}</Table.Th>
                  <Table.Th scope="col">{t('imports:proposals.columns.field')}</Table.Th>
                  <Table.Th scope="col">{t('imports:proposals.columns.created')}</Table.Th>
                  <Table.Th scope="col">{t('imports:proposals.columns.candidate')}</Table.Th>
                  <Table.Th scope="col">{t('imports:proposals.columns.score')}</Table.Th>
                  <Table.Th scope="col">{t('imports:proposals.columns.case')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={`${p.line}:${p.field}:${p.candidate_id}`} data-testid="import-proposal" data-line={p.line}>
                    <Table.Td>{number.format(p.line)}</Table.Td>
                    <Table.Td>
                      <Text span ff="monospace" size="sm">
                        <Data ltr>{p.field}</Data>
                      </Text>
                    </Table.Td>
                    <Table.Td data-testid="import-proposal-record">
                      <RecordLink kind={p.record_kind} id={p.record_id} name={p.record_label} />
                    </Table.Td>
                    <Table.Td data-testid="import-proposal-candidate">
                      <RecordLink kind={p.record_kind} id={p.candidate_id} name={p.candidate_label} />
                    </Table.Td>
                    <Table.Td data-testid="import-proposal-score">{percent.format(p.score)}</Table.Td>
                    <Table.Td data-testid="import-proposal-case">
                      <Anchor component={Link} to={`/seizures/${p.case_id}`} size="sm" title={p.case_id}>
                        {t('imports:proposals.case', { id: short(p.case_id) })}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {proposals.hasNextPage && (
            <Group>
              <Button
                variant="default"
                onClick={() => void proposals.fetchNextPage()}
                loading={proposals.isFetchingNextPage}
                data-testid="import-proposals-more"
              >
                {t('imports:proposals.more')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
