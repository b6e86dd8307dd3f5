import { Alert, Button, Code, CopyButton, Group, Paper, Stack, Table, Text, Title, Tooltip, ActionIcon } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconDownload, IconPackageExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { useCodeBook } from '@/api/queries/codelists';
import { Data } from '@/components/Bidi';
import { EmptyState, ErrorState, FormError, LoadingState } from '@/components/states';
import { useErrorMessage } from '@/components/useErrorMessage';
import { formatDateTime } from '@/lib/format';
import { useCenBatches, useCenPending, useDownloadBatch, useMakeBatch, type CenBatch, type CenFormat, type CenRecord } from '../api/exchange';
import { ExchangeHeader } from '../components/parts';
import { formatDay } from '../lib/dates';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const FORMATS: CenFormat[] = ['json', 'csv'];

/**
 * The CEN export (`/exchange/cen`): how many validated cases the next batch would hold and the
 * first of them as CEN would receive them (nothing in them names anyone), making the batch,
 * and the batches made, each with its hash and its content to download as JSON or CSV.
 */
export function CenExportPage() {
  const { t, i18n } = useTranslation();
  const pending = useCenPending();
  const make = useMakeBatch();
  const nothing = isApiError(make.error) && make.error.status === 409 && make.error.code === 'nothing_to_export';
  const count = pending.data?.cases ?? 0;

  const makeBatch = () =>
    make.mutate(undefined, {
      onSuccess: (b) => notifications.show({ color: 'green', message: t('exchange:cen.made', { count: b.cases }) }),
    });

  return (
    <Stack>
      <ExchangeHeader page="cen" />
      <Paper withBorder p="md" component="section" aria-labelledby="cen-pending-title" data-testid="cen-pending">
        <Group justify="space-between" align="flex-start" mb="sm">
          <Stack gap={2}>
            <Title order={2} size="h4" id="cen-pending-title">
              {t('exchange:cen.pending.title')}
            </Title>
            {pending.isSuccess && (
              <Text size="sm" data-testid="cen-pending-count">
                {count === 0 ? t('exchange:cen.pending.none') : t('exchange:cen.pending.count', { count })}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('exchange:cen.pending.auditNote')}
            </Text>
          </Stack>
          <Stack gap={2} align="flex-end">
            <Button
              leftSection={<IconPackageExport size={16} aria-hidden />}
              onClick={makeBatch}
              loading={make.isPending}
              disabled={!pending.isSuccess || count === 0}
            >
              {t('exchange:cen.make')}
            </Button>
            <Text size="xs" c="dimmed" ta="end" maw={320}>
              {t('exchange:cen.makeHelp')}
            </Text>
          </Stack>
        </Group>
        {nothing ? (
          <Alert color="ncen" variant="light" role="status" data-testid="cen-nothing" mb="sm">
            {t('exchange:cen.nothing')}
          </Alert>
        ) : (
          <FormError error={make.error} />
        )}
        {pending.isPending ? (
          <LoadingState />
        ) : pending.isError ? (
          <ErrorState error={pending.error} onRetry={() => void pending.refetch()} />
        ) : pending.data.sample.length > 0 ? (
          <Stack gap={4}>
            <Text size="sm" fw={600} id="cen-sample-title">
              {t('exchange:cen.pending.sample')}
            </Text>
            {pending.data.sample.length < count && (
              <Text size="xs" c="dimmed" data-testid="cen-sample-more">
                {t('exchange:cen.pending.sampleMore', { shown: pending.data.sample.length, total: count })}
              </Text>
            )}
            <SampleTable records={pending.data.sample} />
          </Stack>
        ) : null}
      </Paper>

      <Stack gap="xs" component="section" aria-labelledby="cen-batches-title">
        <Title order={2} size="h4" id="cen-batches-title">
          {t('exchange:cen.batches.title')}
        </Title>
        <Batches locale={i18n.language} />
      </Stack>
    </Stack>
  );
}

/** The records as CEN would receive them: the case's reference, when and where, the goods and the route. */
function SampleTable({ records }: { records: readonly CenRecord[] }) {
  const { t, i18n } = useTranslation();
  const countries = useCodeBook('countries');
  const groups = useCodeBook('commodity_groups');
  const types = useCodeBook('commodity_types');
  const units = useCodeBook('units_of_measure');
  const directions = useCodeBook('directions');
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 3 });
  const sep = t('common.listSeparator');
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped aria-labelledby="cen-sample-title" data-testid="cen-sample">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('exchange:cen.columns.reference')}</Table.Th>
            <Table.Th scope="col">{t('exchange:cen.columns.date')}</Table.Th>
            <Table.Th scope="col">{t('exchange:cen.columns.place')}</Table.Th>
            <Table.Th scope="col">{t('exchange:cen.columns.goods')}</Table.Th>
            <Table.Th scope="col">{t('exchange:cen.columns.route')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((r) => (
            <Table.Tr key={`${r.case_reference}:${r.case_version}`} data-reference={r.case_reference}>
              <Table.Td style={NOWRAP}>
                <Data>{r.case_reference}</Data>
                <Text size="xs" c="dimmed">
                  {t('common.version', { version: r.case_version })}
                </Text>
              </Table.Td>
              <Table.Td style={NOWRAP}>{formatDay(r.seizure_date, i18n.language)}</Table.Td>
              <Table.Td>
                <Data>{[r.country ? countries.label(r.country) : null, r.unlocode].filter(Boolean).join(' · ') || '—'}</Data>
                {r.direction && (
                  <Text size="xs" c="dimmed">
                    {directions.label(r.direction)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  {r.goods.map((g, i) => (
                    <Text size="sm" key={i}>
                      <Data>
                        {[groups.label(g.commodity_group), g.commodity_type ? types.label(g.commodity_type) : null].filter(Boolean).join(' · ')}
                      </Data>
                      {t('exchange:cen.goodsSeparator')}
                      <Data>{`${number.format(g.quantity)} ${units.label(g.unit)}`}</Data>
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Data>
                  {[...r.origin_countries, ...r.departure_countries, ...r.transit_countries, ...r.destination_countries]
                    .filter((c, i, all) => all.indexOf(c) === i)
                    .map((c) => countries.label(c))
                    .join(sep) || '—'}
                </Data>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Batches({ locale }: { locale: string }) {
  const { t } = useTranslation();
  const batches = useCenBatches();
  const download = useDownloadBatch();
  const message = useErrorMessage();
  if (batches.isPending) return <LoadingState />;
  if (batches.isError) return <ErrorState error={batches.error} onRetry={() => void batches.refetch()} />;
  if (batches.data.length === 0) {
    return (
      <Paper withBorder>
        <EmptyState title={t('exchange:cen.batches.empty')} />
      </Paper>
    );
  }
  const running = download.isPending ? download.variables : undefined;
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        {t('exchange:cen.batches.hashHelp')}
      </Text>
      {download.isError && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          data-testid="cen-download-error"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => download.reset()}
        >
          {t('exchange:cen.batches.failed', { message: message(download.error) })}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={860}>
        <Table striped highlightOnHover aria-labelledby="cen-batches-title" data-testid="cen-batches">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('exchange:cen.batches.columns.created')}</Table.Th>
              <Table.Th scope="col">{t('exchange:cen.batches.columns.by')}</Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'end' }}>
                {t('exchange:cen.batches.columns.cases')}
              </Table.Th>
              <Table.Th scope="col">{t('exchange:cen.batches.columns.hash')}</Table.Th>
              <Table.Th scope="col">{t('exchange:cen.batches.columns.download')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {batches.data.map((b) => (
              <BatchRow
                key={b.id}
                batch={b}
                locale={locale}
                running={running?.batch.id === b.id ? running.format : undefined}
                busy={download.isPending}
                onDownload={(format) => download.mutate({ batch: b, format })}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function BatchRow({
  batch: b,
  locale,
  running,
  busy,
  onDownload,
}: {
  batch: CenBatch;
  locale: string;
  running: CenFormat | undefined;
  busy: boolean;
  onDownload: (format: CenFormat) => void;
}) {
  const { t } = useTranslation();
  const when = formatDateTime(b.created_at, locale);
  return (
    <Table.Tr data-batch-id={b.id}>
      <Table.Td style={NOWRAP}>{when}</Table.Td>
      <Table.Td>{b.created_by_name ? <Data>{b.created_by_name}</Data> : <Text size="sm" c="dimmed" span>{t('exchange:cen.batches.cli')}</Text>}</Table.Td>
      <Table.Td style={{ textAlign: 'end' }} data-testid="batch-cases">
        {new Intl.NumberFormat(locale).format(b.cases)}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Code dir="ltr" translate="no" style={{ wordBreak: 'break-all', whiteSpace: 'normal' }} data-testid="batch-hash">
            {b.content_sha256}
          </Code>
          <CopyButton value={b.content_sha256} timeout={2000}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('exchange:node.copied') : t('exchange:cen.batches.copyHash')} withArrow>
                <ActionIcon variant="subtle" color={copied ? 'green.9' : 'gray'} onClick={copy} aria-label={t('exchange:cen.batches.copyHash')}>
                  {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap" role="group" aria-label={t('exchange:cen.batches.downloadLabel', { when })}>
          {FORMATS.map((format) => (
            <Button
              key={format}
              size="xs"
              variant="default"
              leftSection={<IconDownload size={14} aria-hidden />}
              loading={running === format}
              disabled={busy && running !== format}
              onClick={() => onDownload(format)}
            >
              {t(`exchange:cen.batches.${format}`)}
            </Button>
          ))}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
