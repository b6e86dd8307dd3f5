import { useMemo, useState, type ReactNode } from 'react';
import { Alert as Notice, Anchor, Breadcrumbs, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/i18n/investigations';
import { useMe } from '@/api/queries/me';
import { Data } from '@/components/Bidi';
import { PageHeader } from '@/components/PageHeader';
import { ErrorState, ForbiddenState, LoadingState } from '@/components/states';
import { isEmptyPatch, mergePatch } from '@/lib/patch';
import { useInvestigation, useOpenInvestigation, useUpdateInvestigation } from '../api/investigations';
import { InvestigationForm } from '../components/InvestigationForm';
import { hasPermission, investigationAbilities, isSupervisor } from '../lib/abilities';
import { today } from '../lib/format';
import { emptyInvestigationForm, investigationInput, investigationPatchSource, investigationToForm } from '../lib/investigationForm';
import { prefillLinks } from '../lib/links';

function Crumbs({ children }: { children: ReactNode }) {
  const { t } = useTranslation('investigations');
  return (
    <Breadcrumbs>
      <Anchor component={Link} to="/investigations">
        {t('title')}
      </Anchor>
      {children}
    </Breadcrumbs>
  );
}

/**
 * `/investigations/new`: a new investigation supervised by the user's unit. A record's page
 * opens it with the records it starts from (`?case_id=…`, `?person_id=…`, `?company_id=…`,
 * `?conveyance_id=…`, `?alert_id=…`, `?hit_id=…`), shown as links that may be removed.
 */
export function InvestigationNewPage() {
  const { t } = useTranslation('investigations');
  const navigate = useNavigate();
  const me = useMe();
  const [params] = useSearchParams();
  const [initial] = useState(() => emptyInvestigationForm(prefillLinks(params)));
  const open = useOpenInvestigation();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!hasPermission(me.data, 'investigations.open')) return <ForbiddenState />;
  // only a supervisor names the lead, picked among the users they may read
  const leadPicker = isSupervisor(me.data) && hasPermission(me.data, 'users.read');
  return (
    <Stack>
      <Crumbs>
        <Text>{t('create')}</Text>
      </Crumbs>
      <PageHeader title={t('form.createTitle')} description={t('form.createHelp')} />
      <InvestigationForm
        initial={initial}
        openedOn={today()}
        leadPicker={leadPicker}
        submitLabel={t('form.submitCreate')}
        onSubmit={(values) => open.mutateAsync(investigationInput(values, leadPicker))}
        onCancel={() => void navigate('/investigations')}
        onSaved={(inv) => {
          notifications.show({ color: 'green', message: t('form.created', { reference: inv.reference }) });
          void navigate(`/investigations/${inv.id}`);
        }}
      />
    </Stack>
  );
}

/** `/investigations/:id/edit`: a correction by the lead or a supervisor (a merge patch of what changed, with If-Match). */
export function InvestigationEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('investigations');
  const navigate = useNavigate();
  const me = useMe();
  const query = useInvestigation(id);
  const update = useUpdateInvestigation(id);
  const inv = query.data;
  const initial = useMemo(() => (inv ? investigationToForm(inv) : null), [inv]);
  if (query.isPending || me.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!inv || !initial) return <LoadingState />;
  const abilities = investigationAbilities(me.data, inv);
  if (!abilities.manage) return <ForbiddenState />;
  const before = investigationPatchSource(initial);
  return (
    <Stack>
      <Crumbs>
        <Anchor component={Link} to={`/investigations/${inv.id}`}>
          <Data>{inv.reference}</Data>
        </Anchor>
        <Text>{t('actions.edit')}</Text>
      </Crumbs>
      <PageHeader title={t('form.editTitle', { reference: inv.reference })} description={t('form.editHelp')} />
      {abilities.closed ? (
        <Notice color="orange" variant="light" data-testid="investigation-closed-note">
          {t('form.closedNote')}
        </Notice>
      ) : (
        <InvestigationForm
          key={inv.version}
          initial={initial}
          openedOn={inv.opened_on}
          leadPicker={abilities.changeLead}
          submitLabel={t('actions.save')}
          onSubmit={async (values) => {
            const after = investigationPatchSource(values);
            // only a supervisor changes the lead: anyone else leaves it as it is
            if (!abilities.changeLead) after.lead_id = before.lead_id;
            const patch = mergePatch(before, after);
            if (isEmptyPatch(patch)) return inv;
            return update.mutateAsync({ version: inv.version, patch });
          }}
          onCancel={() => void navigate(`/investigations/${inv.id}`)}
          onReload={() => void query.refetch()}
          onSaved={(saved) => {
            notifications.show({ color: 'green', message: t('form.saved', { reference: saved.reference }) });
            void navigate(`/investigations/${saved.id}`);
          }}
        />
      )}
    </Stack>
  );
}
