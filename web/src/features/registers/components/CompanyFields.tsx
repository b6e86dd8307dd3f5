import type { ReactNode } from 'react';
import { ActionIcon, Button, Grid, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { codeOptions, useCodeBook } from '@/api/queries/codelists';
import { CodeSelect } from '@/components/CodeSelect';
import { ADDRESS_KINDS, TRADE_ID_KINDS, TRADE_IDS_NEEDING_COUNTRY } from '@/lib/codes';
import '@/i18n/companies';
import {
  COMPANY_LIMITS,
  emptyAddress,
  emptyFormerName,
  emptyIdentifier,
  legalFormCountry,
  legalFormCountryOf,
  type CompanyFormValues,
} from '../lib/recordForms';
import type { RecordFormApi } from './RecordForm';

type CompanyFormApi = RecordFormApi<CompanyFormValues>;

/** Identifiers are typed in monospace (the input only, not its label or messages). */
const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** A grid column: full width on a phone, `sm` of 12 from a tablet, `lg` of 12 on a wide screen. */
function Col({ sm = 6, lg, children }: { sm?: number; lg: number; children: ReactNode }) {
  return <Grid.Col span={{ base: 12, sm, lg }}>{children}</Grid.Col>;
}

/**
 * A list of rows the officer adds and removes (addresses, former names, identifiers): each row
 * a fieldset named "Address 2", with its remove button and any error about the row as a whole;
 * the list's own error (too many) above; "Add …" below, until the server's limit.
 */
function Rows({
  form,
  path,
  count,
  keyOf,
  legend,
  removeLabel,
  addLabel,
  empty,
  onAdd,
  max,
  testId,
  children,
}: {
  form: CompanyFormApi;
  path: 'addresses' | 'former_names' | 'identifiers';
  count: number;
  keyOf: (i: number) => string;
  legend: (n: number) => string;
  removeLabel: (n: number) => string;
  addLabel: string;
  empty: string;
  onAdd: () => void;
  max: number;
  testId: string;
  children: (i: number) => ReactNode;
}) {
  return (
    <Stack gap="sm">
      {form.errors[path] && (
        <Text c="red.8" size="sm" role="alert">
          {form.errors[path]}
        </Text>
      )}
      {count === 0 && (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
      {Array.from({ length: count }, (_, i) => (
        <Paper key={keyOf(i)} withBorder p="sm" component="fieldset" style={{ margin: 0 }} data-testid={testId}>
          <Group justify="space-between" mb="xs">
            <Text component="legend" fw={600} size="sm" style={{ float: 'inline-start', padding: 0 }}>
              {legend(i + 1)}
            </Text>
            <ActionIcon variant="subtle" color="red.9" onClick={() => form.removeListItem(path, i)} aria-label={removeLabel(i + 1)}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
          {form.errors[`${path}.${i}`] && (
            <Text c="red.8" size="sm" role="alert" mb="xs">
              {form.errors[`${path}.${i}`]}
            </Text>
          )}
          {children(i)}
        </Paper>
      ))}
      {count < max && (
        <Group>
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={onAdd}>
            {addLabel}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The company's postal addresses, a row each: type, street, postcode, city, country. */
export function AddressRows({ form }: { form: CompanyFormApi }) {
  const { t } = useTranslation();
  const addresses = form.values.addresses;
  const f = (i: number, field: string) => form.getInputProps(`addresses.${i}.${field}`);
  return (
    <Rows
      form={form}
      path="addresses"
      count={addresses.length}
      keyOf={(i) => addresses[i]?.key ?? String(i)}
      legend={(n) => t('companies:address.n', { n })}
      removeLabel={(n) => t('companies:address.remove', { n })}
      addLabel={t('companies:address.add')}
      empty={t('companies:address.none')}
      // the first address of a company is usually its registered office
      onAdd={() => form.insertListItem('addresses', emptyAddress(addresses.length === 0 ? 'registered' : null))}
      max={COMPANY_LIMITS.addresses}
      testId="address-fields"
    >
      {(i) => (
        <Grid gap="sm">
          <Col lg={3}>
            <Select
              label={t('companies:address.kind')}
              clearable
              data={ADDRESS_KINDS.map((k) => ({ value: k, label: t(`companies:address.kinds.${k}`) }))}
              comboboxProps={{ withinPortal: true }}
              {...f(i, 'kind')}
            />
          </Col>
          <Col lg={9}>
            <TextInput label={t('companies:address.street')} maxLength={300} {...f(i, 'street')} />
          </Col>
          <Col sm={4} lg={3}>
            <TextInput label={t('companies:address.postcode')} maxLength={20} {...f(i, 'postcode')} />
          </Col>
          <Col sm={8} lg={5}>
            <TextInput label={t('companies:address.city')} maxLength={100} {...f(i, 'city')} />
          </Col>
          <Col sm={12} lg={4}>
            <CodeSelect list="countries" label={t('companies:address.country')} {...f(i, 'country')} />
          </Col>
        </Grid>
      )}
    </Rows>
  );
}

/** The names the company went by before, each with the dates it was used (both optional). */
export function FormerNameRows({ form }: { form: CompanyFormApi }) {
  const { t } = useTranslation();
  const names = form.values.former_names;
  const f = (i: number, field: string) => form.getInputProps(`former_names.${i}.${field}`);
  return (
    <Rows
      form={form}
      path="former_names"
      count={names.length}
      keyOf={(i) => names[i]?.key ?? String(i)}
      legend={(n) => t('companies:formerName.n', { n })}
      removeLabel={(n) => t('companies:formerName.remove', { n })}
      addLabel={t('companies:formerName.add')}
      empty={t('companies:formerName.none')}
      onAdd={() => form.insertListItem('former_names', emptyFormerName())}
      max={COMPANY_LIMITS.former_names}
      testId="former-name-fields"
    >
      {(i) => (
        <Grid gap="sm">
          <Col sm={12} lg={6}>
            <TextInput label={t('companies:formerName.name')} withAsterisk maxLength={300} {...f(i, 'name')} />
          </Col>
          <Col lg={3}>
            <TextInput type="date" label={t('companies:formerName.from')} {...f(i, 'from')} />
          </Col>
          <Col lg={3}>
            <TextInput type="date" label={t('companies:formerName.until')} {...f(i, 'until')} />
          </Col>
        </Grid>
      )}
    </Rows>
  );
}

/**
 * Identifiers besides the three named fields (VAT, LEI, IBAN, AEO, other registrations), a row
 * each: kind, number, issuing country (required for registration and tax numbers, whose value
 * does not say it). The server checks the check digits and answers at the row's field.
 */
export function IdentifierRows({ form }: { form: CompanyFormApi }) {
  const { t } = useTranslation();
  const ids = form.values.identifiers;
  const f = (i: number, field: string) => form.getInputProps(`identifiers.${i}.${field}`);
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('companies:identifier.valueHelp')}
      </Text>
      <Rows
        form={form}
        path="identifiers"
        count={ids.length}
        keyOf={(i) => ids[i]?.key ?? String(i)}
        legend={(n) => t('companies:identifier.n', { n })}
        removeLabel={(n) => t('companies:identifier.remove', { n })}
        addLabel={t('companies:identifier.add')}
        empty={t('companies:identifier.none')}
        onAdd={() => form.insertListItem('identifiers', emptyIdentifier())}
        max={COMPANY_LIMITS.identifiers}
        testId="identifier-fields"
      >
        {(i) => {
          const kind = ids[i]?.kind ?? null;
          return (
            <Grid gap="sm">
              <Col lg={3}>
                <Select
                  label={t('companies:identifier.kind')}
                  withAsterisk
                  allowDeselect={false}
                  data={TRADE_ID_KINDS.map((k) => ({ value: k, label: t(`companies:identifier.kinds.${k}`) }))}
                  comboboxProps={{ withinPortal: true }}
                  {...f(i, 'kind')}
                />
              </Col>
              <Col lg={5}>
                <TextInput label={t('companies:identifier.value')} withAsterisk maxLength={64} styles={MONO} {...f(i, 'value')} />
              </Col>
              <Col sm={12} lg={4}>
                <CodeSelect
                  list="countries"
                  label={t('companies:identifier.country')}
                  withAsterisk={kind !== null && TRADE_IDS_NEEDING_COUNTRY.includes(kind)}
                  {...f(i, 'country')}
                />
              </Col>
            </Grid>
          );
        }}
      </Rows>
    </Stack>
  );
}

/**
 * The legal form, from the `legal_forms` entries of the country of incorporation (or else the
 * company's country); none is offered before a country is chosen. A recorded form stays shown.
 */
export function LegalFormSelect({ form }: { form: CompanyFormApi }) {
  const { t, i18n } = useTranslation();
  const book = useCodeBook('legal_forms');
  const country = legalFormCountry(form.values);
  const value = form.values.legal_form;
  const entries = book.entries.filter((e) => e.code === value || (country !== null && legalFormCountryOf(e) === country));
  return (
    <Select
      label={t('companies:fields.legal_form')}
      description={country ? t('companies:help.legalForm') : t('companies:help.legalFormNoCountry')}
      searchable
      clearable
      openOnFocus={false}
      data={codeOptions(entries, i18n.language, { keep: [value] })}
      nothingFoundMessage={book.isPending ? t('common.loading') : t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      {...form.getInputProps('legal_form')}
    />
  );
}

/**
 * The company's country, or its country of incorporation: choosing one also clears a legal
 * form that is not one of the new country's (the server refuses the pair as `country_mismatch`).
 */
export function CompanyCountrySelect({
  form,
  field,
  label,
  description,
}: {
  form: CompanyFormApi;
  field: 'country' | 'incorporation_country';
  label: string;
  description?: string;
}) {
  const book = useCodeBook('legal_forms');
  const props = form.getInputProps(field);
  const onChange = (value: string | null) => {
    props.onChange(value);
    const legalForm = form.values.legal_form;
    const next = legalFormCountry({ ...form.values, [field]: value });
    const of = legalForm ? legalFormCountryOf(book.entries.find((e) => e.code === legalForm)) : null;
    if (of && next && of !== next) form.setFieldValue('legal_form', null);
  };
  return <CodeSelect list="countries" label={label} description={description} {...props} onChange={onChange} />;
}
