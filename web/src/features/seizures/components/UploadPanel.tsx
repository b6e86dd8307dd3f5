import { useState } from 'react';
import { Button, Checkbox, FileInput, Group, Progress, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AttachmentKind } from '@/api/types';
import { isApiError } from '@/api/errors';
import { FormError } from '@/components/states';
import { useUploadAttachment } from '../api/attachments';

const KINDS: AttachmentKind[] = ['photo', 'xray', 'document'];
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** Adds a photo, X-ray or document to an existing case, showing upload progress. */
export function UploadPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const upload = useUploadAttachment(caseId);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<AttachmentKind>('photo');
  const [caption, setCaption] = useState('');
  const [cleared, setCleared] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);

  const server = isApiError(upload.error) ? upload.error.fieldErrors() : {};
  const submit = () => {
    if (!file) {
      setFileError(t('validation.required'));
      return;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      setFileError(t('seizures.attachments.tooLarge'));
      return;
    }
    setFileError(null);
    upload.mutate(
      { file, kind, caption, clearedForExport: cleared },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('seizures.attachments.uploaded', { name: file.name }) });
          setFile(null);
          setCaption('');
          setCleared(false);
          upload.reset();
        },
      },
    );
  };

  return (
    <Stack gap="sm" data-testid="upload-panel">
      <Group align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="upload-kind-label">
            {t('seizures.attachments.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby="upload-kind-label"
            value={kind}
            onChange={(v) => setKind(v as AttachmentKind)}
            data={KINDS.map((k) => ({ value: k, label: t(`seizures.attachmentKinds.${k}`) }))}
          />
        </Stack>
        <FileInput
          label={t('seizures.attachments.file')}
          value={file}
          onChange={(f) => {
            setFile(f);
            setFileError(null);
          }}
          accept={kind === 'document' ? 'application/pdf,image/*' : 'image/*'}
          clearable
          error={fileError ?? server.file}
          w={280}
          data-testid="upload-file"
        />
        <TextInput
          label={t('seizures.attachments.caption')}
          value={caption}
          onChange={(e) => setCaption(e.currentTarget.value)}
          maxLength={500}
          error={server.caption}
          w={280}
        />
      </Group>
      <Checkbox
        label={t('seizures.attachments.clearedLabel')}
        description={t('seizures.attachments.clearedHelp')}
        checked={cleared}
        onChange={(e) => setCleared(e.currentTarget.checked)}
      />
      {upload.isPending && (
        <Progress value={Math.round(upload.progress * 100)} aria-label={t('seizures.attachments.progress')} striped animated data-testid="upload-progress" />
      )}
      {upload.error && !server.file && !server.caption && !server.kind ? <FormError error={upload.error} /> : null}
      {server.kind && <Text c="red" size="sm" role="alert">{server.kind}</Text>}
      <Group>
        <Button leftSection={<IconUpload size={16} aria-hidden />} onClick={submit} loading={upload.isPending}>
          {t('seizures.attachments.upload')}
        </Button>
      </Group>
    </Stack>
  );
}
