import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowBack, IconShieldCheck } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCodeBook } from '@/api/queries/codelists';
import { Data } from '@/components/Bidi';
import { ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { useReceivedCase, type ReceivedCaseDetail, type ReceivedWithdrawal } from '../api/exchange';
import { receivedFilesBase } from '../api/files';
import { DataOrDash, ExchangeHeader, Field, ProvenanceBadge, ScopeBadge, WithdrawnBadge } from '../components/parts';
import { ReceivedDocument } from '../components/ReceivedDocument';
import { ReceivedParties } from '../components/ReceivedParties';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/**
 * A received case (`/exchange/received/:id`): where it comes from (the partner, the package
 * that brought this version, when it arrived, its reference at the sender), its persons and
 * companies (each marked as received, with the possible matches in this node's registers and
 * the alerts it may hit), the document as the partner sent it, and every version received.
 * Nothing of it is merged into this node's cases or registers. When the sender withdrew it, an
 * alert says so, when and why: it is kept for the record, not to be used. Each reading is
 * audited (`exchange.received_read`): read once.
 */
export function ReceivedCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const kase = useReceivedCase(id);
  const countries = useCodeBook('countries');
  const back = (
    <Button component={Link} to="/exchange/received" variant="default" leftSection={<IconArrowBack size={16} aria-hidden />}>
      {t('exchange:received.back')}
    </Button>
  );
  if (kase.isPending || kase.isError) {
    return (
      <Stack>
        <ExchangeHeader page="received" detail actions={back} />
        {kase.isPending ? <LoadingState /> : <ErrorState error={kase.error} onRetry={() => void kase.refetch()} />}
      </Stack>
    );
  }
  const c = kase.data;
  const p = c.provenance;
  return (
    <Stack>
      <ExchangeHeader
        page="received"
        detail
        title={t('exchange:received.title', { reference: p.original_reference })}
        description={t('exchange:received.auditNote')}
        actions={back}
      />
      {c.withdrawal && <WithdrawnAlert withdrawal={c.withdrawal} partner={p.partner_name} />}
      <Alert variant="light" color="ncen" p="xs" data-testid="no-merge">
        <Text size="sm">{t('exchange:received.noMergeCase')}</Text>
      </Alert>
      <ProvenancePanel kase={c} country={countries.label(p.partner_country)} />
      <ReceivedParties caseId={c.id} parties={c.parties} country={countries.label(p.partner_country)} withdrawn={!!c.withdrawal} />
      <Title order={2} size="h4">
        {t('exchange:received.document')}
      </Title>
      <ReceivedDocument
        item={{ reference: p.original_reference, version: c.version, document: c.document }}
        partner={p.partner_name}
        index={0}
        filesBase={receivedFilesBase(c.id)}
      />
      <Versions kase={c} />
    </Stack>
  );
}

/** The sender withdrew the case: when, why, and the way to its withdrawal in the inbox. */
function WithdrawnAlert({ withdrawal: w, partner }: { withdrawal: ReceivedWithdrawal; partner: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      title={t('exchange:received.withdrawn.title')}
      data-testid="received-withdrawal"
      styles={{ root: { borderInlineStart: '4px solid var(--mantine-color-red-9)' } }}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {t('exchange:received.withdrawn.body', { partner, when: formatDateTime(w.withdrawn_at, i18n.language) })}
        </Text>
        <Stack gap={0} data-testid="received-withdrawal-reason">
          <Text size="xs" fw={600}>
            {t('exchange:received.withdrawn.reason')}
          </Text>
          <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {w.reason}
          </Text>
        </Stack>
        <Anchor component={Link} to={`/exchange/inbox/${w.package_id}`} size="sm">
          {t('exchange:received.withdrawn.link')}
        </Anchor>
      </Stack>
    </Alert>
  );
}

/** Where the case comes from, as it was recorded when its current version was imported. */
function ProvenancePanel({ kase: c, country }: { kase: ReceivedCaseDetail; country: string }) {
  const { t, i18n } = useTranslation();
  const groups = useCodeBook('commodity_groups');
  const sep = t('common.listSeparator');
  const p = c.provenance;
  const when = (iso: string | null | undefined) => (iso ? formatDateTime(iso, i18n.language) : '—');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="received-provenance-title" data-testid="received-provenance">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Group gap="xs">
          <IconShieldCheck size={18} aria-hidden />
          <Title order={2} size="h4" id="received-provenance-title">
            {t('exchange:received.provenance.title')}
          </Title>
        </Group>
        <Group gap="xs">
          <ProvenanceBadge partner={p.partner_name} />
          <ScopeBadge scope={c.scope} />
          {c.withdrawal && <WithdrawnBadge by="sender" />}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <Field label={t('exchange:received.provenance.partner')} testId="received-partner">
          <Data>{p.partner_name}</Data> (<Data>{country}</Data>)
        </Field>
        <Field label={t('exchange:received.provenance.reference')} testId="received-reference">
          <Data>{p.original_reference}</Data>
        </Field>
        <Field label={t('exchange:received.provenance.version')} testId="received-version">
          {t('common.version', { version: c.version })}
        </Field>
        <Field label={t('exchange:received.provenance.package')} testId="received-package">
          <Anchor component={Link} to={`/exchange/inbox/${p.package_id}`} size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
            <span dir="ltr" translate="no">
              {p.package_id}
            </span>
          </Anchor>
        </Field>
        <Field label={t('exchange:received.provenance.received')} testId="received-at">
          {when(p.received_at)}
        </Field>
        <Field label={t('exchange:received.provenance.imported')} testId="received-imported-by">
          <DataOrDash value={c.imported_by_name} />
          <Text size="xs" c="dimmed">
            {when(c.imported_at)}
          </Text>
        </Field>
        <Field label={t('exchange:received.provenance.detected')}>{when(c.detected_at)}</Field>
        <Field label={t('exchange:received.provenance.groups')} testId="received-groups">
          {c.commodity_groups.length ? c.commodity_groups.map((g) => groups.label(g)).join(sep) : '—'}
        </Field>
      </SimpleGrid>
    </Paper>
  );
}

/** Every version received, newest first, each with the package that brought it. */
function Versions({ kase: c }: { kase: ReceivedCaseDetail }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="received-versions-title" data-testid="received-versions">
      <Title order={2} size="h4" id="received-versions-title" mb={4}>
        {t('exchange:received.versions.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('exchange:received.versions.help')}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table striped aria-labelledby="received-versions-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('exchange:received.versions.version')}</Table.Th>
              <Table.Th scope="col">{t('exchange:received.versions.package')}</Table.Th>
              <Table.Th scope="col">{t('exchange:received.versions.received')}</Table.Th>
              <Table.Th scope="col">{t('exchange:received.versions.imported')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.versions.map((v) => (
              <Table.Tr key={`${v.version}:${v.package_id}`} data-testid="received-version-row" data-version={v.version}>
                <Table.Td style={NOWRAP}>
                  <Group gap="xs" wrap="nowrap">
                    {t('common.version', { version: v.version })}
                    {v.version === c.version && (
                      <Badge size="xs" variant="filled" color="#1e6b30" tt="none">
                        {t('exchange:received.versions.current')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/exchange/inbox/${v.package_id}`} size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                    <span dir="ltr" translate="no">
                      {v.package_id}
                    </span>
                  </Anchor>
                </Table.Td>
                <Table.Td style={NOWRAP}>{when(v.received_at)}</Table.Td>
                <Table.Td style={NOWRAP}>{when(v.imported_at)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
