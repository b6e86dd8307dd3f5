import { Box, Button, Center, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconDownload, IconFile, IconFileTypePdf, IconPhotoOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDownloadMessageAttachment, useMessageThumbnail } from '../api/attachments';
import type { MessageAttachment } from '../api/types';
import { formatSize, typeKey } from '../lib/attachments';

const BOX = { height: 120, background: 'var(--mantine-color-gray-1)', borderRadius: 'var(--mantine-radius-sm)' };

function Preview({ attachment, name }: { attachment: MessageAttachment; name: string }) {
  const { t } = useTranslation();
  const hasThumb = !!attachment.thumbnail_url;
  const thumb = useMessageThumbnail(attachment.id, hasThumb);
  if (!hasThumb)
    return (
      <Center style={BOX}>
        {attachment.media_type === 'application/pdf' ? (
          <IconFileTypePdf size={40} aria-hidden color="var(--mantine-color-gray-7)" />
        ) : (
          <IconFile size={40} aria-hidden color="var(--mantine-color-gray-7)" />
        )}
      </Center>
    );
  if (!thumb.url)
    return (
      <Center style={BOX}>
        {thumb.isError ? (
          <IconPhotoOff size={32} role="img" aria-label={t('messaging.attachments.previewError')} />
        ) : (
          <Loader size="sm" aria-hidden />
        )}
      </Center>
    );
  return (
    <Center style={BOX}>
      <img
        src={thumb.url}
        alt={t('messaging.attachments.preview', { name })}
        data-testid="attachment-thumbnail"
        style={{ maxHeight: 120, maxWidth: '100%', objectFit: 'contain' }}
      />
    </Center>
  );
}

function AttachmentCard({ attachment }: { attachment: MessageAttachment }) {
  const { t, i18n } = useTranslation();
  const download = useDownloadMessageAttachment();
  const name = attachment.original_filename || t('messaging.attachments.unnamed');
  const type = typeKey(attachment.media_type);
  return (
    <Paper component="li" withBorder p="xs" w={200} maw="100%" data-testid="message-attachment" data-attachment-id={attachment.id}>
      <Stack gap={6}>
        <Preview attachment={attachment} name={name} />
        <Box>
          <Text size="sm" fw={500} lineClamp={2} dir="auto" style={{ overflowWrap: 'anywhere' }} data-testid="attachment-name">
            {name}
          </Text>
          <Text size="xs" c="dimmed" data-testid="attachment-meta">
            {type ? t(type) : attachment.media_type} · <bdi>{formatSize(attachment.size_bytes, i18n.language)}</bdi>
          </Text>
        </Box>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconDownload size={14} aria-hidden />}
          loading={download.isPending}
          onClick={() => download.mutate({ attachment, name })}
          aria-label={t('messaging.attachments.downloadNamed', { name })}
        >
          {t('messaging.attachments.download')}
        </Button>
        {download.isError && (
          <Text size="xs" c="var(--mantine-color-error)" role="alert">
            {t('messaging.attachments.downloadFailed')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** A message's files under its body: image thumbnails (fetched with the token), and a download for each. */
export function MessageAttachments({ attachments }: { attachments: readonly MessageAttachment[] }) {
  const { t } = useTranslation();
  if (attachments.length === 0) return null;
  return (
    <Box
      component="ul"
      aria-label={t('messaging.attachments.list', { count: attachments.length })}
      data-testid="message-attachments"
      style={{ listStyle: 'none', padding: 0, margin: 0, marginTop: 'var(--mantine-spacing-xs)', display: 'flex', flexWrap: 'wrap', gap: 'var(--mantine-spacing-xs)' }}
    >
      {attachments.map((a) => (
        <AttachmentCard key={a.id} attachment={a} />
      ))}
    </Box>
  );
}
