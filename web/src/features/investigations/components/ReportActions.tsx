import { useId } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import '@/i18n/investigations';
import { Bidi } from '@/components/Bidi';
import { useErrorMessage } from '@/components/useErrorMessage';
import { reportLang, usePrintView, useReportDownload } from '../api/investigations';
import type { Investigation } from '../api/types';

/**
 * The case report, for whoever sees the investigation: a PDF saved under the server's name, or
 * the print-friendly page opened in a new tab (saved as a file when the browser blocks the tab).
 * In French for a French UI, in English otherwise (the server writes those two). The server
 * records each printing. A failure is said under the buttons until the next attempt or closed.
 */
export function ReportActions({ inv }: { inv: Investigation }) {
  const { t, i18n } = useTranslation('investigations');
  const message = useErrorMessage();
  const pdf = useReportDownload();
  const print = usePrintView();
  const hintId = useId();
  const lang = reportLang(i18n.language);
  const failed = pdf.error ?? print.error;

  const downloadPdf = () => {
    print.reset();
    pdf.mutate({ id: inv.id, lang });
  };
  const openPrint = () => {
    pdf.reset();
    print.mutate(
      { id: inv.id, lang, fallback: `${inv.reference}-report.html` },
      { onSuccess: (how) => how === 'saved' && notifications.show({ color: 'blue', message: t('report.saved') }) },
    );
  };

  return (
    <Stack gap={4} align="flex-end" data-testid="report-actions">
      <Group gap="xs" justify="flex-end" role="group" aria-label={t('report.label')}>
        <Button
          variant="default"
          leftSection={<IconFileTypePdf size={16} aria-hidden />}
          loading={pdf.isPending}
          disabled={print.isPending}
          aria-describedby={hintId}
          onClick={downloadPdf}
          data-testid="report-pdf"
        >
          {t('report.pdf')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconPrinter size={16} aria-hidden />}
          loading={print.isPending}
          disabled={pdf.isPending}
          aria-describedby={hintId}
          onClick={openPrint}
          data-testid="report-print"
        >
          {t('report.print')}
        </Button>
      </Group>
      <Text id={hintId} size="xs" c="dimmed" maw={360} ta="end">
        {t('report.hint')}
      </Text>
      {failed && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title={t('report.failed')}
          maw={420}
          withCloseButton
          closeButtonLabel={t('actions.close')}
          onClose={() => {
            pdf.reset();
            print.reset();
          }}
          data-testid="report-error"
        >
          <Bidi>{message(failed)}</Bidi>
        </Alert>
      )}
    </Stack>
  );
}
