import { useMemo } from 'react';
import { Anchor, Breadcrumbs, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import { LoadingState } from '@/components/states';
import { useCaseRef, useThread } from '../api/threads';
import { ComposeForm } from '../components/ComposeForm';
import { composeFromParams, withCaseReference, withWarning, type PrefillText } from '../lib/compose';

/**
 * `/messages/new`: `?template=warning&case=<id>`, `?template=feedback&warning=<id>` and
 * `?template=seizure&case=<id>` prefill the form (the warning's subject and author, the case).
 */
export function ComposePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const base = useMemo(() => composeFromParams(params), [params]);
  const warningId = base.kind === 'feedback' ? base.template.warning_id : null;
  const warning = useThread(warningId ?? '', !!warningId);
  const caseRef = useCaseRef(base.kind === 'seizure' ? base.template.case_id : null);
  const prefill: PrefillText = {
    feedbackSubject: (subject) => t('messaging.compose.feedbackSubject', { subject }),
    seizureSubject: (reference) => t('messaging.compose.seizureSubject', { reference }),
  };
  const waiting = (!!warningId && warning.isPending) || (caseRef.fetchStatus === 'fetching' && caseRef.isPending);

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/messages">
          {t('messaging.title')}
        </Anchor>
        <Text>{t('messaging.compose.title')}</Text>
      </Breadcrumbs>
      <PageHeader title={t('messaging.compose.title')} description={t('messaging.compose.description')} />
      {waiting ? (
        <LoadingState />
      ) : (
        <ComposeForm
          key={params.toString()}
          initial={withCaseReference(
            warning.data ? withWarning(base, warning.data, prefill) : base,
            caseRef.data?.reference,
            prefill,
          )}
          prefill={prefill}
          onCancel={() => void navigate(-1)}
          onSent={(thread) => {
            notifications.show({ color: 'green', message: t('messaging.compose.sent') });
            void navigate(`/messages/${thread.id}`);
          }}
        />
      )}
    </Stack>
  );
}
