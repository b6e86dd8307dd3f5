import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCodeBook } from '@/api/queries/codelists';
import { useMe } from '@/api/queries/me';
import type { CaseSummary } from '@/api/types';
import { Bidi, Data } from '@/components/Bidi';
import { CaseStatusBadge } from '@/components/CaseStatusBadge';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { recordPath, type RegisterTarget } from '@/lib/registerSearch';
import type { HitRecord, SavedSearch, SearchHit } from '../api/searches';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/**
 * What a saved search found, latest first: the cases of a seizure search, the records of a
 * register's.
 */
export function HitsTable({ search, hits }: { search: Pick<SavedSearch, 'target'>; hits: readonly SearchHit[] }) {
  return search.target === 'seizures' ? <CaseHitsTable hits={hits} /> : <RecordHitsTable target={search.target} hits={hits} />;
}

/** The cases a seizure search found: when, the case (linked), its commodities and place. */
function CaseHitsTable({ hits }: { hits: readonly SearchHit[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const groups = useCodeBook('commodity_groups');
  const types = useCodeBook('commodity_types');
  const countries = useCodeBook('countries');
  const sep = t('common.listSeparator');
  const rows = hits.flatMap(({ case: c, matched_at }) => (c ? [{ c, matched_at }] : [])) satisfies { c: CaseSummary; matched_at: string }[];

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover aria-label={t('searches:detail.hits')} data-testid="search-hits-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('searches:detail.matchedAt')}</Table.Th>
            <Table.Th scope="col">{t('searches:detail.reference')}</Table.Th>
            <Table.Th scope="col">{t('searches:detail.detectedAt')}</Table.Th>
            <Table.Th scope="col">{t('seizures.fields.status')}</Table.Th>
            <Table.Th scope="col">{t('searches:detail.commodities')}</Table.Th>
            <Table.Th scope="col">{t('searches:detail.place')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ c, matched_at }) => {
            const commodities = [...new Set(c.goods.map((g) => (g.commodity_type ? types.label(g.commodity_type) : groups.label(g.commodity_group))))];
            return (
              <Table.Tr key={c.id} data-reference={c.reference}>
                <Table.Td style={NOWRAP}>{formatDateTime(matched_at, lang)}</Table.Td>
                <Table.Td style={NOWRAP}>
                  <Anchor component={Link} to={`/seizures/${c.id}`} ff="monospace">
                    <Data>{c.reference}</Data>
                  </Anchor>
                </Table.Td>
                <Table.Td style={NOWRAP}>{formatDateTime(c.detected_at, lang)}</Table.Td>
                <Table.Td style={NOWRAP}>
                  <CaseStatusBadge status={c.status} />
                </Table.Td>
                <Table.Td>{commodities.length ? <Bidi>{commodities.join(sep)}</Bidi> : '—'}</Table.Td>
                <Table.Td>
                  {c.place || c.country ? (
                    <>
                      {c.place && <Data>{c.place}</Data>}
                      {c.place && c.country ? sep : ''}
                      {c.country && <Bidi>{countries.label(c.country)}</Bidi>}
                    </>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The records a register search found: when (registered or corrected so that the search finds
 * it), and the record by its label (name and date of birth, company and country, identifier),
 * linked to its page for those who read the registers.
 */
function RecordHitsTable({ target, hits }: { target: RegisterTarget; hits: readonly SearchHit[] }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const links = can(me, 'registers.read');
  const rows = hits.flatMap(({ record, matched_at }) => (record ? [{ record, matched_at }] : [])) satisfies { record: HitRecord; matched_at: string }[];

  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped highlightOnHover aria-label={t('searches:detail.hits')} data-testid="search-hits-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('searches:detail.matchedAt')}</Table.Th>
            <Table.Th scope="col">{t(`searches:detail.recordColumn.${target}`)}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ record, matched_at }) => (
            // a record is a hit of a search once, when it first matched
            <Table.Tr key={record.id} data-record-id={record.id}>
              <Table.Td style={NOWRAP}>{formatDateTime(matched_at, i18n.language)}</Table.Td>
              <Table.Td>
                {links ? (
                  <Anchor component={Link} to={recordPath(target, record.id)}>
                    <Data>{record.label}</Data>
                  </Anchor>
                ) : (
                  <Data>{record.label}</Data>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
