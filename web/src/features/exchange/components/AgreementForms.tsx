import { useState } from 'react';
import { Button, Group, Modal, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { isStale } from '@/api/errors';
import { CodeMultiSelect } from '@/components/CodeSelect';
import { Data } from '@/components/Bidi';
import { FREE_TEXT } from '@/components/freeText';
import { FormError } from '@/components/states';
import { StaleVersionAlert } from '@/components/StaleVersionAlert';
import { isEmptyPatch, mergePatch } from '@/lib/patch';
import { isoDate } from '@/lib/validation';
import {
  INSTRUMENTS,
  SCOPES,
  useCreateAgreement,
  useUpdateAgreement,
  type Agreement,
  type AgreementPatch,
  type Instrument,
  type NewAgreement,
  type Partner,
  type Scope,
} from '../api/exchange';
import { formatDay } from '../lib/dates';
import { applyExchangeErrors } from '../lib/problems';

interface AgreementValues {
  partner_id: string;
  instrument: string;
  reference: string;
  /** one purpose a line */
  purposes: string;
  scope: Scope;
  commodity_groups: string[];
  valid_from: string;
  valid_until: string;
  notes: string;
}

const FIELDS = ['partner_id', 'instrument', 'reference', 'purposes', 'scope', 'commodity_groups', 'valid_from', 'valid_until', 'notes'];
const MAX_PURPOSES = 20;
const MAX_GROUPS = 20;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type T = (key: string, options?: Record<string, unknown>) => string;

function purposesOf(text: string): string[] {
  return [...new Set(text.split('\n').map((l) => l.trim()).filter(Boolean))];
}

function validators(t: T, withPartner: boolean) {
  return {
    partner_id: (v: string) => (withPartner && !v ? t('validation.required') : null),
    instrument: (v: string) => (v ? null : t('validation.required')),
    reference: (v: string) => (!v.trim() ? t('validation.required') : v.trim().length > 200 ? t('validation.tooLong', { max: 200 }) : null),
    purposes: (v: string) => {
      const items = purposesOf(v);
      if (items.length > MAX_PURPOSES) return t('exchange:errors.tooManyPurposes');
      return items.some((p) => p.length > 200) ? t('validation.tooLong', { max: 200 }) : null;
    },
    commodity_groups: (v: string[]) => (v.length > MAX_GROUPS ? t('exchange:errors.tooManyGroups') : null),
    valid_from: (v: string) => (!v ? t('validation.required') : DAY.test(v) ? null : t('exchange:errors.day')),
    valid_until: (v: string, all: AgreementValues) =>
      !v ? null : !DAY.test(v) ? t('exchange:errors.day') : all.valid_from && v < all.valid_from ? t('exchange:errors.beforeStart') : null,
    notes: (v: string) => (v.trim().length > 4000 ? t('validation.tooLong', { max: 4000 }) : null),
  };
}

/** An agreement's fields, whole (a new one's, or an edited one's before and after). */
type Fields = Omit<NewAgreement, 'partner_id'>;

/** The agreement's fields as the API takes them (a new one's, or the whole of an edited one's). */
function toFields(v: AgreementValues): Fields {
  return {
    instrument: v.instrument as Instrument,
    reference: v.reference.trim(),
    purposes: purposesOf(v.purposes),
    scope: v.scope,
    commodity_groups: v.commodity_groups,
    valid_from: v.valid_from,
    valid_until: v.valid_until || null,
    notes: v.notes.trim() || null,
  };
}

function fieldsOf(a: Agreement): Fields {
  return {
    instrument: a.instrument,
    reference: a.reference,
    purposes: a.purposes,
    scope: a.scope,
    commodity_groups: a.commodity_groups,
    valid_from: a.valid_from,
    valid_until: a.valid_until ?? null,
    notes: a.notes ?? null,
  };
}

function valuesOf(a: Agreement | null, partnerId: string | null): AgreementValues {
  return {
    partner_id: a?.partner_id ?? partnerId ?? '',
    instrument: a?.instrument ?? '',
    reference: a?.reference ?? '',
    purposes: a?.purposes.join('\n') ?? '',
    scope: a?.scope ?? 'non_nominal',
    commodity_groups: a?.commodity_groups ?? [],
    valid_from: a?.valid_from ?? isoDate(new Date()),
    valid_until: a?.valid_until ?? '',
    notes: a?.notes ?? '',
  };
}

/**
 * Records an agreement with a partner (`agreement` null), or corrects one: its instrument and
 * reference, what the data may be used for, the scope, the commodity groups it covers (none:
 * all) and its validity.
 */
export function AgreementModal({
  opened,
  agreement,
  partners,
  partnerId,
  onClose,
}: {
  opened: boolean;
  agreement: Agreement | null;
  partners: readonly Partner[];
  /** the partner a new agreement is preset to (the page's filter) */
  partnerId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={agreement ? t('exchange:agreements.form.editTitle', { reference: agreement.reference }) : t('exchange:agreements.form.createTitle')}
      size="lg"
    >
      {opened && (
        <AgreementForm key={agreement ? `${agreement.id}:${agreement.version}` : 'new'} agreement={agreement} partners={partners} partnerId={partnerId} onDone={onClose} />
      )}
    </Modal>
  );
}

function AgreementForm({
  agreement,
  partners,
  partnerId,
  onDone,
}: {
  agreement: Agreement | null;
  partners: readonly Partner[];
  partnerId: string | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateAgreement();
  const update = useUpdateAgreement();
  const [generalError, setGeneralError] = useState<unknown>(null);
  const form = useForm<AgreementValues>({
    mode: 'controlled',
    initialValues: valuesOf(agreement, partnerId),
    validate: validators(t, !agreement),
  });
  const fail = (err: unknown) => {
    if (!applyExchangeErrors(form, err, FIELDS, t)) setGeneralError(err);
  };
  const submit = form.onSubmit((v) => {
    setGeneralError(null);
    const fields = toFields(v);
    if (!agreement) {
      create.mutate(
        { partner_id: v.partner_id, ...fields },
        {
          onSuccess: (a) => {
            notifications.show({ color: 'green', message: t('exchange:agreements.created', { reference: a.reference }) });
            onDone();
          },
          onError: fail,
        },
      );
      return;
    }
    const patch = mergePatch(fieldsOf(agreement), fields) as AgreementPatch;
    if (isEmptyPatch(patch)) return onDone();
    update.mutate(
      { agreement, patch },
      {
        onSuccess: (a) => {
          notifications.show({ color: 'green', message: t('exchange:agreements.saved', { reference: a.reference }) });
          onDone();
        },
        onError: fail,
      },
    );
  });
  const partnerOptions = partners.map((p) => ({ value: p.id, label: p.name }));
  const v = form.getValues();
  return (
    <form onSubmit={submit} noValidate data-testid="agreement-form">
      <Stack gap="sm">
        {isStale(generalError) ? <StaleVersionAlert onReload={onDone} /> : <FormError error={generalError} />}
        {agreement ? (
          <Stack gap={0}>
            <Text size="xs" c="dimmed" fw={600}>
              {t('exchange:agreements.form.partner')}
            </Text>
            <Text size="sm">
              <Data>{agreement.partner_name}</Data>
            </Text>
          </Stack>
        ) : (
          <Select
            label={t('exchange:agreements.form.partner')}
            withAsterisk
            searchable
            data={partnerOptions}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('partner_id')}
          />
        )}
        <Select
          label={t('exchange:agreements.form.instrument')}
          withAsterisk
          data={INSTRUMENTS.map((i) => ({ value: i, label: t(`exchange:instruments.${i}`) }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('instrument')}
        />
        <TextInput
          label={t('exchange:agreements.form.reference')}
          description={t('exchange:agreements.form.referenceHelp')}
          withAsterisk
          {...form.getInputProps('reference')}
          {...FREE_TEXT}
        />
        <Textarea
          label={t('exchange:agreements.form.purposes')}
          description={t('exchange:agreements.form.purposesHelp')}
          autosize
          minRows={2}
          {...form.getInputProps('purposes')}
          {...FREE_TEXT}
        />
        <Radio.Group label={t('exchange:agreements.form.scope')} withAsterisk {...form.getInputProps('scope')}>
          <Stack gap={6} mt={4}>
            {SCOPES.map((s) => (
              <Radio key={s} value={s} label={t(`exchange:scopes.${s}`)} description={t(`exchange:scopeHelp.${s}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <CodeMultiSelect
          list="commodity_groups"
          label={t('exchange:agreements.form.commodityGroups')}
          description={t('exchange:agreements.form.commodityGroupsHelp')}
          {...form.getInputProps('commodity_groups')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput type="date" label={t('exchange:agreements.form.validFrom')} withAsterisk {...form.getInputProps('valid_from')} />
          <TextInput
            type="date"
            label={t('exchange:agreements.form.validUntil')}
            description={t('exchange:agreements.form.validUntilHelp')}
            min={v.valid_from || undefined}
            {...form.getInputProps('valid_until')}
          />
        </SimpleGrid>
        <Textarea label={t('exchange:agreements.form.notes')} autosize minRows={2} {...form.getInputProps('notes')} {...FREE_TEXT} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {agreement ? t('common.save') : t('exchange:agreements.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Ending an agreement is setting its last day in force (today by default); it stays on record. */
export function EndAgreementModal({ agreement, onClose }: { agreement: Agreement | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={!!agreement} onClose={onClose} title={t('exchange:agreements.end.title')}>
      {agreement && <EndForm key={`${agreement.id}:${agreement.version}`} agreement={agreement} onDone={onClose} />}
    </Modal>
  );
}

function EndForm({ agreement, onDone }: { agreement: Agreement; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateAgreement();
  const today = isoDate(new Date());
  const [day, setDay] = useState(agreement.valid_from > today ? agreement.valid_from : today);
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (!DAY.test(day)) return setError(t('exchange:errors.day'));
    if (day < agreement.valid_from) return setError(t('exchange:errors.beforeStart'));
    setError(null);
    update.mutate(
      { agreement, patch: { valid_until: day } },
      {
        onSuccess: (a) => {
          notifications.show({
            color: 'green',
            message: t('exchange:agreements.end.done', { reference: a.reference, date: formatDay(a.valid_until, i18n.language) }),
          });
          onDone();
        },
      },
    );
  };
  return (
    <form
      noValidate
      data-testid="end-agreement-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('exchange:agreements.end.body', { reference: agreement.reference })}</Text>
        <TextInput
          type="date"
          label={t('exchange:agreements.end.date')}
          min={agreement.valid_from}
          value={day}
          onChange={(e) => setDay(e.currentTarget.value)}
          error={error}
          data-autofocus
        />
        {isStale(update.error) ? <StaleVersionAlert onReload={onDone} /> : <FormError error={update.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red.9" loading={update.isPending}>
            {t('exchange:agreements.end.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
