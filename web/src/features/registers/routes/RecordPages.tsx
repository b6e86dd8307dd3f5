import type { ReactNode } from 'react';
import { Anchor, Badge, Breadcrumbs, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCodeBook } from '@/api/queries/codelists';
import { useMe } from '@/api/queries/me';
import { AlertNoticesSlot } from '@/components/AlertNoticesSlot';
import { Bidi, Data } from '@/components/Bidi';
import { LinkAnalysisButton } from '@/components/LinkAnalysisButton';
import { OpenInvestigationButton } from '@/components/OpenInvestigationButton';
import { ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useCompany, useConveyance, usePerson, type Register } from '../api/registers';
import { CompanyDetails } from '../components/CompanyDetails';
import { CompanyTabs } from '../components/company/CompanyTabs';
import { MergedBanner } from '../components/MergedBanner';
import { ReceivedFromPartners } from '../components/ReceivedFromPartners';
import { Card, CaseAppearances, CorrectionLockedNote, Field, Fields, List } from '../components/parts';
import { RecordHistory } from '../components/RecordHistory';
import { RecordMerges } from '../components/RecordMerges';
import { CompanyRiskBadge } from '../components/RiskBadge';
import { personName } from '../lib/recordForms';
import { CompanyCreatePage, PersonCreatePage } from './RecordCreatePages';

