import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCodeBook } from '@/api/queries/codelists';
import { Bidi, Data } from '@/components/Bidi';
import { CaseStatusBadge } from '@/components/CaseStatusBadge';
import { formatDateTime } from '@/lib/format';
import type { SearchHit } from '../api/searches';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** The cases a saved search found, latest first: when, the case (linked), its commodities and place. */
export function HitsTable({ hits }: { hits: readonly SearchHit[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const groups = useCodeBook('commodity_groups');
  const types = useCodeBook('commodity_types');
  const countries = useCodeBook('countries');
  const sep = t('common.listSeparator');

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
          {hits.map(({ case: c, matched_at }) => {
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
