import { useState } from 'react';
import { Alert, Anchor, Button, Group, List, Modal, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconCircleCheck, IconFileImport, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError, isStale } from '@/api/errors';
import { Data } from '@/components/Bidi';
import { FREE_TEXT } from '@/components/freeText';
import { FormError } from '@/components/states';
import { StaleVersionAlert } from '@/components/StaleVersionAlert';
import { formatDateTime } from '@/lib/format';
import type { InboxPackage, PackageImport } from '../api/exchange';
import { Field, WithdrawalBadge } from './parts';

const MAX_REASON = 2000;

/**
 * Reviewing a package waiting for it (`received`): importing it, or dismissing it with a
 * reason. Nothing of it is merged into this node's cases or registers either way.
 */
export function ReviewPanel({
  importing,
  onImport,
  onDismiss,
}: {
  importing: boolean;
  onImport: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="review-title" data-testid="review">
      <Title order={2} size="h4" id="review-title" mb="xs">
        {t('exchange:inbox.review.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('exchange:inbox.review.body')}
      </Text>
      <Group>
        <Button leftSection={<IconFileImport size={16} aria-hidden />} loading={importing} onClick={onImport}>
          {t('exchange:inbox.review.import')}
        </Button>
        <Button variant="default" leftSection={<IconTrash size={16} aria-hidden />} onClick={onDismiss} disabled={importing}>
          {t('exchange:inbox.review.dismiss')}
        </Button>
      </Group>
    </Paper>
  );
}

/**
 * Why an import or a dismissal was refused: reviewed meanwhile (409 `not_received`) or changed
 * (412), each with the way to see where the package stands now; anything else as the server says it.
 */
export function ReviewError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isStale(error)) return <StaleVersionAlert onReload={onReload} />;
  if (isApiError(error) && error.status === 409 && error.code === 'not_received') {
    return (
      <Alert color="orange" variant="light" role="alert" data-testid="review-refused" data-code="not_received">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('exchange:inbox.review.notReceived')}</Text>
          <Button size="xs" variant="default" onClick={onReload}>
            {t('exchange:inbox.review.reload')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return <FormError error={error} />;
}

/**
 * The references of a package's cases that an import brought in, in the package's order: its
 * references less those the sender withdrew (skipped), so that each lines up with
 * `received_case_ids`.
 */
function importedReferences(pkg: InboxPackage, report: PackageImport): string[] {
  const skipped = [...report.withdrawn];
  return pkg.case_references.filter((r) => {
    const i = skipped.indexOf(r);
    if (i < 0) return true;
    skipped.splice(i, 1);
    return false;
  });
}

/**
 * What an import did: how many cases are new, updated or unchanged, how many persons or
 * companies may hit an alert, the cases not imported because the sender withdrew them, and the
 * way to each received case (by its reference at the sender, in the package's order).
 */
export function ImportReport({ report, pkg }: { report: PackageImport; pkg: InboxPackage }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => new Intl.NumberFormat(i18n.language).format(v);
  const references = importedReferences(pkg, report);
  const sep = t('common.listSeparator');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-report-title" data-testid="import-report">
      <Group gap="xs" mb="sm">
        <IconCircleCheck size={18} aria-hidden color="#1e6b30" />
        <Title order={2} size="h4" id="import-report-title">
          {t('exchange:inbox.report.title')}
        </Title>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" mb="sm">
        <Field label={t('exchange:inbox.report.created')} testId="report-created">
          {n(report.created)}
        </Field>
        <Field label={t('exchange:inbox.report.updated')} testId="report-updated">
          {n(report.updated)}
        </Field>
        <Field label={t('exchange:inbox.report.unchanged')} testId="report-unchanged">
          {n(report.unchanged)}
        </Field>
        <Field label={t('exchange:inbox.report.alertHits')} testId="report-alert-hits">
          {n(report.alert_hits)}
        </Field>
      </SimpleGrid>
      {report.alert_hits > 0 && (
        <Alert color="red" variant="light" mb="sm" data-testid="report-alerts" styles={{ root: { borderInlineStart: '4px solid var(--mantine-color-red-9)' } }}>
          <Text size="sm">{t('exchange:inbox.report.alertsNote')}</Text>
        </Alert>
      )}
      {report.withdrawn.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          mb="sm"
          title={t('exchange:inbox.report.withdrawnTitle', { count: report.withdrawn.length })}
          data-testid="report-withdrawn"
        >
          <Text size="sm">{t('exchange:inbox.report.withdrawnBody')}</Text>
          <Text size="sm" mt={4}>
            {report.withdrawn.map((r, i) => (
              <span key={`${r}:${i}`}>
                {i > 0 && sep}
                <Data>{r}</Data>
              </span>
            ))}
          </Text>
        </Alert>
      )}
      <Text size="sm" c="dimmed" mb="xs">
        {t('exchange:inbox.report.noMerge')}
      </Text>
      {report.received_case_ids.length > 0 && (
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600} id="import-report-cases">
            {t('exchange:inbox.report.cases')}
          </Text>
          <List size="sm" aria-labelledby="import-report-cases" data-testid="report-cases">
            {report.received_case_ids.map((id, i) => (
              <List.Item key={`${id}:${i}`}>
                <Anchor component={Link} to={`/exchange/received/${id}`} size="sm">
                  {references[i] ? <Data>{references[i]}</Data> : t('exchange:inbox.report.caseN', { n: i + 1 })}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Paper>
  );
}

/** Where a package already reviewed stands: imported (and where its cases are), or dismissed and why. */
export function ReviewOutcome({ pkg: p }: { pkg: InboxPackage }) {
  const { t, i18n } = useTranslation();
  const when = p.reviewed_at ? formatDateTime(p.reviewed_at, i18n.language) : null;
  if (p.status === 'imported') {
    return (
      <Alert color="green" variant="light" data-testid="review-outcome" data-status="imported">
        <Stack gap={4} align="flex-start">
          <Text size="sm">{when ? t('exchange:inbox.outcome.importedOn', { when }) : t('exchange:inbox.outcome.imported')}</Text>
          <Anchor component={Link} to="/exchange/received" size="sm">
            {t('exchange:inbox.outcome.toReceived')}
          </Anchor>
        </Stack>
      </Alert>
    );
  }
  if (p.status !== 'dismissed') return null;
  return (
    <Alert color="gray" variant="light" title={t('exchange:inbox.outcome.dismissedTitle')} data-testid="review-outcome" data-status="dismissed">
      <Stack gap={4}>
        {when && <Text size="sm">{t('exchange:inbox.outcome.dismissedOn', { when })}</Text>}
        {p.review_note && (
          <Stack gap={0} data-testid="review-note">
            <Text size="xs" fw={600}>
              {t('exchange:inbox.outcome.reason')}
            </Text>
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
              {p.review_note}
            </Text>
          </Stack>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * A withdrawal received from a partner: applied on arrival (its cases are marked withdrawn
 * among the received cases, kept for the record and no longer to be used), with the sender's
 * reason, the package whose cases it withdraws, and each case's reference and the version
 * withdrawn (that one and every earlier one). Nothing is to import or dismiss.
 */
export function ReceivedWithdrawalPanel({ pkg: p }: { pkg: InboxPackage }) {
  const { t, i18n } = useTranslation();
  const cases = p.withdrawal?.cases ?? p.case_references.map((reference) => ({ reference, version: null }));
  const withdraws = p.withdrawal?.package_id ?? p.withdraws;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="withdrawal-title" data-testid="withdrawal">
      <Group gap="xs" mb="sm">
        <Title order={2} size="h4" id="withdrawal-title">
          {t('exchange:inbox.withdrawal.title')}
        </Title>
        <WithdrawalBadge />
      </Group>
      <Alert color="green" variant="light" mb="sm" data-testid="withdrawal-applied">
        <Text size="sm">{t('exchange:inbox.withdrawal.applied', { when: formatDateTime(p.received_at, i18n.language) })}</Text>
      </Alert>
      <Stack gap="sm">
        {p.withdrawal && (
          <Field label={t('exchange:inbox.withdrawal.reason')} testId="withdrawal-reason">
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
              {p.withdrawal.reason}
            </Text>
          </Field>
        )}
        {withdraws && (
          <Field label={t('exchange:inbox.withdrawal.withdraws')} testId="withdrawal-of">
            <Anchor component={Link} to={`/exchange/inbox/${withdraws}`} size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
              <span dir="ltr" translate="no">
                {withdraws}
              </span>
            </Anchor>
          </Field>
        )}
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600} id="withdrawal-cases-title">
            {t('exchange:inbox.withdrawal.cases', { count: cases.length })}
          </Text>
          <Table.ScrollContainer minWidth={360}>
            <Table striped aria-labelledby="withdrawal-cases-title" data-testid="withdrawal-cases">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('exchange:inbox.withdrawal.columns.reference')}</Table.Th>
                  <Table.Th scope="col">{t('exchange:inbox.withdrawal.columns.version')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cases.map((c, i) => (
                  <Table.Tr key={`${c.reference}:${i}`} data-testid="withdrawn-case">
                    <Table.Td>
                      <Data>{c.reference}</Data>
                    </Table.Td>
                    <Table.Td>{c.version != null ? t('exchange:inbox.withdrawal.upTo', { version: c.version }) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      </Stack>
    </Paper>
  );
}

/** The dismissal: its reason (kept with the package and in the audit trail). */
export function DismissModal({
  opened,
  error,
  pending,
  onSubmit,
  onClose,
}: {
  opened: boolean;
  error: unknown;
  pending: boolean;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('exchange:inbox.dismissForm.title')}>
      {opened && <DismissForm error={error} pending={pending} onSubmit={onSubmit} onCancel={onClose} />}
    </Modal>
  );
}

function DismissForm({
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
      data-testid="dismiss-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('exchange:inbox.dismissForm.body')}</Text>
        <Textarea
          label={t('exchange:inbox.dismissForm.reason')}
          description={t('exchange:inbox.dismissForm.reasonHelp')}
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
            {t('exchange:inbox.dismissForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
