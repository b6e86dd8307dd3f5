import { Fragment, type ReactNode } from 'react';
import { Alert, Anchor, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CaseAppearance } from '@/api/types';
import { Bidi, Data } from '@/components/Bidi';
import { CaseStatusBadge } from '@/components/CaseStatusBadge';
import { EmptyState } from '@/components/states';
import { formatDateTime } from '@/lib/format';

/** A labelled value, isolated: in Arabic a Latin name, number or address keeps its order. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {children ? <Bidi>{children}</Bidi> : '—'}
      </Text>
    </Stack>
  );
}

export function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function Fields({ children }: { children: ReactNode }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
      {children}
    </SimpleGrid>
  );
}

/** Every case the record appears in, with its role there. */
export function CaseAppearances({ cases, roleLabel }: { cases: readonly CaseAppearance[]; roleLabel: (role: string) => string }) {
  const { t, i18n } = useTranslation();
  return (
    <Card title={t('registers.cases', { count: cases.length })}>
      {cases.length === 0 ? (
        <EmptyState title={t('registers.noCases')} />
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped data-testid="record-cases" aria-label={t('registers.casesLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('seizures.fields.reference')}</Table.Th>
                <Table.Th scope="col">{t('registers.role')}</Table.Th>
                <Table.Th scope="col">{t('seizures.fields.detected_at')}</Table.Th>
                <Table.Th scope="col">{t('seizures.fields.kind')}</Table.Th>
                <Table.Th scope="col">{t('seizures.fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cases.map((c) => (
                <Table.Tr key={`${c.case_id}-${c.role}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/seizures/${c.case_id}`} ff="monospace">
                      <Data>{c.reference}</Data>
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{roleLabel(c.role)}</Table.Td>
                  <Table.Td>{formatDateTime(c.detected_at, i18n.language)}</Table.Td>
                  <Table.Td>{t(`seizures.kinds.${c.kind}`, { defaultValue: c.kind })}</Table.Td>
                  <Table.Td>
                    <CaseStatusBadge status={c.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/** Recorded values (aliases, addresses, phones), each isolated. */
export function List({ items }: { items: readonly string[] | null | undefined }) {
  const { t } = useTranslation();
  // an element is never blank for Field, so an empty list shows its own dash
  if (!items?.length) return <>—</>;
  return (
    <>
      {items.map((item, i) => (
        <Fragment key={i}>
          {i > 0 && t('common.listSeparator')}
          <Data>{item}</Data>
        </Fragment>
      ))}
    </>
  );
}

/**
 * Why the record cannot be corrected by the caller: a validated case of another unit links it
 * (the detail's `correction_locked`, or a PATCH refused with 403 `validated_elsewhere`).
 */
export function CorrectionLockedNote() {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" icon={<IconLock aria-hidden />} data-testid="correction-locked">
      {t('registers.correctionLocked')}
    </Alert>
  );
}
