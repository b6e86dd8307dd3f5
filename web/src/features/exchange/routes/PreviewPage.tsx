import { useState } from 'react';
import { Alert, Anchor, Button, Group, List, Paper, Radio, Select, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconFileSearch, IconSend } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { useMe } from '@/api/queries/me';
import { Bidi } from '@/components/Bidi';
import { ErrorState, FormError } from '@/components/states';
import { SCOPES, usePartners, usePreview, type Preview, type PreviewRequest } from '../api/exchange';
import { AgreementCard } from '../components/AgreementSummary';
import { CaseChooser, type ChosenCase } from '../components/CaseChooser';
import { ExchangeHeader, FieldClassBadge } from '../components/parts';
import { PreviewDocument } from '../components/PreviewDocument';
import { RequestForm } from '../components/RequestForm';
import { SendDialog, type Sending } from '../components/SendDialog';
import { runsExchange } from '../lib/access';
import { casesFromParams, isScope, scopeFromParams } from '../lib/params';
import { exchangeFieldMessage } from '../lib/problems';

/**
 * The exchange preview (`/exchange/preview`, `?case=<id>` — repeated — `&partner=&scope=` to
 * start from). A liaison officer previews and then sends; whoever may only ask for cases to be
 * sent (`exchange.request`: the preview is not theirs to see) gets the request form instead.
 */
export function PreviewPage() {
  const { data: me } = useMe();
  return runsExchange(me) ? <LiaisonPreview /> : <RequestForm />;
}

/**
 * A partner, a scope and validated cases; then the agreement the exchange would rest on and
 * each case exactly as it would leave, field by field with what is withheld, and as JSON; and
 * sending exactly that. Refused when no agreement in force covers it, with the server's reason.
 */
