import { useState } from 'react';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBack, IconShieldCheck } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCodeBook } from '@/api/queries/codelists';
import { Data } from '@/components/Bidi';
import { ErrorState, LoadingState } from '@/components/states';
import { isApiError } from '@/api/errors';
import { formatBytes, formatDateTime } from '@/lib/format';
import { useDismissPackage, useImportPackage, useInboxPackage, type InboxPackage } from '../api/exchange';
import { inboxFilesBase } from '../api/files';
import { DismissModal, ImportReport, ReceivedWithdrawalPanel, ReviewError, ReviewOutcome, ReviewPanel } from '../components/InboxReview';
import { CopyValue } from '../components/NodeIdentityCard';
import { ExchangeHeader, Field, InboxStatusBadge, ProvenanceBadge, ScopeBadge } from '../components/parts';
import { ReceivedDocument } from '../components/ReceivedDocument';
import { receivedCase } from '../lib/received';

/**
 * A package received from a partner (`/exchange/inbox/:id`): where it comes from — the
 * partner, the package, the agreement it names, when it was made, sent and received, its hash
 * and the sender's signature, checked on arrival — and each case exactly as the partner sent it.
 * While it waits for review, importing it (then what the import did, with the way to each
 * received case) or dismissing it with a reason; once reviewed, the outcome (and the reason of
 * a dismissal). A withdrawal (the partner withdraws cases it sent) carries no case: it was
 * applied on arrival, and its page shows the sender's reason and the references and versions
 * withdrawn, with nothing to import or dismiss. Each reading is audited
 * (`exchange.inbox_read`): read again only when the officer asks, after a refusal.
 */
export function InboxPackagePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const pkg = useInboxPackage(id);
  const importing = useImportPackage();
  const dismissing = useDismissPackage();
  const [dismissOpen, setDismissOpen] = useState(false);
  const back = (
    <Button component={Link} to="/exchange/inbox" variant="default" leftSection={<IconArrowBack size={16} aria-hidden />}>
      {t('exchange:inbox.back')}
    </Button>
  );
  if (pkg.isPending || pkg.isError) {
    return (
      <Stack>
        <ExchangeHeader page="inbox" detail actions={back} />
        {pkg.isPending ? <LoadingState /> : <ErrorState error={pkg.error} onRetry={() => void pkg.refetch()} />}
      </Stack>
    );
  }
  const p = pkg.data;
  const isWithdrawal = p.kind === 'withdrawal';
  const documents = p.documents.map(receivedCase);
  const report = importing.data && importing.data.package_id === p.id ? importing.data : null;
  const reload = () => {
    importing.reset();
    dismissing.reset();
    void pkg.refetch();
  };
  const closeDismiss = () => {
    dismissing.reset();
    setDismissOpen(false);
  };
  return (
    <Stack>
      <ExchangeHeader
        page="inbox"
        detail
        title={t(isWithdrawal ? 'exchange:inbox.withdrawalTitle' : 'exchange:inbox.title', { partner: p.partner_name })}
        description={t('exchange:inbox.auditNote')}
        actions={back}
      />
      {/* kept when the package was reviewed meanwhile: the refusal says why nothing happened */}
      {!dismissOpen && <ReviewError error={importing.error ?? dismissing.error} onReload={reload} />}
      {p.status === 'received' && !isWithdrawal && (
        <ReviewPanel
          importing={importing.isPending}
          onImport={() => {
            dismissing.reset();
            importing.mutate(p, {
              onSuccess: (r) =>
                notifications.show({
                  color: r.withdrawn.length ? 'orange' : 'green',
                  message: r.withdrawn.length
                    ? t('exchange:inbox.review.importedWithdrawn', {
                        count: r.withdrawn.length,
                        references: r.withdrawn.join(t('common.listSeparator')),
                      })
                    : t('exchange:inbox.review.imported'),
                }),
            });
          }}
          onDismiss={() => {
            importing.reset();
            dismissing.reset();
            setDismissOpen(true);
          }}
        />
      )}
      {isWithdrawal ? <ReceivedWithdrawalPanel pkg={p} /> : report ? <ImportReport report={report} pkg={p} /> : <ReviewOutcome pkg={p} />}
      <DismissModal
        opened={dismissOpen}
        error={dismissing.error}
        pending={dismissing.isPending}
        onClose={closeDismiss}
        onSubmit={(reason) =>
          dismissing.mutate(
            { pkg: p, reason },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('exchange:inbox.review.dismissed') });
                setDismissOpen(false);
              },
              // refused for a reason the page says (reviewed meanwhile, changed): back to the page
              onError: (e) => {
                if (isApiError(e) && [409, 412].includes(e.status)) setDismissOpen(false);
              },
            },
          )
        }
      />
      <Provenance pkg={p} />
      {/* a withdrawal carries no document: its cases are listed above */}
      {!isWithdrawal && (
        <>
          <Title order={2} size="h4">
            {t('exchange:inbox.documents', { count: documents.length })}
          </Title>
          {documents.map((d, i) => (
            <ReceivedDocument key={i} item={d} partner={p.partner_name} index={i} filesBase={inboxFilesBase(p.id)} />
          ))}
        </>
      )}
    </Stack>
  );
}

