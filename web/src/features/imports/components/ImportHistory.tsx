import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import '@/i18n/imports';
import { Data } from '@/components/Bidi';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { useImports } from '../api/imports';
import { kindLabel } from '../lib/status';
import { StatusBadge } from './parts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** The latest imports, newest first: each row opens its import. */
export function ImportHistory() {
  const { t, i18n } = useTranslation();
  const list = useImports();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <Stack gap="xs" component="section" aria-labelledby="import-history-title">
      <Title order={2} size="h4" id="import-history-title">
        {t('imports:history.title')}
      </Title>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <EmptyState title={t('imports:history.none')} />
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped aria-labelledby="import-history-title" data-testid="import-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('imports:history.columns.file')}</Table.Th>
                <Table.Th scope="col">{t('imports:history.columns.recordType')}</Table.Th>
                <Table.Th scope="col">{t('imports:history.columns.kind')}</Table.Th>
                <Table.Th scope="col">{t('imports:history.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('imports:history.columns.counts')}</Table.Th>
                <Table.Th scope="col">{t('imports:history.columns.by')}</Table.Th>
                <Table.Th scope="col">{t('imports:history.columns.at')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((job) => (
                <Table.Tr key={job.id} data-testid="import-row" data-import-id={job.id} data-status={job.status}>
                  <Table.Td>
                    <Anchor component={Link} to={`/imports/${job.id}`} size="sm">
                      <Data>{job.filename || t('imports:history.unnamed')}</Data>
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      <Data>{job.source_system}</Data>
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`imports:recordTypes.${job.record_type}`)}</Table.Td>
                  <Table.Td>{kindLabel(t, job)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={job.status} />
                  </Table.Td>
                  <Table.Td style={NOWRAP} data-testid="import-row-counts">
                    <Data ltr>{[job.created, job.updated, job.unchanged, job.rejected].map((n) => number.format(n)).join(' / ')}</Data>
                  </Table.Td>
                  <Table.Td>
                    <Data>{job.created_by_name ?? '—'}</Data>
                  </Table.Td>
                  <Table.Td style={NOWRAP}>{formatDateTime(job.created_at, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
