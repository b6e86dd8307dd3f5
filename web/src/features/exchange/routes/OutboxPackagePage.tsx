import { useState } from 'react';
import { Alert, Anchor, Button, Code, Group, Modal, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBack, IconArrowBackUp, IconCheck, IconCircleCheck, IconX } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError, isStale } from '@/api/errors';
import { useMe } from '@/api/queries/me';
import { useCodeBook } from '@/api/queries/codelists';
import { Bidi, Data } from '@/components/Bidi';
import { FREE_TEXT } from '@/components/freeText';
import { ErrorState, FormError, LoadingState } from '@/components/states';
import { StaleVersionAlert } from '@/components/StaleVersionAlert';
import { formatBytes, formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { isMoving, useApprove, useDecline, useOutboxPackage, useWithdraw, type OutboxPackage } from '../api/exchange';
import { CopyValue } from '../components/NodeIdentityCard';
import { DataOrDash, ExchangeHeader, Field, PackageStatusBadge, ScopeBadge, WithdrawalBadge, WithdrawnBadge } from '../components/parts';
import { WithdrawalPanel, WithdrawError, WithdrawForm, WithdrawnNotice } from '../components/Withdrawal';
import { runsExchange } from '../lib/access';

const MAX_REASON = 2000;

/** A package of cases the partner acknowledged and that no withdrawal withdraws yet: a liaison officer may withdraw its cases. */
function withdrawable(p: OutboxPackage): boolean {
  return p.kind === 'cases' && p.status === 'acknowledged' && !p.withdrawn_by;
}

/**
 * One package for a partner (`/exchange/outbox/:id`): every field of it and of its delivery,
 * the partner's signed acknowledgement once acknowledged, the partner's reason when refused;
 * for a request awaiting approval, approving or declining it (a liaison officer, not the one who
 * asked: four eyes). A liaison officer may withdraw the cases of an acknowledged package, with
 * a reason: a withdrawal package is signed and queued, and its page opens. A withdrawn package
 * leads to its withdrawal, a withdrawal to the package it withdraws. Read again every few
 * seconds while a delivery is due or under way.
 */
export function OutboxPackagePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const pkg = useOutboxPackage(id);
  const approve = useApprove();
  const decline = useDecline();
  const withdraw = useWithdraw();
  const [declining, setDeclining] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const back = (
    <Button component={Link} to="/exchange/outbox" variant="default" leftSection={<IconArrowBack size={16} aria-hidden />}>
      {t('exchange:detail.back')}
    </Button>
  );
  if (pkg.isPending) {
    return (
      <Stack>
        <ExchangeHeader page="outbox" detail actions={back} />
        <LoadingState />
      </Stack>
    );
  }
  if (pkg.isError) {
    return (
      <Stack>
        <ExchangeHeader page="outbox" detail actions={back} />
        <ErrorState error={pkg.error} onRetry={() => void pkg.refetch()} />
      </Stack>
    );
  }
  const p = pkg.data;
  const isWithdrawal = p.kind === 'withdrawal';
  const closeWithdraw = () => {
    withdraw.reset();
    setWithdrawing(false);
  };
  return (
    <Stack>
      <ExchangeHeader
        page="outbox"
        detail
        title={t(isWithdrawal ? 'exchange:detail.withdrawalTitle' : 'exchange:detail.title', { partner: p.partner_name })}
        description={t(`exchange:statusHelp.${p.status}`)}
        actions={
          <>
            {runsExchange(me) && withdrawable(p) && (
              <Button
                variant="outline"
                color="red.9"
                leftSection={<IconArrowBackUp size={16} aria-hidden />}
                onClick={() => {
                  approve.reset();
                  decline.reset();
                  withdraw.reset();
                  setWithdrawing(true);
                }}
              >
                {t('exchange:detail.withdraw.open')}
              </Button>
            )}
            {back}
          </>
        }
      />
      <Group gap="xs">
        <PackageStatusBadge status={p.status} />
        {isWithdrawal && <WithdrawalBadge />}
        {p.withdrawn_by && <WithdrawnBadge />}
        {isMoving(p.status) && (
          <Text size="xs" c="dimmed">
            {t('exchange:outbox.refreshing')}
          </Text>
        )}
      </Group>
      {/* kept when the request was decided meanwhile: the refusal says why nothing happened */}
      {!declining && (
        <ApprovalError
          error={approve.error ?? decline.error}
          onReload={() => {
            approve.reset();
            decline.reset();
          }}
        />
      )}
      {/* kept when the package was withdrawn or changed meanwhile: the refusal says why nothing happened */}
      {!withdrawing && <WithdrawError error={withdraw.error} onReload={() => withdraw.reset()} />}
      {p.withdrawn_by && <WithdrawnNotice withdrawal={p.withdrawn_by} />}
      {p.status === 'awaiting_approval' && (
        <Approval
          pkg={p}
          approving={approve.isPending}
          onApprove={() => {
            decline.reset();
            approve.mutate(p, {
              onSuccess: () => notifications.show({ color: 'green', message: t('exchange:detail.approval.approved') }),
            });
          }}
          onDecline={() => {
            approve.reset();
            decline.reset();
            setDeclining(true);
          }}
        />
      )}
      <Modal
        opened={declining}
        onClose={() => {
          decline.reset();
          setDeclining(false);
        }}
        title={t('exchange:detail.declineForm.title')}
      >
        {declining && (
          <DeclineForm
            error={decline.error}
            pending={decline.isPending}
            onCancel={() => {
              decline.reset();
              setDeclining(false);
            }}
            onSubmit={(reason) =>
              decline.mutate(
                { pkg: p, reason },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'green', message: t('exchange:detail.approval.declined') });
                    setDeclining(false);
                  },
                  // refused for a reason the page says (decided meanwhile, own request, changed): back to the page
                  onError: (e) => {
                    if (isApiError(e) && [403, 409, 412].includes(e.status)) setDeclining(false);
                  },
                },
              )
            }
          />
        )}
      </Modal>
      <Modal opened={withdrawing} onClose={closeWithdraw} title={t('exchange:detail.withdraw.title')}>
        {withdrawing && (
          <WithdrawForm
            pkg={p}
            error={withdraw.error}
            pending={withdraw.isPending}
            onCancel={closeWithdraw}
            onSubmit={(reason) =>
              withdraw.mutate(
                { pkg: p, reason },
                {
                  onSuccess: (w) => {
                    notifications.show({ color: 'green', message: t('exchange:detail.withdraw.done', { partner: w.partner_name }) });
                    setWithdrawing(false);
                    withdraw.reset();
                    void navigate(`/exchange/outbox/${w.id}`);
                  },
                  // refused for a reason the page says (withdrawn or changed meanwhile, not acknowledged): back to the page
                  onError: (e) => {
                    if (isApiError(e) && [409, 412, 428].includes(e.status)) setWithdrawing(false);
                  },
                },
              )
            }
          />
        )}
      </Modal>
      {isWithdrawal && <WithdrawalPanel pkg={p} />}
      <Summary pkg={p} />
      <DeliveryPanel pkg={p} />
      {p.status === 'acknowledged' && <Acknowledgement pkg={p} />}
    </Stack>
  );
}

