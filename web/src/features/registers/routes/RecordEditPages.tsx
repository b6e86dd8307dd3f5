import type { ReactNode } from 'react';
import { Anchor, Breadcrumbs, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import { PageHeader } from '@/components/PageHeader';
import { ErrorState, ForbiddenState, LoadingState } from '@/components/states';
import { can } from '@/lib/permissions';
import { useCompany, useConveyance, usePerson, useUpdateCompany, useUpdateConveyance, useUpdatePerson, type Register } from '../api/registers';
import { CorrectionLockedNote } from '../components/parts';
import { CompanyForm, ConveyanceForm, PersonForm } from '../components/RecordForms';
import { personName } from '../lib/recordForms';

interface Loaded {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
  data?: { correction_locked: boolean };
}

/**
 * Frame of an edit page: loading / error states, the permission check (`registers.write`,
 * as the server's matrix: officers, investigators and supervisors correct records), the
 * breadcrumbs back to the register and the record. A record that a validated case of another
 * unit links (`correction_locked`, also learnt from a PATCH refused as `validated_elsewhere`)
 * shows why instead of the form.
 */
function EditFrame({ register, id, query, title, children }: { register: Register; id: string; query: Loaded; title: string | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!can(me, 'registers.write')) return <ForbiddenState />;
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to={`/registers?register=${register}`}>
          {t(`registers.tabs.${register}`)}
        </Anchor>
        <Anchor component={Link} to={`/registers/${register}/${id}`}>
          {title}
        </Anchor>
        <Text>{t('common.edit')}</Text>
      </Breadcrumbs>
      <PageHeader title={t('registers.edit.title', { name: title })} description={t('registers.edit.help')} />
      {query.data?.correction_locked ? <CorrectionLockedNote /> : children}
    </Stack>
  );
}

function useAfterSave(register: Register, id: string) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return {
    onSaved: () => {
      notifications.show({ color: 'green', message: t('registers.edit.saved') });
      void navigate(`/registers/${register}/${id}`);
    },
    onCancel: () => void navigate(`/registers/${register}/${id}`),
  };
}

export function PersonEditPage() {
  const { id = '' } = useParams();
  const query = usePerson(id);
  const update = useUpdatePerson(id);
  const after = useAfterSave('persons', id);
  const p = query.data;
  return (
    <EditFrame register="persons" id={id} query={query} title={p && personName(p)}>
      {p && (
        <PersonForm
          key={p.version}
          record={p}
          save={(patch) => update.mutateAsync({ version: p.version, patch })}
          onReload={() => void query.refetch()}
          {...after}
        />
      )}
    </EditFrame>
  );
}

export function CompanyEditPage() {
  const { id = '' } = useParams();
  const query = useCompany(id);
  const update = useUpdateCompany(id);
  const after = useAfterSave('companies', id);
  const c = query.data;
  return (
    <EditFrame register="companies" id={id} query={query} title={c?.name}>
      {c && (
        <CompanyForm
          key={c.version}
          record={c}
          save={(patch) => update.mutateAsync({ version: c.version, patch })}
          onReload={() => void query.refetch()}
          {...after}
        />
      )}
    </EditFrame>
  );
}

export function ConveyanceEditPage() {
  const { id = '' } = useParams();
  const query = useConveyance(id);
  const update = useUpdateConveyance(id);
  const after = useAfterSave('conveyances', id);
  const c = query.data;
  return (
    <EditFrame register="conveyances" id={id} query={query} title={c?.identifier}>
      {c && (
        <ConveyanceForm
          key={c.version}
          record={c}
          save={(patch) => update.mutateAsync({ version: c.version, patch })}
          onReload={() => void query.refetch()}
          {...after}
        />
      )}
    </EditFrame>
  );
}
