import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StatsQuery } from '@/api/types';
import { useErrorMessage } from '@/components/useErrorMessage';
import '@/i18n/statistics';
import type { ExportFormat } from '@/lib/download';
import { useStatsExport } from '../api/stats';

const FORMATS: ExportFormat[] = ['csv', 'xlsx'];

/** Downloads the table on screen (the same query) as CSV or XLSX; the export is itself audited. */
export function StatsExport({ query }: { query: StatsQuery }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const exporter = useStatsExport();
  const running = exporter.isPending ? exporter.variables?.format : undefined;
  return (
    <Stack gap={2} align="flex-end" data-testid="stats-export">
      <Group gap="xs" role="group" aria-label={t('statistics:export.label')}>
        {FORMATS.map((format) => (
          <Button
            key={format}
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} aria-hidden />}
            loading={running === format}
            disabled={exporter.isPending && running !== format}
            onClick={() => exporter.mutate({ format, query })}
          >
            {t(`statistics:export.${format}`)}
          </Button>
        ))}
      </Group>
      <Text size="xs" c="dimmed" ta="end" maw={320}>
        {t('statistics:export.audited')}
      </Text>
      {exporter.isError && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          data-testid="stats-export-error"
          maw={520}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => exporter.reset()}
        >
          {t('statistics:export.failed', { message: message(exporter.error) })}
        </Alert>
      )}
    </Stack>
  );
}