/** Where the package comes from and how it was checked: what a liaison officer reviews before anything of it is used. */
function Provenance({ pkg: p }: { pkg: InboxPackage }) {
  const { t, i18n } = useTranslation();
  const countries = useCodeBook('countries');
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="provenance-title" data-testid="provenance">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Group gap="xs">
          <IconShieldCheck size={18} aria-hidden />
          <Title order={2} size="h4" id="provenance-title">
            {t('exchange:inbox.provenance.title')}
          </Title>
        </Group>
        <Group gap="xs">
          <ProvenanceBadge partner={p.partner_name} />
          <InboxStatusBadge status={p.status} kind={p.kind} />
        </Group>
      </Group>
      <Alert variant="light" color="ncen" p="xs" mb="sm">
        <Text size="sm">{t('exchange:inbox.provenance.help')}</Text>
      </Alert>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <Field label={t('exchange:inbox.provenance.partner')} testId="provenance-partner">
          <Data>{p.partner_name}</Data>
        </Field>
        <Field label={t('exchange:inbox.provenance.country')} testId="provenance-country">
          <Data>{countries.label(p.partner_country)}</Data>
        </Field>
        <Field label={t('exchange:inbox.provenance.agreement')} testId="provenance-agreement">
          <Data>{p.agreement_reference}</Data>
        </Field>
        <Field label={t('exchange:inbox.provenance.scope')}>
          <ScopeBadge scope={p.scope} />
        </Field>
        <Field label={t('exchange:inbox.provenance.created')}>{when(p.created_at)}</Field>
        <Field label={t('exchange:inbox.provenance.sent')} testId="provenance-sent">
          {when(p.sent_at)}
        </Field>
        <Field label={t('exchange:inbox.provenance.received')} testId="provenance-received">
          {when(p.received_at)}
        </Field>
        <Field label={t('exchange:inbox.provenance.size')}>{formatBytes(p.size, i18n.language)}</Field>
      </SimpleGrid>
      <Stack gap="sm" mt="sm">
        <CopyValue label={t('exchange:inbox.provenance.id')} copyLabel={t('exchange:inbox.provenance.copyId')} value={p.id} testId="provenance-id" />
        <CopyValue label={t('exchange:inbox.provenance.sha')} copyLabel={t('exchange:inbox.provenance.copyHash')} value={p.body_sha256} testId="provenance-sha" />
        <CopyValue
          label={t('exchange:inbox.provenance.signature')}
          copyLabel={t('exchange:inbox.provenance.copySignature')}
          value={p.signature}
          testId="provenance-signature"
        />
      </Stack>
    </Paper>
  );
}
