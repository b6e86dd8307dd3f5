import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconWorld } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCodeBook } from '@/api/queries/codelists';
import { useMe } from '@/api/queries/me';
import { Data } from '@/components/Bidi';
import { ErrorState, LoadingState } from '@/components/states';
import '@/i18n/exchange/registers';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useReceivedForRecord, type LinkedKind, type ReceivedCaseSummary } from '../api/received';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/**
 * "Received from partners": on a person's or a company's page, the cases partner
 * administrations sent in which a liaison officer linked a person or company to this record
 * (or to one merged into it), each leading to its page among the received cases. For liaison
 * officers only (`exchange.manage`): for anyone else nothing is shown, nor asked for.
 */
export function ReceivedFromPartners({ kind, recordId }: { kind: LinkedKind; recordId: string }) {
  const { data: me } = useMe();
  if (!can(me, 'exchange.manage')) return null;
  return <ReceivedPanel kind={kind} recordId={recordId} />;
}

function ReceivedPanel({ kind, recordId }: { kind: LinkedKind; recordId: string }) {
  const { t } = useTranslation();
  const received = useReceivedForRecord(kind, recordId, true);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="received-from-partners-title" data-testid="received-from-partners">
      <Group gap="xs" mb={4}>
        <IconWorld size={18} aria-hidden />
        <Title order={2} size="h4" id="received-from-partners-title">
          {t('exchange:fromPartners.title')}
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('exchange:fromPartners.help')}
      </Text>
      {received.isPending ? (
        <LoadingState />
      ) : received.isError ? (
        <ErrorState error={received.error} onRetry={() => void received.refetch()} />
      ) : received.data.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="received-from-partners-empty">
          {t('exchange:fromPartners.empty')}
        </Text>
      ) : (
        <ReceivedTable items={received.data} />
      )}
    </Paper>
  );
}

function ReceivedTable({ items }: { items: readonly ReceivedCaseSummary[] }) {
  const { t, i18n } = useTranslation();
  const countries = useCodeBook('countries');
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped aria-label={t('exchange:fromPartners.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('exchange:fromPartners.reference')}</Table.Th>
            <Table.Th scope="col">{t('exchange:fromPartners.partner')}</Table.Th>
            <Table.Th scope="col">{t('exchange:fromPartners.detected')}</Table.Th>
            <Table.Th scope="col">{t('exchange:fromPartners.version')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => {
            const p = c.provenance;
            return (
              <Table.Tr
                key={c.id}
                data-testid="received-from-partners-item"
                data-received-id={c.id}
                data-withdrawn={c.withdrawal ? 'true' : undefined}
              >
                <Table.Td style={NOWRAP}>
                  <Stack gap={4} align="flex-start">
                    <Anchor component={Link} to={`/exchange/received/${c.id}`} size="sm" fw={500}>
                      <Data>{p.original_reference}</Data>
                      <VisuallyHidden> ({t('exchange:fromPartners.receivedFrom', { partner: p.partner_name })})</VisuallyHidden>
                    </Anchor>
                    {c.withdrawal && (
                      <Badge size="sm" variant="filled" color="red.9" tt="none" data-testid="received-from-partners-withdrawn">
                        {t('exchange:fromPartners.withdrawn')}
                      </Badge>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <Data>{p.partner_name}</Data>
                  </Text>
                  <Text size="xs" c="dimmed" data-testid="received-from-partners-country">
                    <Data>{countries.label(p.partner_country)}</Data>
                  </Text>
                </Table.Td>
                <Table.Td style={NOWRAP}>{c.detected_at ? formatDateTime(c.detected_at, i18n.language) : '—'}</Table.Td>
                <Table.Td style={NOWRAP}>{t('common.version', { version: c.version })}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
