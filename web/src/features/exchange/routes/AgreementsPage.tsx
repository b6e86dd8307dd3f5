import { useState } from 'react';
import { ActionIcon, Alert, Anchor, Button, Group, List, Menu, Paper, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconCalendarOff, IconDots, IconEdit, IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCodeBook } from '@/api/queries/codelists';
import { useMe } from '@/api/queries/me';
import { Data } from '@/components/Bidi';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { isoDate } from '@/lib/validation';
import { useAgreements, usePartners, type Agreement, type Partner } from '../api/exchange';
import { AgreementDocumentLine } from '../components/AgreementDocument';
import { AgreementModal, EndAgreementModal } from '../components/AgreementForms';
import { CommodityGroups, Validity } from '../components/AgreementSummary';
import { ExchangeHeader, InForceBadge, ScopeBadge } from '../components/parts';
import { runsExchange } from '../lib/access';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/**
 * The agreements (`/exchange/agreements`, `?partner=` for one partner's): the legal bases of the
 * exchanges, each with whether it covers exchanges today and its signed document; recording,
 * correcting and ending them, and uploading their documents (a liaison officer).
 */
export function AgreementsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const partnerId = params.get('partner');
  const { data: me } = useMe();
  // who may edit the agreements may upload their documents
  const manages = runsExchange(me);
  const partners = usePartners();
  const agreements = useAgreements(partnerId);
  const [editing, setEditing] = useState<Agreement | null>(null);
  const [creating, setCreating] = useState(false);
  const [ending, setEnding] = useState<Agreement | null>(null);
  const today = isoDate(new Date());
  const partnerList = partners.data ?? [];
  const statusOf = new Map(partnerList.map((p) => [p.id, p.status]));

  return (
    <Stack>
      <ExchangeHeader
        page="agreements"
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} disabled={partnerList.length === 0}>
            {t('exchange:agreements.create')}
          </Button>
        }
      />
      {partners.isSuccess && partnerList.length === 0 && (
        <Alert variant="light" color="ncen" data-testid="no-partner">
          {t('exchange:agreements.noPartner')}{' '}
          <Anchor component={Link} to="/exchange/partners">
            {t('exchange:pages.partners')}
          </Anchor>
        </Alert>
      )}
      <Select
        label={t('exchange:agreements.partnerFilter')}
        placeholder={t('exchange:agreements.allPartners')}
        data={partnerList.map((p) => ({ value: p.id, label: p.name }))}
        value={partnerId}
        onChange={(v) => setParams(v ? { partner: v } : {}, { replace: true })}
        clearable
        searchable
        maw={360}
        comboboxProps={{ withinPortal: true }}
      />
      {agreements.isPending ? (
        <LoadingState />
      ) : agreements.isError ? (
        <ErrorState error={agreements.error} onRetry={() => void agreements.refetch()} />
      ) : agreements.data.length === 0 ? (
        <Paper withBorder>
          <EmptyState title={t(partnerId ? 'exchange:agreements.emptyPartner' : 'exchange:agreements.empty')} />
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={1140}>
          <Table striped highlightOnHover aria-label={t('exchange:agreements.label')} data-testid="agreements-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('exchange:agreements.columns.partner')}</Table.Th>
                <Table.Th scope="col">{t('exchange:agreements.columns.instrument')}</Table.Th>
                <Table.Th scope="col">{t('exchange:agreements.columns.scope')}</Table.Th>
                <Table.Th scope="col">{t('exchange:agreements.columns.groups')}</Table.Th>
                <Table.Th scope="col">{t('exchange:agreements.columns.validity')}</Table.Th>
                <Table.Th scope="col">{t('exchange:agreements.columns.state')}</Table.Th>
                <Table.Th scope="col">{t('exchange:agreements.columns.document')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('exchange:agreements.columns.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agreements.data.map((a) => (
                <AgreementRow
                  key={a.id}
                  agreement={a}
                  partnerStatus={statusOf.get(a.partner_id)}
                  today={today}
                  canUpload={manages}
                  onEdit={() => setEditing(a)}
                  onEnd={() => setEnding(a)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AgreementModal
        opened={creating || !!editing}
        agreement={editing}
        partners={partnerList.filter((p: Partner) => p.status === 'active' || p.id === partnerId)}
        partnerId={partnerId}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
      />
      <EndAgreementModal agreement={ending} onClose={() => setEnding(null)} />
    </Stack>
  );
}

function AgreementRow({
  agreement: a,
  partnerStatus,
  today,
  canUpload,
  onEdit,
  onEnd,
}: {
  agreement: Agreement;
  partnerStatus: Partner['status'] | undefined;
  today: string;
  canUpload: boolean;
  onEdit: () => void;
  onEnd: () => void;
}) {
  const { t } = useTranslation();
  const countries = useCodeBook('countries');
  const ended = !!a.valid_until && a.valid_until < today;
  return (
    <Table.Tr data-agreement-id={a.id} data-reference={a.reference}>
      <Table.Td>
        <Text size="sm" fw={500}>
          <Data>{a.partner_name}</Data>
        </Text>
        <Text size="xs" c="dimmed">
          <Data>{countries.label(a.partner_country)}</Data>
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t(`exchange:instruments.${a.instrument}`)}</Text>
        <Text size="sm" fw={500}>
          <Data>{a.reference}</Data>
        </Text>
        {a.purposes.length > 0 && (
          <List size="xs" c="dimmed" aria-label={t('exchange:agreements.purposes')}>
            {a.purposes.map((p) => (
              <List.Item key={p}>
                <Data>{p}</Data>
              </List.Item>
            ))}
          </List>
        )}
      </Table.Td>
      <Table.Td>
        <ScopeBadge scope={a.scope} />
      </Table.Td>
      <Table.Td>
        <CommodityGroups codes={a.commodity_groups} />
      </Table.Td>
      <Table.Td style={NOWRAP}>
        <Validity agreement={a} />
      </Table.Td>
      <Table.Td>
        <InForceBadge agreement={a} partnerStatus={partnerStatus} today={today} />
      </Table.Td>
      <Table.Td miw={180}>
        <AgreementDocumentLine agreement={a} canUpload={canUpload} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={t('exchange:agreements.actions.label', { reference: a.reference })}>
                <IconDots size={18} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconEdit size={14} aria-hidden />} onClick={onEdit}>
                {t('exchange:agreements.actions.edit')}
              </Menu.Item>
              {!ended && (
                <Menu.Item color="red.9" leftSection={<IconCalendarOff size={14} aria-hidden />} onClick={onEnd}>
                  {t('exchange:agreements.actions.end')}
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
