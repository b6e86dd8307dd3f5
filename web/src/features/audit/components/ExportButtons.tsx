import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '@/components/useErrorMessage';
import { isTooManyRows, type ExportFormat } from '@/lib/download';
import { useAuditExport, type AuditFilters } from '../api/audit';

const FORMATS: ExportFormat[] = ['csv', 'xlsx'];

/** Downloads the events the current filters select, as CSV or XLSX (the export is itself audited). */
export function ExportButtons({ filters }: { filters: AuditFilters }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const exporter = useAuditExport();
  const running = exporter.isPending ? exporter.variables?.format : undefined;
  return (
    <Stack gap={4} align="flex-end" data-testid="audit-export">
      <Group gap="xs" role="group" aria-label={t('audit.export.label')}>
        {FORMATS.map((format) => (
          <Button
            key={format}
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} aria-hidden />}
            loading={running === format}
            disabled={exporter.isPending && running !== format}
            onClick={() => exporter.mutate({ format, filters })}
          >
            {t(`audit.export.${format}`)}
          </Button>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        {t('audit.export.audited')}
      </Text>
      {exporter.isError && (
        <Alert color="red" variant="light" role="alert" data-testid="audit-export-error" maw={520}>
          {isTooManyRows(exporter.error) ? t('audit.export.tooMany') : t('audit.export.failed', { message: message(exporter.error) })}
        </Alert>
      )}
    </Stack>
  );
}
