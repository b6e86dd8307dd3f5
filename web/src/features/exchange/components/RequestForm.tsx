import { useState } from 'react';
import { Alert, Button, Group, Paper, Radio, Select, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconUserCheck } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { ErrorState, LoadingState } from '@/components/states';
import { SCOPES, usePartners } from '../api/exchange';
import { casesFromParams, isScope, scopeFromParams } from '../lib/params';
import { CaseChooser, type ChosenCase } from './CaseChooser';
import { ExchangeHeader } from './parts';
import { SendDialog, type Sending } from './SendDialog';

/**
 * Asking for validated cases to be sent (`/exchange/preview` for whoever holds
 * `exchange.request` only, an investigator): a partner, a scope, the cases, then the request
 * dialog with a note; a liaison officer approves it before anything leaves. The preview itself
 * is a liaison officer's. When the partners cannot be listed (403), there is nothing to ask for:
 * the form is not shown.
 */
export function RequestForm() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const partners = usePartners();
  const [partnerId, setPartnerId] = useState<string | null>(params.get('partner'));
  const [scope, setScope] = useState(() => scopeFromParams(params));
  const [cases, setCases] = useState<ChosenCase[]>(() => casesFromParams(params));
  const [checks, setChecks] = useState<{ partner?: string; cases?: string }>({});
  const [sending, setSending] = useState<Sending | null>(null);
  const active = (partners.data ?? []).filter((p) => p.status === 'active');

  if (partners.isPending) {
    return (
      <Stack>
        <ExchangeHeader page="request" />
        <LoadingState />
      </Stack>
    );
  }
  if (isApiError(partners.error) && partners.error.status === 403) {
    return (
      <Stack>
        <ExchangeHeader page="request" />
        <Alert variant="light" color="ncen" icon={<IconInfoCircle aria-hidden />} data-testid="request-unavailable">
          {t('exchange:request.noPartners')}
        </Alert>
      </Stack>
    );
  }

  const open = () => {
    const partner = active.find((p) => p.id === partnerId);
    const next = {
      partner: partner ? undefined : t('exchange:request.needPartner'),
      cases: cases.length === 0 ? t('exchange:request.needCase') : undefined,
    };
    setChecks(next);
    if (!partner || next.cases) return;
    setSending({ partner: { id: partner.id, name: partner.name }, scope, cases });
  };

  return (
    <Stack>
      <ExchangeHeader page="request" />
      <Paper withBorder p="md" component="section" aria-labelledby="request-form-title">
        <Title order={2} size="h4" id="request-form-title" mb="sm">
          {t('exchange:request.formTitle')}
        </Title>
        <form
          noValidate
          data-testid="request-form"
          onSubmit={(e) => {
            e.preventDefault();
            open();
          }}
        >
          <Stack gap="sm">
            {partners.isError ? (
              <ErrorState error={partners.error} onRetry={() => void partners.refetch()} />
            ) : (
              <Select
                label={t('exchange:preview.partner')}
                placeholder={t('exchange:preview.partnerPlaceholder')}
                withAsterisk
                searchable
                data={active.map((p) => ({ value: p.id, label: p.name }))}
                value={partnerId}
                onChange={setPartnerId}
                error={checks.partner}
                nothingFoundMessage={t('common.nothingFound')}
                comboboxProps={{ withinPortal: true }}
                maw={420}
              />
            )}
            <Radio.Group label={t('exchange:preview.scope')} value={scope} onChange={(v) => isScope(v) && setScope(v)}>
              <Stack gap={6} mt={4}>
                {SCOPES.map((s) => (
                  <Radio key={s} value={s} label={t(`exchange:scopes.${s}`)} description={t(`exchange:scopeHelp.${s}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <CaseChooser cases={cases} onChange={setCases} errors={{}} error={checks.cases} />
            <Alert variant="light" color="orange" icon={<IconUserCheck aria-hidden />} p="xs">
              <Text size="sm">{t('exchange:send.fourEyes')}</Text>
            </Alert>
            <Group>
              <Button type="submit" leftSection={<IconUserCheck size={16} aria-hidden />} disabled={partners.isError}>
                {t('exchange:send.request')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <SendDialog sending={sending} direct={false} onClose={() => setSending(null)} />
    </Stack>
  );
}
