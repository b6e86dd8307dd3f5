import type { ReactNode } from 'react';
import { Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCodeBook } from '@/api/queries/codelists';
import { Data } from '@/components/Bidi';
import { isoDate } from '@/lib/validation';
import type { Agreement } from '../api/exchange';
import { formatDay } from '../lib/dates';
import { InForceBadge, ScopeBadge } from './parts';

/** An agreement's validity in words: "From 1 Mar 2026", or "1 Mar 2026 to 28 Feb 2027". */
export function Validity({ agreement }: { agreement: Pick<Agreement, 'valid_from' | 'valid_until'> }) {
  const { t, i18n } = useTranslation();
  const from = formatDay(agreement.valid_from, i18n.language);
  return (
    <span data-testid="validity">
      {agreement.valid_until
        ? t('exchange:agreements.validity.range', { from, until: formatDay(agreement.valid_until, i18n.language) })
        : t('exchange:agreements.validity.from', { from })}
    </span>
  );
}

/** The commodity groups an agreement covers, by name; none named: all. */
export function CommodityGroups({ codes }: { codes: readonly string[] }) {
  const { t } = useTranslation();
  const groups = useCodeBook('commodity_groups');
  if (codes.length === 0) {
    return (
      <Text size="sm" c="dimmed" span>
        {t('exchange:agreements.allGroups')}
      </Text>
    );
  }
  return <Data>{codes.map((c) => groups.label(c)).join(t('common.listSeparator'))}</Data>;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** The agreement an exchange rests on, in full: its partner, instrument, scope, purposes, groups and validity. */
export function AgreementCard({ agreement: a, title }: { agreement: Agreement; title: string }) {
  const { t } = useTranslation();
  const countries = useCodeBook('countries');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="agreement-card-title" data-testid="preview-agreement">
      <Group gap="xs" mb="sm" justify="space-between">
        <Group gap="xs">
          <IconScale size={18} aria-hidden />
          <Title order={2} size="h4" id="agreement-card-title">
            {title}
          </Title>
        </Group>
        <InForceBadge agreement={a} today={isoDate(new Date())} />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <Field label={t('exchange:agreements.columns.partner')}>
          <Data>{a.partner_name}</Data> (<Data>{countries.label(a.partner_country)}</Data>)
        </Field>
        <Field label={t('exchange:agreements.columns.instrument')}>
          {t(`exchange:instruments.${a.instrument}`)}
          {t('exchange:agreements.referenceSeparator')}
          <Data>{a.reference}</Data>
        </Field>
        <Field label={t('exchange:agreements.columns.scope')}>
          <ScopeBadge scope={a.scope} />
        </Field>
        <Field label={t('exchange:agreements.columns.groups')}>
          <CommodityGroups codes={a.commodity_groups} />
        </Field>
        <Field label={t('exchange:agreements.columns.validity')}>
          <Validity agreement={a} />
        </Field>
        <Field label={t('exchange:agreements.purposes')}>
          {a.purposes.length === 0 ? (
            '—'
          ) : (
            <List size="sm">
              {a.purposes.map((p) => (
                <List.Item key={p}>
                  <Data>{p}</Data>
                </List.Item>
              ))}
            </List>
          )}
        </Field>
      </SimpleGrid>
      {a.notes && (
        <Text size="sm" c="dimmed" mt="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
          {a.notes}
        </Text>
      )}
    </Paper>
  );
}