function Summary({ pkg: p }: { pkg: OutboxPackage }) {
  const { t, i18n } = useTranslation();
  const countries = useCodeBook('countries');
  const { data: me } = useMe();
  const sep = t('common.listSeparator');
  const linkCases = can(me, 'seizures.read');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="package-summary-title" data-testid="package-summary">
      <Title order={2} size="h4" id="package-summary-title" mb="sm">
        {t('exchange:detail.summary')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <Field label={t('exchange:detail.fields.partner')}>
          <Data>{p.partner_name}</Data> (<Data>{countries.label(p.partner_country)}</Data>)
        </Field>
        <Field label={t('exchange:detail.fields.agreement')}>
          <Data>{p.agreement_reference}</Data>
        </Field>
        <Field label={t('exchange:detail.fields.scope')}>
          <ScopeBadge scope={p.scope} />
        </Field>
        <Field label={t('exchange:detail.fields.cases')} testId="package-cases">
          {p.case_references.map((ref, i) => {
            const caseId = p.case_ids[i];
            return (
              <span key={`${ref}:${i}`}>
                {i > 0 && sep}
                {linkCases && caseId ? (
                  <Anchor component={Link} to={`/seizures/${caseId}`} size="sm">
                    <Data>{ref}</Data>
                  </Anchor>
                ) : (
                  <Data>{ref}</Data>
                )}
              </span>
            );
          })}
        </Field>
        <Field label={t('exchange:detail.fields.requestedBy')} testId="package-requested-by">
          <DataOrDash value={p.requested_by_name} />
          <Text size="xs" c="dimmed">
            {formatDateTime(p.created_at, i18n.language)}
          </Text>
        </Field>
        {p.status === 'declined' ? (
          <Field label={t('exchange:detail.fields.declinedBy')} testId="package-declined-by">
            <DataOrDash value={p.approved_by_name} />
            {p.decided_at && (
              <Text size="xs" c="dimmed">
                {formatDateTime(p.decided_at, i18n.language)}
              </Text>
            )}
          </Field>
        ) : (
          <Field label={t('exchange:detail.fields.approvedBy')} testId="package-approved-by">
            <DataOrDash value={p.approved_by_name} />
            {p.approved_by_name && p.decided_at && (
              <Text size="xs" c="dimmed">
                {formatDateTime(p.decided_at, i18n.language)}
              </Text>
            )}
          </Field>
        )}
      </SimpleGrid>
      {p.note && p.kind !== 'withdrawal' && (
        <Stack gap={0} mt="sm" data-testid="package-note">
          <Text size="xs" c="dimmed" fw={600}>
            {t('exchange:detail.fields.note')}
          </Text>
          <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {p.note}
          </Text>
        </Stack>
      )}
      {p.status === 'declined' && p.decline_reason && (
        <Alert variant="light" color="gray" mt="sm" title={t('exchange:detail.fields.declineReason')} data-testid="decline-reason">
          <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {p.decline_reason}
          </Text>
        </Alert>
      )}
    </Paper>
  );
}

