import { useState } from 'react';
import { Alert, Anchor, Button, Group, List, Modal, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconSend, IconUserCheck } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { Bidi, Data } from '@/components/Bidi';
import { FREE_TEXT } from '@/components/freeText';
import { FormError } from '@/components/states';
import { useCaseRef } from '../api/cases';
import { useSend, type Scope } from '../api/exchange';
import { exchangeFieldMessage } from '../lib/problems';
import { Field, ScopeBadge } from './parts';

/** The longest note the server takes. */
const MAX_NOTE = 2000;

/** What leaves: the partner, the scope and the cases (in the order sent), as previewed or chosen. */
export interface Sending {
  partner: { id: string; name: string };
  scope: Scope;
  cases: readonly { id: string; reference?: string }[];
  /** the agreement the preview found, when there was one */
  agreementReference?: string;
}

/**
 * A key for `Idempotency-Key`, one per dialog: a retry of the same send (an answer lost on the
 * way) sends nothing twice. `crypto.randomUUID` needs a secure context, which a closed network
 * served over http may not be; `getRandomValues` does not.
 */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * "Send to <partner>" (a liaison officer: signed and queued at once) or "Request sending" (an
 * investigator: a liaison officer must approve it first): what leaves, an optional note, and the
 * server's refusal said plainly (no agreement in force, a case not validated). Opens the
 * package's page in the outbox once recorded.
 */
export function SendDialog({ sending, direct, onClose }: { sending: Sending | null; direct: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const name = sending?.partner.name ?? '';
  return (
    <Modal
      opened={!!sending}
      onClose={onClose}
      size="lg"
      title={direct ? t('exchange:send.title', { partner: name }) : t('exchange:send.requestTitle', { partner: name })}
    >
      {sending && <SendForm sending={sending} direct={direct} onCancel={onClose} />}
    </Modal>
  );
}

function SendForm({ sending, direct, onCancel }: { sending: Sending; direct: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const send = useSend();
  const [key] = useState(newKey);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const sep = t('common.listSeparator');

  const submit = () => {
    const text = note.trim();
    if (text.length > MAX_NOTE) return setNoteError(t('validation.tooLong', { max: MAX_NOTE }));
    setNoteError(null);
    send.mutate(
      {
        key,
        body: { partner_id: sending.partner.id, scope: sending.scope, case_ids: sending.cases.map((c) => c.id), note: text || null },
      },
      {
        onSuccess: (p) => {
          notifications.show({
            color: 'green',
            message: p.status === 'awaiting_approval' ? t('exchange:send.requested') : t('exchange:send.sent', { partner: p.partner_name }),
          });
          void navigate(`/exchange/outbox/${p.id}`);
        },
      },
    );
  };

  return (
    <form
      noValidate
      data-testid="send-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Field label={t('exchange:send.partner')}>
            <Data>{sending.partner.name}</Data>
          </Field>
          <Field label={t('exchange:send.scope')}>
            <ScopeBadge scope={sending.scope} />
          </Field>
          <Field label={t('exchange:send.cases')} testId="send-cases">
            {sending.cases.map((c, i) => (
              <span key={c.id}>
                {i > 0 && sep}
                <CaseReference id={c.id} reference={c.reference} />
              </span>
            ))}
          </Field>
          {sending.agreementReference && (
            <Field label={t('exchange:send.agreement')}>
              <Data>{sending.agreementReference}</Data>
            </Field>
          )}
        </SimpleGrid>
        <Alert
          variant="light"
          color={direct ? 'ncen' : 'orange'}
          icon={direct ? <IconSend aria-hidden /> : <IconUserCheck aria-hidden />}
          data-testid={direct ? 'send-direct' : 'send-four-eyes'}
        >
          <Text size="sm">{direct ? t('exchange:send.direct') : t('exchange:send.fourEyes')}</Text>
        </Alert>
        <Textarea
          label={t('exchange:send.note')}
          description={direct ? t('exchange:send.noteHelp') : t('exchange:send.noteHelpRequest')}
          autosize
          minRows={2}
          maxRows={8}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={noteError}
          data-autofocus
          {...FREE_TEXT}
        />
        <SendError error={send.error} sending={sending} direct={direct} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" leftSection={<IconSend size={16} aria-hidden />} loading={send.isPending}>
            {direct ? t('exchange:send.submit') : t('exchange:send.submitRequest')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Why the server refused: no agreement covers it (with its reason), cases it will not send (by reference), or anything else. */
function SendError({ error, sending, direct }: { error: unknown; sending: Sending; direct: boolean }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isApiError(error) && error.status === 409 && error.code === 'no_agreement') {
    return (
      <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />} title={t('exchange:send.noAgreement')} data-testid="send-no-agreement">
        <Stack gap="xs">
          {error.problem?.detail && (
            <Text size="sm">
              <Bidi>{error.problem.detail}</Bidi>
            </Text>
          )}
          {direct && (
            <Anchor component={Link} to={`/exchange/agreements?partner=${sending.partner.id}`} size="sm">
              {t('exchange:preview.noAgreement.toAgreements')}
            </Anchor>
          )}
        </Stack>
      </Alert>
    );
  }
  if (isApiError(error) && error.status === 422 && (error.problem?.errors?.length ?? 0) > 0) {
    return (
      <Alert color="red" variant="light" role="alert" data-testid="send-invalid">
        <Text size="sm">{t('exchange:send.invalid')}</Text>
        <List size="sm" mt={4}>
          {(error.problem?.errors ?? []).map((e, i) => {
            const m = /^case_ids\[(\d+)\]$/.exec(e.field);
            const c = m ? sending.cases[Number(m[1])] : undefined;
            if (!c) return <List.Item key={i}>{exchangeFieldMessage(t, e)}</List.Item>;
            const known = e.code === 'not_validated' || e.code === 'not_found';
            return (
              <List.Item key={i}>
                <CaseReference id={c.id} reference={c.reference} />
                {t('exchange:agreements.referenceSeparator')}
                {known ? t(`exchange:preview.caseErrors.${e.code}`) : exchangeFieldMessage(t, e)}
              </List.Item>
            );
          })}
        </List>
      </Alert>
    );
  }
  return <FormError error={error} />;
}

/** A case's reference, read (from the cache the case chooser filled) when only its id is known. */
function CaseReference({ id, reference }: { id: string; reference?: string }) {
  const ref = useCaseRef(reference ? null : id);
  const shown = reference ?? ref.data?.reference;
  return shown ? <Data>{shown}</Data> : <Data ltr>{id}</Data>;
}