function Header({
  register,
  id,
  title,
  subtitle,
  updatedAt,
  locked,
  badges,
}: {
  register: Register;
  id: string;
  title: string;
  subtitle?: string;
  updatedAt: string;
  /** `correction_locked`: a validated case of another unit links the record. */
  locked: boolean;
  badges?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const writer = can(me, 'registers.write');
  return (
    <>
      <Breadcrumbs>
        <Anchor component={Link} to={`/registers?register=${register}`}>
          {t(`registers.tabs.${register}`)}
        </Anchor>
        <Text>
          <Data>{title}</Data>
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} size="h2" data-testid="record-title">
              <Data>{title}</Data>
            </Title>
            {badges}
          </Group>
          {subtitle && (
            <Text c="dimmed">
              <Bidi>{subtitle}</Bidi>
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t('registers.updated', { when: formatDateTime(updatedAt, i18n.language) })}
          </Text>
        </Stack>
        {/* the server's rule: registers.write (officers, investigators, supervisors), unless a
            validated case of another unit links the record (then only its supervisors) */}
        <Group gap="xs">
          <OpenInvestigationButton
            personId={register === 'persons' ? id : undefined}
            companyId={register === 'companies' ? id : undefined}
            conveyanceId={register === 'conveyances' ? id : undefined}
          />
          <LinkAnalysisButton node={`${register === 'persons' ? 'person' : register === 'companies' ? 'company' : 'conveyance'}:${id}`} />
          {writer && !locked && (
            <Button component={Link} to={`/registers/${register}/${id}/edit`} variant="default" leftSection={<IconEdit size={16} aria-hidden />}>
              {t('common.edit')}
            </Button>
          )}
        </Group>
      </Group>
      {writer && locked && <CorrectionLockedNote />}
    </>
  );
}

/*
 * `/registers/persons/new` and `/registers/companies/new` are the creation pages: the router
 * has one `:id` route per register, and a record id is a UUID, never `new`. An explicit
 * `persons/new` route would take precedence over this and lose nothing.
 */
const NEW = 'new';

export function PersonPage() {
  const { id = '' } = useParams();
  return id === NEW ? <PersonCreatePage /> : <PersonRecordPage id={id} />;
}

function PersonRecordPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = usePerson(id);
  const countries = useCodeBook('countries');
  const docTypes = useCodeBook('document_types');
  const roles = useCodeBook('person_roles');
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data;
  const name = personName(p);
  return (
    <Stack>
      {/* the id asked was merged into this record: the API answered the survivor */}
      {p.id !== id && <MergedBanner label={name} />}
      <AlertNoticesSlot recordId={p.id} />
      <Header register="persons" id={p.id} title={name} subtitle={p.original_script_name ?? undefined} updatedAt={p.updated_at} locked={p.correction_locked} />
      <Card title={t('registers.details')}>
        <Fields>
          <Field label={t('registers.person.family_name')}>{p.family_name}</Field>
          <Field label={t('registers.person.given_names')}>{p.given_names}</Field>
          <Field label={t('registers.person.aliases')}>
            <List items={p.aliases} />
          </Field>
          <Field label={t('registers.person.date_of_birth')}>{p.date_of_birth}</Field>
          <Field label={t('registers.person.place_of_birth')}>{p.place_of_birth}</Field>
          <Field label={t('registers.person.gender')}>{p.gender ? t(`seizures.genders.${p.gender}`) : ''}</Field>
          <Field label={t('registers.person.nationalities')}>
            {(p.nationalities ?? []).map((n) => countries.label(n)).join(t('common.listSeparator'))}
          </Field>
          <Field label={t('registers.person.addresses')}>
            <List items={p.addresses} />
          </Field>
          <Field label={t('registers.person.phones')}>
            <List items={p.phones} />
          </Field>
          <Field label={t('registers.person.emails')}>
            <List items={p.emails} />
          </Field>
          <Field label={t('registers.notes')}>{p.notes}</Field>
        </Fields>
      </Card>
      <Card title={t('registers.identifiers')}>
        {(p.documents ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('registers.noIdentifiers')}
          </Text>
        ) : (
          <Table data-testid="person-documents" aria-label={t('registers.identifiers')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('registers.document.type')}</Table.Th>
                <Table.Th scope="col">{t('registers.document.number')}</Table.Th>
                <Table.Th scope="col">{t('registers.document.country')}</Table.Th>
                <Table.Th scope="col">{t('registers.document.expires')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(p.documents ?? []).map((d, i) => (
                <Table.Tr key={`${d.number}-${i}`}>
                  <Table.Td>{docTypes.label(d.document_type)}</Table.Td>
                  <Table.Td ff="monospace">
                    <Data>{d.number}</Data>
                  </Table.Td>
                  <Table.Td>{d.issuing_country ? countries.label(d.issuing_country) : '—'}</Table.Td>
                  <Table.Td>{d.expires_on ? <Data ltr>{d.expires_on}</Data> : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <CaseAppearances cases={p.cases} roleLabel={roles.label} />
      <ReceivedFromPartners kind="person" recordId={p.id} />
      <RecordMerges recordId={p.id} />
      <RecordHistory register="persons" id={p.id} />
    </Stack>
  );
}

export function CompanyPage() {
  const { id = '' } = useParams();
  return id === NEW ? <CompanyCreatePage /> : <CompanyRecordPage id={id} />;
}

function CompanyRecordPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = useCompany(id);
  const countries = useCodeBook('countries');
  const roles = useCodeBook('company_roles');
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  return (
    <Stack>
      {/* the id asked was merged into this record: the API answered the survivor */}
      {c.id !== id && <MergedBanner label={c.name} />}
      <AlertNoticesSlot recordId={c.id} />
      <Header
        register="companies"
        id={c.id}
        title={c.name}
        subtitle={c.country ? countries.label(c.country) : undefined}
        updatedAt={c.updated_at}
        locked={c.correction_locked}
        badges={
          <>
            {c.status && (
              <Badge variant="outline" tt="none" data-testid="company-status">
                {c.status_since
                  ? t('companies:status.since', { status: t(`registers.companyStatus.${c.status}`), date: c.status_since })
                  : t(`registers.companyStatus.${c.status}`)}
              </Badge>
            )}
            <CompanyRiskBadge id={c.id} />
          </>
        }
      />
      <CompanyTabs
        company={c}
        identity={
          <Stack>
            <CompanyDetails company={c} />
            <CaseAppearances cases={c.cases} roleLabel={roles.label} />
            <ReceivedFromPartners kind="company" recordId={c.id} />
            <RecordMerges recordId={c.id} />
            <RecordHistory register="companies" id={c.id} />
          </Stack>
        }
      />
    </Stack>
  );
}

export function ConveyancePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const q = useConveyance(id);
  const countries = useCodeBook('countries');
  const types = useCodeBook('conveyance_types');
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  return (
    <Stack>
      <AlertNoticesSlot recordId={c.id} />
      <Header register="conveyances" id={c.id} title={c.identifier} subtitle={[types.label(c.conveyance_type), c.name].filter(Boolean).join(' · ')} updatedAt={c.updated_at} locked={c.correction_locked} />
      <Card title={t('registers.details')}>
        <Fields>
          <Field label={t('registers.conveyance.conveyance_type')}>{types.label(c.conveyance_type)}</Field>
          <Field label={t('registers.conveyance.name')}>{c.name}</Field>
          <Field label={t('registers.conveyance.country')}>{c.country ? countries.label(c.country) : ''}</Field>
          <Field label={t('registers.conveyance.make')}>{[c.make, c.model].filter(Boolean).join(' ')}</Field>
          <Field label={t('registers.notes')}>{c.notes}</Field>
        </Fields>
      </Card>
      <Card title={t('registers.identifiers')}>
        <Fields>
          <Field label={t('registers.conveyance.identifier_kind')}>{t(`registers.identifierKinds.${c.identifier_kind}`)}</Field>
          <Field label={t('registers.conveyance.identifier')}>{c.identifier}</Field>
          <Field label={t('registers.conveyance.identifier_norm')}>{c.identifier_norm}</Field>
        </Fields>
      </Card>
      <CaseAppearances cases={c.cases} roleLabel={(r) => t(`seizures.conveyanceRoles.${r}`, { defaultValue: r })} />
      <RecordHistory register="conveyances" id={c.id} />
    </Stack>
  );
}
