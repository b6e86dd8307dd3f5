import { useState } from 'react';
import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError, isStale } from '@/api/errors';
import { Data } from '@/components/Bidi';
import { FREE_TEXT } from '@/components/freeText';
import { FormError } from '@/components/states';
import { StaleVersionAlert } from '@/components/StaleVersionAlert';
import type { OutboxPackage } from '../api/exchange';
import { exchangeFieldMessage } from '../lib/problems';
import { Field } from './parts';

const MAX_REASON = 2000;

/** A package of cases withdrawn: the way to its withdrawal. */
export function WithdrawnNotice({ withdrawal }: { withdrawal: string }) {
  const { t } = useTranslation();
  return (
    <Alert variant="light" color="red" title={t('exchange:detail.withdrawn.title')} data-testid="withdrawn-notice">
      <Stack gap={4} align="flex-start">
        <Text size="sm">{t('exchange:detail.withdrawn.body')}</Text>
        <Anchor component={Link} to={`/exchange/outbox/${withdrawal}`} size="sm">
          {t('exchange:detail.withdrawn.link')}
        </Anchor>
      </Stack>
    </Alert>
  );
}

/** A withdrawal: the package whose cases it withdraws, and the reason the partner is given (kept as its note). */
export function WithdrawalPanel({ pkg: p }: { pkg: OutboxPackage }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="withdrawal-title" data-testid="withdrawal">
      <Title order={2} size="h4" id="withdrawal-title" mb={4}>
        {t('exchange:detail.withdrawal.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('exchange:detail.withdrawal.help')}
      </Text>
      <Stack gap="sm">
        {p.withdraws && (
          <Field label={t('exchange:detail.withdrawal.withdraws')} testId="withdrawal-of">
            <Anchor component={Link} to={`/exchange/outbox/${p.withdraws}`} size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
              <span dir="ltr" translate="no">
                {p.withdraws}
              </span>
            </Anchor>
          </Field>
        )}
        <Field label={t('exchange:detail.withdrawal.reason')} testId="withdrawal-reason">
          <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {p.note ?? '—'}
          </Text>
        </Field>
      </Stack>
    </Paper>
  );
}

/**
 * Why a withdrawal was refused, in the UI language where the server's code is known: withdrawn
 * meanwhile (409 `already_withdrawn`: the package, read again, leads to the withdrawal), not
 * acknowledged (409 `not_acknowledged`), or changed (412, or 428 without a version).
 */
export function WithdrawError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isStale(error) || (isApiError(error) && error.status === 428)) return <StaleVersionAlert onReload={onReload} />;
  const code = isApiError(error) && error.status === 409 ? error.code : undefined;
  const key =
    code === 'already_withdrawn'
      ? 'exchange:detail.withdraw.alreadyWithdrawn'
      : code === 'not_acknowledged'
        ? 'exchange:detail.withdraw.notAcknowledged'
        : null;
  if (!key) return <FormError error={error} />;
  return (
    <Alert color="orange" variant="light" role="alert" data-testid="withdraw-refused" data-code={code}>
      <Text size="sm">{t(key)}</Text>
    </Alert>
  );
}

/**
 * The withdrawal of a package's cases: what it does, the cases it withdraws, and the reason
 * the partner reads (required, at most 2000 characters; the server's field error goes to it).
 */
export function WithdrawForm({
  pkg,
  error: refused,
  pending,
  onSubmit,
  onCancel,
}: {
  pkg: OutboxPackage;
  error: unknown;
  pending: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const serverField = isApiError(refused) ? refused.problem?.errors?.find((e) => e.field === 'reason') : undefined;
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
      data-testid="withdraw-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('exchange:detail.withdraw.body', { partner: pkg.partner_name })}</Text>
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600} id="withdraw-cases">
            {t('exchange:detail.withdraw.cases')}
          </Text>
          <List size="sm" aria-labelledby="withdraw-cases" data-testid="withdraw-cases">
            {pkg.case_references.map((ref, i) => (
              <List.Item key={`${ref}:${i}`}>
                <Data>{ref}</Data>
              </List.Item>
            ))}
          </List>
        </Stack>
        <Textarea
          label={t('exchange:detail.withdraw.reason')}
          description={t('exchange:detail.withdraw.reasonHelp')}
          withAsterisk
          autosize
          minRows={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={error ?? (serverField ? exchangeFieldMessage(t, serverField) : null)}
          data-autofocus
          {...FREE_TEXT}
        />
        {!serverField && <FormError error={refused} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red.9" loading={pending}>
            {t('exchange:detail.withdraw.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
