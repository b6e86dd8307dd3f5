import { Anchor, Group, Table } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CaseQuery, CaseSummary } from '@/api/types';
import { useCodeBook } from '@/api/queries/codelists';
import { Data } from '@/components/Bidi';
import { CaseStatusBadge } from '@/components/CaseStatusBadge';
import { HomeBlock } from '@/components/HomeBlock';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { useCasePage } from '../api/seizures';
import { filtersToParams, type FilterValues } from '../lib/filters';

/** How many cases a home block lists (the list page has the rest). */
const HOME_ROWS = 10;

/** The seizure list with the same filters, for "see all". */
function listLink(query: Partial<FilterValues>): string {
  const qs = filtersToParams(query).toString();
  return qs ? `/seizures?${qs}` : '/seizures';
}

function CaseRows({ query, empty, label, testId }: { query: CaseQuery; empty: string; label: string; testId: string }) {
  const { t, i18n } = useTranslation();
  const page = useCasePage(query, HOME_ROWS);
  const groups = useCodeBook('commodity_groups');
  if (page.isPending) return <LoadingState />;
  if (page.isError) return <ErrorState error={page.error} onRetry={() => void page.refetch()} />;
  const rows: CaseSummary[] = page.data.items;
  if (rows.length === 0) return <EmptyState title={empty} />;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped aria-label={label} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('seizures.fields.reference')}</Table.Th>
            <Table.Th scope="col">{t('seizures.fields.detected_at')}</Table.Th>
            <Table.Th scope="col">{t('seizures.fields.status')}</Table.Th>
            <Table.Th scope="col">{t('seizures.fields.place')}</Table.Th>
            <Table.Th scope="col">{t('seizures.fields.commodities')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} data-reference={r.reference}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/seizures/${r.id}`} ff="monospace">
                  <Data>{r.reference}</Data>
                </Anchor>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.detected_at, i18n.language)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <CaseStatusBadge status={r.status} />
              </Table.Td>
              <Table.Td>{r.place ? <Data>{r.place}</Data> : '—'}</Table.Td>
              <Table.Td>{r.commodity_groups.map((g) => groups.label(g)).join(t('common.listSeparator')) || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SeeAll({ to, label }: { to: string; label: string }) {
  return (
    <Group justify="flex-end" mt="xs">
      <Anchor component={Link} to={to} size="sm">
        {label}
      </Anchor>
    </Group>
  );
}

/** Supervisors: the submitted cases of their own unit, oldest first. */
export function ValidationQueueBlock({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const title = t('home.blocks.queue.title');
  return (
    <HomeBlock id="queue" title={title} help={t('home.blocks.queue.help')}>
      <CaseRows query={{ status: 'submitted', unit_id: unitId, order: 'asc' }} empty={t('home.blocks.queue.empty')} label={title} testId="home-queue-table" />
      <SeeAll to={listLink({ status: 'submitted', unit_id: unitId, order: 'asc' })} label={t('home.blocks.queue.all')} />
    </HomeBlock>
  );
}

/** Officers: the drafts of their unit (cases sent back for correction among them), oldest first. */
export function DraftsBlock({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const title = t('home.blocks.drafts.title');
  return (
    <HomeBlock id="drafts" title={title} help={t('home.blocks.drafts.help')}>
      <CaseRows query={{ status: 'draft', unit_id: unitId, order: 'asc' }} empty={t('home.blocks.drafts.empty')} label={title} testId="home-drafts-table" />
      <SeeAll to={listLink({ status: 'draft', unit_id: unitId, order: 'asc' })} label={t('home.blocks.drafts.all')} />
    </HomeBlock>
  );
}

/** Readers of cases (analysts, investigators, liaison): the latest validated cases. */
export function LatestValidatedBlock() {
  const { t } = useTranslation();
  const title = t('home.blocks.validated.title');
  return (
    <HomeBlock id="validated" title={title} help={t('home.blocks.validated.help')}>
      <CaseRows query={{ status: 'validated' }} empty={t('home.blocks.validated.empty')} label={title} testId="home-validated-table" />
      <SeeAll to={listLink({ status: 'validated' })} label={t('home.blocks.validated.all')} />
    </HomeBlock>
  );
}
