import { Anchor, Breadcrumbs, SegmentedControl, Stack, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import { HIT_STATUSES } from '../api/types';
import { HitsTable } from '../components/HitsTable';
import { hitStatusFromParams } from '../lib/filters';

/**
 * `/alerts/hits`: the hit queue of the user's unit — new hits (awaiting review) by default,
 * confirmed or dismissed ones on demand (`?status=`), newest first.
 */
export function HitsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = hitStatusFromParams(params);
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/alerts">
          {t('alerts.title')}
        </Anchor>
        <Text>{t('alerts.hits.title')}</Text>
      </Breadcrumbs>
      <PageHeader title={t('alerts.hits.title')} description={t('alerts.hits.description')} />
      <SegmentedControl
        aria-label={t('alerts.hits.statusLabel')}
        style={{ alignSelf: 'flex-start' }}
        value={status}
        onChange={(s) => setParams(s === 'new' ? {} : { status: s })}
        data={HIT_STATUSES.map((s) => ({ value: s, label: t(`alerts.hits.statuses.${s}`) }))}
        data-testid="hit-status-filter"
      />
      <HitsTable status={status} label={t('alerts.hits.label')} />
    </Stack>
  );
}
