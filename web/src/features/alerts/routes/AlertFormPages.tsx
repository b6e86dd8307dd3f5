import { useMemo, useState, type ReactNode } from 'react';
import { Alert as Notice, Anchor, Breadcrumbs, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import { Data } from '@/components/Bidi';
import { PageHeader } from '@/components/PageHeader';
import { ErrorState, ForbiddenState, LoadingState } from '@/components/states';
import { isEmptyPatch, mergePatch } from '@/lib/patch';
import { can } from '@/lib/permissions';
import { useAlert, useCreateAlert, useUpdateAlert } from '../api/alerts';
import { useRecordLabel } from '../api/registers';
import { AlertForm } from '../components/AlertForm';
import { alertInput, alertToForm, emptyAlertForm, prefillFromParams, type AlertFormValues } from '../lib/alertForm';

function Crumbs({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Breadcrumbs>
      <Anchor component={Link} to="/alerts">
        {t('alerts.title')}
      </Anchor>
      {children}
    </Breadcrumbs>
  );
}

/**
 * `/alerts/new`: a new draft of the user's unit, the user its owner. A register record's page
 * links here with the record (`?person_id=…`, `?company_id=…`, `?conveyance_id=…`).
 */
export function AlertNewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const [prefill] = useState(() => prefillFromParams(params));
  const label = useRecordLabel(prefill?.kind ?? null, prefill?.id ?? null);
  if (me.isPending || (prefill && label.isPending)) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!can(me.data, 'alerts.write')) return <ForbiddenState />;
  const initial: AlertFormValues = emptyAlertForm();
  // a record that cannot be read (gone, a wrong link) is simply not prefilled
  if (prefill && label.isSuccess) {
    initial.subject_kind = prefill.kind;
    initial.record = { id: prefill.id, label: label.data };
  }
  return (
    <Stack>
      <Crumbs>
        <Text>{t('alerts.create')}</Text>
      </Crumbs>
      <PageHeader title={t('alerts.form.createTitle')} description={t('alerts.form.createHelp')} />
      <NewAlert initial={initial} />
    </Stack>
  );
}

function NewAlert({ initial }: { initial: AlertFormValues }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateAlert();
  return (
    <AlertForm
      initial={initial}
      submitLabel={t('alerts.form.submitCreate')}
      onSubmit={(input) => create.mutateAsync(input)}
      onCancel={() => void navigate('/alerts')}
      onSaved={(a) => {
        notifications.show({ color: 'green', message: t('alerts.form.created', { reference: a.reference }) });
        void navigate(`/alerts/${a.id}`);
      }}
    />
  );
}

/** `/alerts/:id/edit`: a draft corrected (a merge patch of what changed, with If-Match). */
export function AlertEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const query = useAlert(id);
  const update = useUpdateAlert(id);
  const a = query.data;
  const initial = useMemo(() => (a ? alertToForm(a) : null), [a]);
  if (query.isPending || me.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!a || !initial) return <LoadingState />;
  if (!can(me.data, 'alerts.write')) return <ForbiddenState />;
  const before = alertInput(initial);
  return (
    <Stack>
      <Crumbs>
        <Anchor component={Link} to={`/alerts/${a.id}`}>
          <Data>{a.reference}</Data>
        </Anchor>
        <Text>{t('common.edit')}</Text>
      </Crumbs>
      <PageHeader title={t('alerts.form.editTitle', { reference: a.reference })} description={t('alerts.form.editHelp')} />
      {a.status !== 'draft' ? (
        <Notice color="orange" variant="light" data-testid="alert-not-draft">
          {t('alerts.form.notDraft')}
        </Notice>
      ) : (
        <AlertForm
          key={a.version}
          initial={initial}
          submitLabel={t('common.save')}
          onSubmit={async (input) => {
            const patch = mergePatch(before, input);
            // nothing changed: nothing to send
            if (isEmptyPatch(patch)) return a;
            return update.mutateAsync({ version: a.version, patch });
          }}
          onCancel={() => void navigate(`/alerts/${a.id}`)}
          onReload={() => void query.refetch()}
          onSaved={(saved) => {
            notifications.show({ color: 'green', message: t('alerts.form.saved', { reference: saved.reference }) });
            void navigate(`/alerts/${saved.id}`);
          }}
        />
      )}
    </Stack>
  );
}
