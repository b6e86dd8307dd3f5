import { useRef, useState } from 'react';
import { Button, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/errors';
import { Bidi, Data } from '@/components/Bidi';
import { useErrorMessage } from '@/components/useErrorMessage';
import { checkFile, fileProblem, typeKey } from '@/lib/attachments';
import { formatBytes, formatDate } from '@/lib/format';
import {
  AGREEMENT_DOCUMENT_ACCEPT,
  documentFileName,
  useDownloadAgreementDocument,
  useUploadAgreementDocument,
  type Agreement,
} from '../api/exchange';

/**
 * Why an upload of the document failed: what is wrong with the file in the UI language (too
 * large, a type not taken, damaged or protected content), else the server's own word on the
 * `file` field, else the problem as any form shows it.
 */
function useUploadError() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (error: unknown): string => {
    const problem = fileProblem(error);
    if (problem) return t(problem.key, problem.values);
    const onFile = isApiError(error) ? error.fieldErrors().file : undefined;
    return onFile ?? message(error);
  };
}

/**
 * An agreement's document (the signed instrument, a PDF or a scan): its name, type, size and
 * upload date with a download, or that there is none; `canUpload` (a liaison officer) adds the
 * button that uploads one or replaces it, with its progress and the server's refusal.
 */
export function AgreementDocumentLine({ agreement: a, canUpload }: { agreement: Agreement; canUpload: boolean }) {
  const { t, i18n } = useTranslation();
  const doc = a.document ?? null;
  const download = useDownloadAgreementDocument();
  const upload = useUploadAgreementDocument(a.id);
  const uploadError = useUploadError();
  const [fileError, setFileError] = useState<string | null>(null);
  const reset = useRef<() => void>(null);

  const defaultName = t('exchange:agreements.document.defaultName');
  const type = doc ? typeKey(doc.media_type) : null;
  const error = fileError ?? (upload.error ? uploadError(upload.error) : null);
  // "Upload document" or "Replace document", and for which agreement (the button and its hidden input)
  const uploadLabel = t(doc ? 'exchange:agreements.document.replaceNamed' : 'exchange:agreements.document.uploadNamed', {
    reference: a.reference,
  });
  const inputProps = { 'aria-label': uploadLabel, 'data-testid': 'agreement-document-upload' };

  const pick = (file: File | null) => {
    // the same file can be picked again (after a refusal)
    reset.current?.();
    if (!file) return;
    upload.reset();
    const problem = checkFile(file);
    setFileError(problem ? t(problem.key, problem.values) : null);
    if (problem) return;
    upload.mutate(file, {
      onSuccess: () => notifications.show({ color: 'green', message: t('exchange:agreements.document.done', { reference: a.reference }) }),
    });
  };

  return (
    <Stack gap={4} data-testid="agreement-document" data-present={doc ? 'true' : 'false'}>
      {doc ? (
        <>
          <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }} data-testid="agreement-document-name">
            {doc.filename ? <Data>{doc.filename}</Data> : defaultName}
          </Text>
          <Text size="xs" c="dimmed" data-testid="agreement-document-meta">
            {type ? t(type) : <Data ltr>{doc.media_type}</Data>}
            {' · '}
            <Bidi>{formatBytes(doc.size_bytes, i18n.language)}</Bidi>
            {' · '}
            {t('exchange:agreements.document.uploaded', { date: formatDate(doc.uploaded_at, i18n.language) })}
          </Text>
        </>
      ) : (
        <Text size="sm" c="dimmed" data-testid="agreement-document-none">
          {t('exchange:agreements.document.none')}
        </Text>
      )}
      <Group gap={4} wrap="wrap">
        {doc && (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconDownload size={14} aria-hidden />}
            loading={download.isPending}
            onClick={() => download.mutate({ document: doc, name: documentFileName(doc, `${defaultName} ${a.reference}`) })}
            aria-label={t('exchange:agreements.document.downloadNamed', { reference: a.reference })}
          >
            {t('exchange:agreements.document.download')}
          </Button>
        )}
        {canUpload && (
          <FileButton accept={AGREEMENT_DOCUMENT_ACCEPT} resetRef={reset} onChange={pick} disabled={upload.isPending} inputProps={inputProps}>
            {(props) => (
              <Button
                variant="default"
                size="xs"
                leftSection={<IconFileUpload size={14} aria-hidden />}
                loading={upload.isPending}
                aria-label={uploadLabel}
                {...props}
              >
                {t(doc ? 'exchange:agreements.document.replace' : 'exchange:agreements.document.upload')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {upload.isPending && (
        <Progress
          value={Math.round(upload.progress * 100)}
          size="sm"
          striped
          animated
          aria-label={t('exchange:agreements.document.uploading', { reference: a.reference })}
          data-testid="agreement-document-progress"
        />
      )}
      {error && (
        <Text size="xs" c="var(--mantine-color-error)" role="alert" data-testid="agreement-document-error">
          <Bidi>{error}</Bidi>
        </Text>
      )}
      {download.isError && (
        <Text size="xs" c="var(--mantine-color-error)" role="alert">
          {t('exchange:agreements.document.downloadFailed')}
        </Text>
      )}
    </Stack>
  );
}