/** The delivery: attempts, when the next is due, why the last failed or the partner refused, and the signed package's identity. */
function DeliveryPanel({ pkg: p }: { pkg: OutboxPackage }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string | null | undefined) => (iso ? formatDateTime(iso, i18n.language) : '—');
  const refused = p.status === 'rejected';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="package-delivery-title" data-testid="package-delivery">
      <Title order={2} size="h4" id="package-delivery-title" mb="sm">
        {t('exchange:detail.delivery')}
      </Title>
      {p.last_error && (
        <Alert
          variant="light"
          color={refused || p.status === 'failed' ? 'red' : 'orange'}
          mb="sm"
          title={refused ? t('exchange:detail.fields.rejection') : t('exchange:detail.fields.lastError')}
          data-testid={refused ? 'package-rejection' : 'package-last-error'}
        >
          <Text size="sm">
            <Bidi>{p.last_error}</Bidi>
          </Text>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <Field label={t('exchange:detail.fields.attempts')} testId="package-attempts">
          {new Intl.NumberFormat(i18n.language).format(p.attempts)}
        </Field>
        {(p.status === 'pending' || p.status === 'sent') && (
          <Field label={t(p.status === 'pending' ? 'exchange:detail.fields.nextAttempt' : 'exchange:detail.fields.timesOut')} testId="package-next-attempt">
            {when(p.next_attempt_at)}
          </Field>
        )}
        <Field label={t('exchange:detail.fields.sent')}>{when(p.sent_at)}</Field>
        <Field label={t('exchange:detail.fields.acknowledged')}>{when(p.acknowledged_at)}</Field>
        <Field label={t('exchange:detail.fields.size')}>{p.size != null ? formatBytes(p.size, i18n.language) : '—'}</Field>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" mt="sm">
        <CopyValue label={t('exchange:detail.fields.id')} copyLabel={t('exchange:detail.copyId')} value={p.id} testId="package-id" />
        {p.body_sha256 && (
          <CopyValue label={t('exchange:detail.fields.sha')} copyLabel={t('exchange:detail.copyHash')} value={p.body_sha256} testId="package-sha" />
        )}
      </SimpleGrid>
    </Paper>
  );
}

