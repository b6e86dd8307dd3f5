import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Goods } from '@/api/types';
import { useCodeBook } from '@/api/queries/codelists';
import { EmptyState } from '@/components/states';
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
                      {types.label(g.commodity_type)}
                    </Text>
                  )}
                  {(g.brand || g.species || g.cites_appendix || g.purity_percent != null) && (
                    <Text size="xs" c="dimmed">
                      {[
                        g.brand && `${t('seizures.fields.brand')}: ${g.brand}`,
                        g.species && `${t('seizures.fields.species')}: ${g.species}`,
                        g.cites_appendix && `CITES ${g.cites_appendix}`,
                        g.purity_percent != null && `${t('seizures.fields.purity_percent')}: ${formatNumber(g.purity_percent, lang)} %`,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ff="monospace">{g.hs_code ?? '—'}</Table.Td>
                <Table.Td>
                  {g.description ?? '—'}
                  {g.packaging && (
                    <Text size="xs" c="dimmed">
                      {g.packaging}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
                  {formatNumber(g.quantity, lang)} {units.label(g.unit)}
                </Table.Td>
                <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }} data-testid="goods-mass">
                  {g.mass_kg != null ? `${formatNumber(g.mass_kg, lang)} kg` : '—'}
                </Table.Td>
                <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
                  {g.value != null ? formatMoney(g.value, g.currency, lang) : '—'}
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
                {formatNumber(totalKg, lang)} kg
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
