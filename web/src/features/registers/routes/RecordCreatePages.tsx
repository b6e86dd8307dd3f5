import type { ReactNode } from 'react';
import { Anchor, Breadcrumbs, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import { PageHeader } from '@/components/PageHeader';
import { ErrorState, ForbiddenState, LoadingState } from '@/components/states';
import { can } from '@/lib/permissions';
import { useCreateCompany, useCreatePerson } from '../api/registers';
import { CompanyForm, PersonForm } from '../components/RecordForms';

/**
 * Frame of a creation page: the permission check (`registers.write`, as the server's matrix),
 * the breadcrumbs back to the register, and after the creation the new record's page.
 */
function CreateFrame({ register, children }: { register: 'persons' | 'companies'; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!can(me.data, 'registers.write')) return <ForbiddenState />;
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to={`/registers?register=${register}`}>
          {t(`registers.tabs.${register}`)}
        </Anchor>
        <Text>{t(`registers.create.${register}`)}</Text>
      </Breadcrumbs>
      <PageHeader title={t(`registers.create.${register}`)} description={t('registers.create.help')} />
      {children}
    </Stack>
  );
}

function useAfterCreate(register: 'persons' | 'companies') {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return {
    onSaved: (record: { id: string }) => {
      notifications.show({ color: 'green', message: t('registers.create.created') });
      void navigate(`/registers/${register}/${record.id}`);
    },
    onCancel: () => void navigate(`/registers?register=${register}`),
  };
}

export function PersonCreatePage() {
  const create = useCreatePerson();
  const after = useAfterCreate('persons');
  return (
    <CreateFrame register="persons">
      <PersonForm create={(input) => create.mutateAsync(input)} {...after} />
    </CreateFrame>
  );
}

export function CompanyCreatePage() {
  const create = useCreateCompany();
  const after = useAfterCreate('companies');
  return (
    <CreateFrame register="companies">
      <CompanyForm create={(input) => create.mutateAsync(input)} {...after} />
    </CreateFrame>
  );
}