/** The partner's acknowledgement as it signed it, and its signature: the proof of delivery. */
function Acknowledgement({ pkg: p }: { pkg: OutboxPackage }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="package-ack-title" data-testid="package-acknowledgement">
      <Group gap="xs" mb={4}>
        <IconCircleCheck size={18} aria-hidden color="#1e6b30" />
        <Title order={2} size="h4" id="package-ack-title">
          {t('exchange:detail.ack.title')}
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('exchange:detail.ack.help')}
      </Text>
      <Stack gap="sm">
        {p.acknowledgement && (
          <Stack gap={2}>
            <Text size="xs" c="dimmed" fw={600}>
              {t('exchange:detail.ack.json')}
            </Text>
            <Code
              block
              dir="ltr"
              translate="no"
              data-testid="ack-json"
              aria-label={t('exchange:detail.ack.jsonLabel')}
              style={{ maxHeight: 360, overflow: 'auto' }}
            >
              {JSON.stringify(p.acknowledgement, null, 2)}
            </Code>
          </Stack>
        )}
        {p.acknowledgement_signature && (
          <CopyValue
            label={t('exchange:detail.ack.signature')}
            copyLabel={t('exchange:detail.ack.copySignature')}
            value={p.acknowledgement_signature}
            testId="ack-signature"
          />
        )}
      </Stack>
    </Paper>
  );
}

/**
 * Approving or declining a request (a liaison officer; whoever asked is only told it waits).
 * The server refuses one's own request (403 `own_request`), a request decided meanwhile (409
 * `not_awaiting_approval`), one no agreement covers any more (409 `no_agreement`), and a stale
 * version (412): each said plainly by `ApprovalError`.
 */
function Approval({
  pkg,
  approving,
  onApprove,
  onDecline,
}: {
  pkg: OutboxPackage;
  approving: boolean;
  onApprove: () => void;
  onDecline: () => void;
}) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!runsExchange(me)) {
    return (
      <Alert variant="light" color="orange" data-testid="awaiting-approval-note">
        <Text size="sm">{t('exchange:send.fourEyes')}</Text>
      </Alert>
    );
  }
  const name = pkg.requested_by_name ?? t('exchange:detail.approval.someone');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="approval-title" data-testid="approval">
      <Title order={2} size="h4" id="approval-title" mb="xs">
        {t('exchange:detail.approval.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('exchange:detail.approval.body', { name })}
      </Text>
      <Group>
        <Button color="#1e6b30" leftSection={<IconCheck size={16} aria-hidden />} loading={approving} onClick={onApprove}>
          {t('exchange:detail.approval.approve')}
        </Button>
        <Button variant="default" leftSection={<IconX size={16} aria-hidden />} onClick={onDecline} disabled={approving}>
          {t('exchange:detail.approval.decline')}
        </Button>
      </Group>
    </Paper>
  );
}

/** Why an approval or a decline was refused, in the UI language where the server's code is known. */
function ApprovalError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isStale(error)) return <StaleVersionAlert onReload={onReload} />;
  const code = isApiError(error) ? error.code : undefined;
  const key =
    isApiError(error) && error.status === 403 && code === 'own_request'
      ? 'exchange:detail.approval.ownRequest'
      : isApiError(error) && error.status === 409 && code === 'not_awaiting_approval'
        ? 'exchange:detail.approval.notAwaiting'
        : isApiError(error) && error.status === 409 && code === 'no_agreement'
          ? 'exchange:detail.approval.noAgreement'
          : null;
  if (!key) return <FormError error={error} />;
  return (
    <Alert color={code === 'own_request' ? 'orange' : 'red'} variant="light" role="alert" data-testid="approval-refused" data-code={code}>
      <Text size="sm">{t(key)}</Text>
      {code === 'no_agreement' && isApiError(error) && error.problem?.detail && (
        <Text size="sm" mt={4}>
          <Bidi>{error.problem.detail}</Bidi>
        </Text>
      )}
    </Alert>
  );
}

function DeclineForm({
  error: refused,
  pending,
  onSubmit,
  onCancel,
}: {
  error: unknown;
  pending: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const text = reason.trim();
    if (!text) return setError(t('validation.required'));
    if (text.length > MAX_REASON) return setError(t('validation.tooLong', { max: MAX_REASON }));
    setError(null);
    onSubmit(text);
  };
  return (
    <form
      noValidate
      data-testid="decline-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <Textarea
          label={t('exchange:detail.declineForm.reason')}
          description={t('exchange:detail.declineForm.reasonHelp')}
          withAsterisk
          autosize
          minRows={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={error}
          data-autofocus
          {...FREE_TEXT}
        />
        <FormError error={refused} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red.9" loading={pending}>
            {t('exchange:detail.declineForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
