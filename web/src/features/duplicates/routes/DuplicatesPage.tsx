import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import { MERGE_KINDS, PAIR_STATUSES } from '../api/types';
import { PairsTable } from '../components/PairsTable';
import { queueFromParams, queueParams } from '../lib/filters';

const ALL = 'all';

/**
 * `/duplicates`: the queue of likely duplicate records of the registers (supervisors), best
 * score first — open pairs of both registers by default; one register (`?kind=`) and merged or
 * distinct pairs (`?status=`) on demand.
 */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = queueFromParams(params);
  return (
    <Stack>
      <PageHeader title={t('duplicates.title')} description={t('duplicates.description')} />
      <Group gap="md" align="flex-end" wrap="wrap" role="group" aria-label={t('duplicates.filters.label')} data-testid="duplicate-filters">
        <SegmentedControl
          aria-label={t('duplicates.filters.kind')}
          value={query.kind ?? ALL}
          onChange={(k) => setParams(queueParams({ ...query, kind: k === ALL ? undefined : (k as (typeof MERGE_KINDS)[number]) }))}
          data={[
            { value: ALL, label: t('duplicates.kinds.all') },
            ...MERGE_KINDS.map((k) => ({ value: k, label: t(`duplicates.kinds.${k}`) })),
          ]}
          data-testid="duplicate-kind-filter"
        />
        <SegmentedControl
          aria-label={t('duplicates.filters.status')}
          value={query.status}
          onChange={(s) => setParams(queueParams({ ...query, status: s as (typeof PAIR_STATUSES)[number] }))}
          data={PAIR_STATUSES.map((s) => ({ value: s, label: t(`duplicates.statuses.${s}`) }))}
          data-testid="duplicate-status-filter"
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('duplicates.auditNote')}
      </Text>
      <PairsTable query={query} />
    </Stack>
  );
}
