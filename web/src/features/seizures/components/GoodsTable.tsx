import { Fragment } from 'react';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Goods } from '@/api/types';
import { useCodeBook } from '@/api/queries/codelists';
import { Bidi, Data } from '@/components/Bidi';
import { EmptyState } from '@/components/states';
import { formatKg } from '@/lib/format';
import { formatNumber } from '../lib/format';

export function GoodsTable({ goods }: { goods: readonly Goods[] }) {
  const { t, i18n } = useTranslation();
  const groups = useCodeBook('commodity_groups');
  const types = useCodeBook('commodity_types');
  const units = useCodeBook('units_of_measure');
  if (goods.length === 0) return <EmptyState title={t('seizures.goods.empty')} />;
  const lang = i18n.language;
  const totalKg = goods.reduce((sum, g) => sum + (g.mass_kg ?? 0), 0);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped data-testid="goods-table" aria-label={t('seizures.goods.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">#</Table.Th>
            <Table.Th scope="col">{t('seizures.goods.commodity')}</Table.Th>
            <Table.Th scope="col">{t('seizures.fields.hs_code')}</Table.Th>
            <Table.Th scope="col">{t('seizures.fields.description')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'end' }}>
              {t('seizures.fields.quantity')}
            </Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'end' }}>
              {t('seizures.goods.massKg')}
            </Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'end' }}>
              {t('seizures.fields.value')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...goods]
            .sort((a, b) => a.position - b.position)
            .map((g) => (
              <Table.Tr key={g.id} data-testid="goods-row">
                <Table.Td>{g.position}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {groups.label(g.commodity_group)}
                  </Text>
                  {g.commodity_type && (
                    <Text size="xs" c="dimmed">
                      <Bidi>{types.label(g.commodity_type)}</Bidi>
                    </Text>
                  )}
                  {(g.brand || g.species || g.cites_appendix || g.purity_percent != null) && (
                    <Text size="xs" c="dimmed">
                      {(
                        [
                          g.brand && [t('seizures.fields.brand'), g.brand],
                          g.species && [t('seizures.fields.species'), g.species],
                          g.cites_appendix && [t('seizures.fields.cites_appendix'), g.cites_appendix],
                          g.purity_percent != null && [
                            t('seizures.fields.purity_percent'),
                            new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 3 }).format(g.purity_percent / 100),
                          ],
                        ].filter(Boolean) as [string, string][]
                      ).map(([label, value], i) => (
                        <Fragment key={label}>
                          {i > 0 && ' · '}
                          {label}: <Bidi>{value}</Bidi>
                        </Fragment>
                      ))}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ff="monospace">{g.hs_code ? <Data ltr>{g.hs_code}</Data> : '—'}</Table.Td>
                <Table.Td>
                  {g.description ? <Bidi>{g.description}</Bidi> : '—'}
                  {g.packaging && (
                    <Text size="xs" c="dimmed">
                      <Bidi>{g.packaging}</Bidi>
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
                  <Bidi>{formatNumber(g.quantity, lang)}</Bidi> <Bidi>{units.label(g.unit)}</Bidi>
                </Table.Td>
                <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }} data-testid="goods-mass">
                  {g.mass_kg != null ? <Bidi>{formatKg(g.mass_kg, lang)}</Bidi> : '—'}
                </Table.Td>
                <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
                  {g.value != null ? <Bidi>{formatMoney(g.value, g.currency, lang)}</Bidi> : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
        {totalKg > 0 && (
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" colSpan={5}>
                {t('seizures.goods.totalMass')}
              </Table.Th>
              <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }} fw={600}>
                <Bidi>{formatKg(totalKg, lang)}</Bidi>
              </Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}

function formatMoney(value: number, currency: string | null | undefined, lang: string): string {
  if (!currency) return formatNumber(value, lang);
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency }).format(value);
  } catch {
    return `${formatNumber(value, lang)} ${currency}`;
  }
}
