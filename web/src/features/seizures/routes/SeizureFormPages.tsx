import { useMemo, useState } from 'react';
import { Anchor, Breadcrumbs, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import type { Me } from '@/api/types';
import { PageHeader } from '@/components/PageHeader';
import { ErrorState, ForbiddenState, LoadingState } from '@/components/states';
import { can } from '@/lib/permissions';
import { draftKey } from '@/lib/useFormDraft';
import { useCase, useCreateCase, useUpdateCase } from '../api/seizures';
import { CaseForm } from '../components/CaseForm';
import { caseToForm, newCaseValues } from '../lib/caseForm';
import { caseAbilities } from '../lib/permissions';

export function SeizureNewPage() {
  const me = useMe();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!can(me.data, 'seizures.write')) return <ForbiddenState />;
  return <NewCase me={me.data} />;
}

function NewCase({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCase();
  // the officer's office, now, and the national currency, as defaults (taken once)
  const [initial] = useState(() => newCaseValues(me));
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/seizures">
          {t('seizures.title')}
        </Anchor>
        <Text>{t('seizures.create')}</Text>
      </Breadcrumbs>
      <PageHeader title={t('seizures.createTitle')} description={t('seizures.createHelp')} />
      <CaseForm
        initial={initial}
        draftKey={draftKey(me.id, 'case', null)}
        nationalCurrency={me.currency ?? null}
        save={(input) => create.mutateAsync(input)}
        submitLabel={t('seizures.form.create')}
        onCancel={() => void navigate('/seizures')}
        onSaved={(c) => {
          notifications.show({ color: 'green', message: t('seizures.created', { reference: c.reference }) });
          void navigate(`/seizures/${c.id}?tab=attachments`);
        }}
      />
    </Stack>
  );
}

export function SeizureEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const query = useCase(id);
  const update = useUpdateCase(id);
  const c = query.data;
  const initial = useMemo(() => (c ? caseToForm(c) : null), [c]);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!c || !initial || !me) return <LoadingState />;
  // the server refuses too (403 another unit, 409 locked): this spares the officer the attempt
  if (!caseAbilities(me, c).edit) return <ForbiddenState />;
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/seizures">
          {t('seizures.title')}
        </Anchor>
        <Anchor component={Link} to={`/seizures/${c.id}`}>
          {c.reference}
        </Anchor>
        <Text>{t('common.edit')}</Text>
      </Breadcrumbs>
      <PageHeader title={t('seizures.editTitle', { reference: c.reference })} />
      <CaseForm
        key={c.version}
        initial={initial}
        draftKey={draftKey(me.id, 'case', c.id)}
        version={c.version}
        nationalCurrency={me.currency ?? null}
        save={(input) => update.mutateAsync({ version: c.version, changes: input })}
        submitLabel={t('common.save')}
        onCancel={() => void navigate(`/seizures/${c.id}`)}
        onReload={() => void query.refetch()}
        onSaved={(saved) => {
          notifications.show({ color: 'green', message: t('seizures.saved', { reference: saved.reference }) });
          void navigate(`/seizures/${saved.id}`);
        }}
      />
    </Stack>
  );
}