function LiaisonPreview() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const partners = usePartners();
  const preview = usePreview();
  const [partnerId, setPartnerId] = useState<string | null>(params.get('partner'));
  const [scope, setScope] = useState(() => scopeFromParams(params));
  const [cases, setCases] = useState<ChosenCase[]>(() => casesFromParams(params));
  const [checks, setChecks] = useState<{ partner?: string; cases?: string }>({});
  const active = (partners.data ?? []).filter((p) => p.status === 'active');

  const err = preview.error;
  const noAgreement = isApiError(err) && err.status === 409 && err.code === 'no_agreement';
  // the server names a case by its place in the list sent (`case_ids[2]`)
  const sentIds = preview.variables?.case_ids ?? [];
  const caseErrors: Record<string, string> = {};
  const otherErrors: { field: string; message: string }[] = [];
  if (isApiError(err) && err.status === 422) {
    for (const e of err.problem?.errors ?? []) {
      const m = /^case_ids\[(\d+)\]$/.exec(e.field);
      const id = m ? sentIds[Number(m[1])] : undefined;
      const text = e.code === 'not_validated' || e.code === 'not_found' ? t(`exchange:preview.caseErrors.${e.code}`) : exchangeFieldMessage(t, e);
      if (id) caseErrors[id] ??= text;
      else otherErrors.push({ field: e.field, message: text });
    }
  }

  const run = () => {
    const next = {
      partner: partnerId ? undefined : t('exchange:preview.needPartner'),
      cases: cases.length === 0 ? t('exchange:preview.needCase') : undefined,
    };
    setChecks(next);
    if (next.partner || next.cases || !partnerId) return;
    preview.mutate({ partner_id: partnerId, scope, case_ids: cases.map((c) => c.id) });
  };
  const changed = () => {
    if (preview.data || preview.error) preview.reset();
  };

  return (
    <Stack>
      <ExchangeHeader page="preview" />
      <Paper withBorder p="md" component="section" aria-labelledby="preview-form-title">
        <Title order={2} size="h4" id="preview-form-title" mb="sm">
          {t('exchange:preview.formTitle')}
        </Title>
        <form
          noValidate
          data-testid="preview-form"
          onSubmit={(e) => {
            e.preventDefault();
            run();
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
                onChange={(v) => {
                  setPartnerId(v);
                  changed();
                }}
                error={checks.partner}
                nothingFoundMessage={t('common.nothingFound')}
                comboboxProps={{ withinPortal: true }}
                maw={420}
              />
            )}
            {partners.isSuccess && active.length === 0 && (
              <Text size="sm" c="dimmed" data-testid="no-active-partner">
                {t('exchange:preview.noActivePartner')}{' '}
                <Anchor component={Link} to="/exchange/partners">
                  {t('exchange:pages.partners')}
                </Anchor>
              </Text>
            )}
            <Radio.Group
              label={t('exchange:preview.scope')}
              value={scope}
              onChange={(v) => {
                if (isScope(v)) setScope(v);
                changed();
              }}
            >
              <Stack gap={6} mt={4}>
                {SCOPES.map((s) => (
                  <Radio key={s} value={s} label={t(`exchange:scopes.${s}`)} description={t(`exchange:scopeHelp.${s}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <CaseChooser
              cases={cases}
              onChange={(next) => {
                setCases(next);
                changed();
              }}
              errors={caseErrors}
              error={checks.cases}
            />
            <Group>
              <Button type="submit" leftSection={<IconFileSearch size={16} aria-hidden />} loading={preview.isPending}>
                {t('exchange:preview.submit')}
              </Button>
              <Text size="xs" c="dimmed">
                {t('exchange:preview.auditNote')}
              </Text>
            </Group>
          </Stack>
        </form>
      </Paper>

      {noAgreement ? (
        <Alert
          color="red"
          variant="light"
          role="alert"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('exchange:preview.noAgreement.title')}
          data-testid="no-agreement"
        >
          <Stack gap="xs">
            {err.problem?.detail && (
              <Text size="sm" data-testid="no-agreement-detail">
                <Bidi>{err.problem.detail}</Bidi>
              </Text>
            )}
            <Text size="sm">{t('exchange:preview.noAgreement.body')}</Text>
            <Group>
              <Anchor component={Link} to={partnerId ? `/exchange/agreements?partner=${partnerId}` : '/exchange/agreements'} size="sm">
                {t('exchange:preview.noAgreement.toAgreements')}
              </Anchor>
            </Group>
          </Stack>
        </Alert>
      ) : isApiError(err) && err.status === 422 ? (
        <Alert color="red" variant="light" role="alert" data-testid="preview-invalid">
          <Text size="sm">{t('exchange:preview.invalid')}</Text>
          {otherErrors.length > 0 && (
            <List size="sm" mt={4}>
              {otherErrors.map((e) => (
                <List.Item key={e.field}>{e.message}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      ) : (
        <FormError error={err} />
      )}

      {preview.data && preview.variables && <PreviewResult preview={preview.data} request={preview.variables} cases={cases} />}
    </Stack>
  );
}

function PreviewResult({ preview, request, cases }: { preview: Preview; request: PreviewRequest; cases: readonly ChosenCase[] }) {
  const { t } = useTranslation();
  const [sending, setSending] = useState<Sending | null>(null);
  const partner = preview.agreement.partner_name;
  // exactly what was previewed: the partner, the scope and the cases in the order sent
  const open = () => {
    const refs = new Map(cases.map((c) => [c.id, c.reference]));
    setSending({
      partner: { id: request.partner_id, name: partner },
      scope: request.scope,
      cases: request.case_ids.map((id) => ({ id, reference: refs.get(id) })),
      agreementReference: preview.agreement.reference,
    });
  };
  return (
    <Stack data-testid="preview-result">
      <AgreementCard agreement={preview.agreement} title={t('exchange:preview.agreementTitle')} />
      <Paper withBorder p="sm">
        <Text size="sm" fw={600} mb={4}>
          {t('exchange:preview.classesTitle')}
        </Text>
        <Stack gap={4}>
          {(['non_nominal', 'nominal', 'local'] as const).map((c) => (
            <Group key={c} gap="xs" wrap="nowrap" align="flex-start">
              <FieldClassBadge value={c} />
              <Text size="xs">{t(`exchange:classHelp.${c}`)}</Text>
            </Group>
          ))}
        </Stack>
      </Paper>
      <Title order={2} size="h4">
        {t('exchange:preview.documents', { count: preview.documents.length, scope: t(`exchange:scopes.${preview.scope}`) })}
      </Title>
      {preview.documents.map((doc, i) => (
        <PreviewDocument key={i} doc={doc} fields={preview.fields} index={i} />
      ))}
      <Paper withBorder p="md" component="section" aria-labelledby="send-title" data-testid="send-section">
        <Group justify="space-between" align="center">
          <Stack gap={2}>
            <Title order={2} size="h4" id="send-title">
              {t('exchange:send.sectionTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('exchange:send.sectionBody')}
            </Text>
          </Stack>
          <Button leftSection={<IconSend size={16} aria-hidden />} onClick={open}>
            {t('exchange:send.open', { partner })}
          </Button>
        </Group>
      </Paper>
      <SendDialog sending={sending} direct onClose={() => setSending(null)} />
    </Stack>
  );
}
