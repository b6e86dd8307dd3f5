import type { ReactNode } from 'react';
import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCodeBook } from '@/api/queries/codelists';
import type { Company } from '@/api/types';
import { Data } from '@/components/Bidi';
import '@/i18n/companies';
import { addressLine, formerNameDates } from '@/lib/companies';
import { Card, Field, Fields, List } from './parts';

/** A labelled list of values, one a line (addresses, former names); a dash for none. */
function Lines({ label, testId, lines }: { label: string; testId: string; lines: ReactNode[] }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      {lines.length === 0 ? (
        <Text size="sm">—</Text>
      ) : (
        <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }} data-testid={testId}>
          {lines.map((line, i) => (
            <Text component="li" size="sm" key={i} style={{ wordBreak: 'break-word' }}>
              {line}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/**
 * What the company register holds of a company: its names (former ones with their dates),
 * country, legal form, incorporation and status; its identifiers (the other ones with their
 * kind and country); its addresses (one a line, with their type) and contacts; what it trades.
 */
export function CompanyDetails({ company: c }: { company: Company }) {
  const { t } = useTranslation();
  const countries = useCodeBook('countries');
  const roles = useCodeBook('company_roles');
  const legalForms = useCodeBook('legal_forms', !!c.legal_form);
  const sep = t('common.listSeparator');
  const country = (code: string) => countries.label(code);
  const identifiers = c.identifiers ?? [];
  return (
    <>
      <Card title={t('registers.details')}>
        <Fields>
          <Field label={t('registers.company.name')}>{c.name}</Field>
          <Field label={t('registers.company.aliases')}>
            <List items={c.aliases} />
          </Field>
          <Lines
            label={t('companies:fields.former_names')}
            testId="company-former-names"
            lines={(c.former_names ?? []).map((n) => {
              const dates = formerNameDates(n);
              return (
                <>
                  <Data>{n.name}</Data>
                  {dates && (
                    <>
                      {' ('}
                      <Data ltr>{dates}</Data>
                      {')'}
                    </>
                  )}
                </>
              );
            })}
          />
          <Field label={t('registers.company.country')}>{c.country ? country(c.country) : ''}</Field>
          <Field label={t('companies:fields.legal_form')}>{c.legal_form ? legalForms.label(c.legal_form) : ''}</Field>
          <Field label={t('companies:fields.incorporation')}>
            {[c.incorporation_country ? country(c.incorporation_country) : null, c.incorporated_on].filter(Boolean).join(sep)}
          </Field>
          <Field label={t('registers.company.status')}>
            {c.status
              ? c.status_since
                ? t('companies:status.since', { status: t(`registers.companyStatus.${c.status}`), date: c.status_since })
                : t(`registers.companyStatus.${c.status}`)
              : ''}
          </Field>
          <Field label={t('registers.company.activities')}>{(c.activities ?? []).map((a) => roles.label(a)).join(sep)}</Field>
          <Field label={t('registers.notes')}>{c.notes}</Field>
        </Fields>
      </Card>
      <Card title={t('registers.identifiers')}>
        <Stack gap="md">
          <Fields>
            <Field label={t('registers.company.registration_number')}>{c.registration_number}</Field>
            <Field label={t('registers.company.tax_id')}>{c.tax_id}</Field>
            <Field label={t('registers.company.eori')}>{c.eori}</Field>
          </Fields>
          {identifiers.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('companies:identifier.none')}
            </Text>
          ) : (
            <Table data-testid="company-identifiers" aria-label={t('companies:fields.identifiers')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('companies:identifier.kind')}</Table.Th>
                  <Table.Th scope="col">{t('companies:identifier.value')}</Table.Th>
                  <Table.Th scope="col">{t('companies:identifier.country')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {identifiers.map((i) => (
                  <Table.Tr key={`${i.kind}-${i.value}`}>
                    <Table.Td>{t(`companies:identifier.kinds.${i.kind}`, { defaultValue: i.kind })}</Table.Td>
                    <Table.Td ff="monospace">
                      <Data>{i.value}</Data>
                    </Table.Td>
                    <Table.Td>{i.country ? country(i.country) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Card>
      <Card title={t('registers.edit.contact')}>
        <Stack gap="sm">
          <Lines
            label={t('registers.company.addresses')}
            testId="company-addresses"
            lines={(c.addresses ?? []).map((a) => (
              <>
                {t(a.kind ? `companies:address.kinds.${a.kind}` : 'companies:address.noKind')}
                {t('companies:labelSeparator')}
                <Data>{addressLine(a, country)}</Data>
              </>
            ))}
          />
          <Fields>
            <Field label={t('companies:fields.phones')}>
              <List items={c.phones} />
            </Field>
            <Field label={t('companies:fields.emails')}>
              <List items={c.emails} />
            </Field>
            <Field label={t('companies:fields.websites')}>
              <List items={c.websites} />
            </Field>
          </Fields>
        </Stack>
      </Card>
      <Card title={t('companies:cards.trade')}>
        <Fields>
          <Field label={t('companies:fields.hs_chapters')}>
            <List items={c.hs_chapters} />
          </Field>
          <Field label={t('companies:fields.trade_countries')}>{(c.trade_countries ?? []).map(country).join(sep)}</Field>
        </Fields>
      </Card>
    </>
  );
}
