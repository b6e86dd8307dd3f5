import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPhoneCall } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError, isStale } from '@/api/errors';
import { CodeSelect } from '@/components/CodeSelect';
import { FREE_TEXT } from '@/components/freeText';
import { FormError } from '@/components/states';
import { StaleVersionAlert } from '@/components/StaleVersionAlert';
import { useCreatePartner, useUpdatePartner, type Partner, type PartnerPatch } from '../api/exchange';
import { applyExchangeErrors } from '../lib/problems';

/** The example address the endpoint field shows (not a translation: an address). */
const ENDPOINT_PLACEHOLDER = 'https://ncen.example.org';
const HEX64 = /^[0-9a-fA-F]{64}$/;

interface PartnerValues {
  country: string;
  name: string;
  endpoint: string;
  public_key: string;
  fingerprint: string;
  contact: string;
}

const CREATE_FIELDS = ['country', 'name', 'endpoint', 'public_key', 'fingerprint', 'contact'];
const EDIT_FIELDS = ['name', 'endpoint', 'contact'];

type T = (key: string, options?: Record<string, unknown>) => string;

const required = (t: T) => (v: string) => (v.trim() ? null : t('validation.required'));
const endpoint = (t: T) => (v: string) =>
  !v.trim() ? t('validation.required') : /^https?:\/\/\S+$/.test(v.trim()) ? null : t('exchange:errors.endpointFormat');
const tooLong = (t: T, max: number) => (v: string) => (v.trim().length > max ? t('validation.tooLong', { max }) : null);

/**
 * Registers a partner administration: its country, name and nCEN address, the public key it
 * gave out of band, and the fingerprint it read out to the liaison officer, which the server
 * checks is the key's own (`fingerprint: mismatch`, explained at the field).
 */
