import { useId, useRef } from 'react';
import { ActionIcon, Button, FileButton, Group, Input, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconFile, IconPaperclip, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ACCEPT, formatSize, MAX_FILE_BYTES, MAX_FILES } from '@/lib/attachments';
import type { Upload, Uploads } from '@/lib/useUploads';

function UploadRow({ upload, onRemove }: { upload: Upload; onRemove: () => void }) {
  const { t, i18n } = useTranslation();
  const percent = Math.round(upload.progress * 100);
  return (
    <Paper component="li" withBorder px="sm" py={6} data-testid="upload-item" data-status={upload.status}>
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <IconFile size={16} aria-hidden style={{ flexShrink: 0 }} />
          <Text size="sm" truncate="end" dir="auto" data-testid="upload-name">
            {upload.name}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatSize(upload.size, i18n.language)}
          </Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          {upload.status === 'uploading' && (
            <Text size="xs" c="dimmed" aria-hidden>
              {new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(upload.progress)}
            </Text>
          )}
          {upload.status === 'done' && (
            <Group gap={4} wrap="nowrap" c="dimmed">
              <IconCircleCheck size={16} aria-hidden color="var(--mantine-color-green-9)" />
              <Text size="xs">{t('messaging.attachments.uploaded')}</Text>
            </Group>
          )}
          <ActionIcon variant="subtle" color="gray" size="sm" onClick={onRemove} aria-label={t('messaging.attachments.remove', { name: upload.name })}>
            <IconX size={14} aria-hidden />
          </ActionIcon>
        </Group>
      </Group>
      {upload.status === 'uploading' && (
        <Progress
          value={percent}
          size="sm"
          mt={6}
          aria-label={t('messaging.attachments.uploading', { name: upload.name })}
          data-testid="upload-progress"
        />
      )}
      {upload.status === 'failed' && upload.error && (
        <Text size="xs" c="var(--mantine-color-error)" mt={4} role="alert" data-testid="upload-error">
          {t(upload.error.key, upload.error.values)}
        </Text>
      )}
    </Paper>
  );
}

/**
 * "Attach files" for a message or journal entry being written: several files at once (JPEG,
 * PNG, WebP, TIFF, PDF), each uploaded at once with its progress, removable, its problem shown
 * under it. `error` is the server's refusal of the files when sending.
 */
export function AttachmentPicker({
  uploads,
  error,
  onChange,
}: {
  uploads: Uploads;
  error?: string | null;
  /** a file was added or removed */
  onChange?: () => void;
}) {
  const { t } = useTranslation();
  const reset = useRef<() => void>(null);
  const helpId = useId();
  return (
    <Stack gap="xs" data-testid="attachment-picker">
      <Group gap="sm" wrap="wrap">
        <FileButton
          multiple
          accept={ACCEPT}
          resetRef={reset}
          onChange={(files) => {
            uploads.add(files);
            onChange?.();
            // the same file can be picked again after being removed
            reset.current?.();
          }}
          inputProps={{ 'aria-label': t('messaging.attachments.attach') }}
        >
          {(props) => (
            <Button variant="default" size="sm" leftSection={<IconPaperclip size={16} aria-hidden />} aria-describedby={helpId} {...props}>
              {t('messaging.attachments.attach')}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed" id={helpId}>
          {t('messaging.attachments.help', { max: MAX_FILES, size: MAX_FILE_BYTES / (1024 * 1024) })}
        </Text>
      </Group>
      {uploads.items.length > 0 && (
        <Stack gap={6} component="ul" aria-label={t('messaging.attachments.picked')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {uploads.items.map((u) => (
            <UploadRow
              key={u.key}
              upload={u}
              onRemove={() => {
                uploads.remove(u.key);
                onChange?.();
              }}
            />
          ))}
        </Stack>
      )}
      {error && <Input.Error role="alert">{error}</Input.Error>}
    </Stack>
  );
}

/** Says why Send waits (an assertive change would interrupt; polite is enough). */
export function UploadsPending({ busy }: { busy: boolean }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed" aria-live="polite" data-testid="uploads-pending">
      {busy ? t('messaging.attachments.waiting') : ''}
    </Text>
  );
}
