import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import '@/i18n/imports';
import { ImportHistory } from '../components/ImportHistory';
import { UploadForm } from '../components/UploadForm';

/** The data imports (`/imports`, supervisors): a file to upload, and the latest imports. */
export function ImportsPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeader title={t('imports:title')} description={t('imports:description')} />
      <UploadForm />
      <ImportHistory />
    </Stack>
  );
}