export function RegisterPartnerModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreatePartner();
  const [generalError, setGeneralError] = useState<unknown>(null);
  const form = useForm<PartnerValues>({
    mode: 'controlled',
    initialValues: { country: '', name: '', endpoint: '', public_key: '', fingerprint: '', contact: '' },
    validate: {
      country: required(t),
      name: (v) => required(t)(v) ?? tooLong(t, 200)(v),
      endpoint: (v) => endpoint(t)(v) ?? tooLong(t, 500)(v),
      public_key: (v) => required(t)(v) ?? (HEX64.test(v.replace(/\s/g, '')) ? null : t('exchange:errors.keyFormat')),
      fingerprint: required(t),
      contact: tooLong(t, 500),
    },
  });
  const close = () => {
    form.reset();
    setGeneralError(null);
    create.reset();
    onClose();
  };
  const submit = form.onSubmit((v) => {
    setGeneralError(null);
    create.mutate(
      {
        country: v.country,
        name: v.name.trim(),
        endpoint: v.endpoint.trim(),
        public_key: v.public_key.replace(/\s/g, ''),
        fingerprint: v.fingerprint.trim(),
        contact: v.contact.trim() || null,
      },
      {
        onSuccess: (p) => {
          notifications.show({ color: 'green', message: t('exchange:partners.created', { name: p.name }) });
          close();
        },
        onError: (err) => {
          // the key is already registered: said at the key
          if (isApiError(err) && err.status === 409) return form.setFieldError('public_key', t('exchange:errors.duplicateKey'));
          if (!applyExchangeErrors(form, err, CREATE_FIELDS, t)) setGeneralError(err);
        },
      },
    );
  });
  return (
    <Modal opened={opened} onClose={close} title={t('exchange:partners.form.registerTitle')} size="lg">
      <form onSubmit={submit} noValidate data-testid="register-partner-form">
        <Stack gap="sm">
          <FormError error={generalError} />
          <CodeSelect list="countries" label={t('exchange:partners.form.country')} withAsterisk {...form.getInputProps('country')} />
          <TextInput label={t('exchange:partners.form.name')} withAsterisk {...form.getInputProps('name')} {...FREE_TEXT} />
          <TextInput
            label={t('exchange:partners.form.endpoint')}
            description={t('exchange:partners.form.endpointHelp')}
            placeholder={ENDPOINT_PLACEHOLDER}
            withAsterisk
            dir="ltr"
            {...form.getInputProps('endpoint')}
          />
          <Textarea
            label={t('exchange:partners.form.publicKey')}
            description={t('exchange:partners.form.publicKeyHelp')}
            withAsterisk
            autosize
            minRows={2}
            dir="ltr"
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.getInputProps('public_key')}
          />
          <Alert variant="light" color="orange" icon={<IconPhoneCall size={18} aria-hidden />} p="xs" data-testid="fingerprint-note">
            <Text size="sm">{t('exchange:partners.form.fingerprintNote')}</Text>
          </Alert>
          <TextInput
            label={t('exchange:partners.form.fingerprint')}
            description={t('exchange:partners.form.fingerprintHelp')}
            withAsterisk
            dir="ltr"
            spellCheck={false}
            autoComplete="off"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.getInputProps('fingerprint')}
          />
          <Textarea
            label={t('exchange:partners.form.contact')}
            description={t('exchange:partners.form.contactHelp')}
            autosize
            minRows={2}
            {...form.getInputProps('contact')}
            {...FREE_TEXT}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('exchange:partners.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Renames a partner, moves its endpoint or changes its contact (a new key is a new partner). */
export function EditPartnerModal({ partner, onClose }: { partner: Partner | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={!!partner}
      onClose={onClose}
      title={partner ? t('exchange:partners.form.editTitle', { name: partner.name }) : ''}
      size="lg"
    >
      {partner && <EditPartnerForm key={`${partner.id}:${partner.version}`} partner={partner} onDone={onClose} />}
    </Modal>
  );
}

function EditPartnerForm({ partner, onDone }: { partner: Partner; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdatePartner();
  const [generalError, setGeneralError] = useState<unknown>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: partner.name, endpoint: partner.endpoint, contact: partner.contact ?? '' },
    validate: {
      name: (v: string) => required(t)(v) ?? tooLong(t, 200)(v),
      endpoint: (v: string) => endpoint(t)(v) ?? tooLong(t, 500)(v),
      contact: tooLong(t, 500),
    },
  });
  const submit = form.onSubmit((v) => {
    setGeneralError(null);
    const patch: PartnerPatch = {};
    if (v.name.trim() !== partner.name) patch.name = v.name.trim();
    if (v.endpoint.trim() !== partner.endpoint) patch.endpoint = v.endpoint.trim();
    const contact = v.contact.trim() || null;
    if (contact !== (partner.contact ?? null)) patch.contact = contact;
    if (Object.keys(patch).length === 0) return onDone();
    update.mutate(
      { partner, patch },
      {
        onSuccess: (p) => {
          notifications.show({ color: 'green', message: t('exchange:partners.saved', { name: p.name }) });
          onDone();
        },
        onError: (err) => {
          if (!applyExchangeErrors(form, err, EDIT_FIELDS, t)) setGeneralError(err);
        },
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate data-testid="edit-partner-form">
      <Stack gap="sm">
        {isStale(generalError) ? <StaleVersionAlert onReload={onDone} /> : <FormError error={generalError} />}
        <Text size="sm" c="dimmed">
          {t('exchange:partners.form.keyNote')}
        </Text>
        <TextInput label={t('exchange:partners.form.name')} withAsterisk {...form.getInputProps('name')} {...FREE_TEXT} />
        <TextInput
          label={t('exchange:partners.form.endpoint')}
          description={t('exchange:partners.form.endpointHelp')}
          placeholder={ENDPOINT_PLACEHOLDER}
          withAsterisk
          dir="ltr"
          {...form.getInputProps('endpoint')}
        />
        <Textarea
          label={t('exchange:partners.form.contact')}
          description={t('exchange:partners.form.contactHelp')}
          autosize
          minRows={2}
          {...form.getInputProps('contact')}
          {...FREE_TEXT}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
