import { useState } from 'react';
import { Box, Button, Center, Loader, Modal, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconDownload, IconFile, IconFileTypePdf, IconPhotoOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDownloadFile, useFileUrl } from '@/api/attachments';
import type { FileAttachment } from '@/api/types';
import { formatSize, typeKey } from '@/lib/attachments';
import { Data } from './Bidi';

const BOX = { height: 120, background: 'var(--mantine-color-gray-1)', borderRadius: 'var(--mantine-radius-sm)' };

/** An image's thumbnail, a button that opens the full image; an icon for a PDF. */
function Preview({ attachment, name, onOpen }: { attachment: FileAttachment; name: string; onOpen: () => void }) {
  const { t } = useTranslation();
  const thumb = useFileUrl(attachment.thumbnail_url);
  if (!attachment.thumbnail_url)
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
  // the button is named by the thumbnail's text ("Preview of …")
  return (
    <UnstyledButton onClick={onOpen} w="100%" data-testid="attachment-open">
      <Center style={BOX}>
        <img
          src={thumb.url}
          alt={t('messaging.attachments.preview', { name })}
          data-testid="attachment-thumbnail"
          style={{ maxHeight: 120, maxWidth: '100%', objectFit: 'contain' }}
        />
      </Center>
    </UnstyledButton>
  );
}

/** The full image, fetched with the token when opened and let go when closed. */
function ImageViewer({ attachment, name, onClose }: { attachment: FileAttachment; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const full = useFileUrl(attachment.content_url, true, 0);
  return (
    <Modal opened onClose={onClose} title={<Data>{name}</Data>} size="xl" data-testid="attachment-viewer">
      <Center mih={160}>
        {full.url ? (
          <img src={full.url} alt={name} data-testid="attachment-full" style={{ maxWidth: '100%', maxHeight: '75vh', objectFit: 'contain' }} />
        ) : full.isError ? (
          <Text c="var(--mantine-color-error)" role="alert">
            {t('messaging.attachments.previewError')}
          </Text>
        ) : (
          <Loader aria-hidden />
        )}
      </Center>
    </Modal>
  );
}

function AttachmentCard({ attachment }: { attachment: FileAttachment }) {
  const { t, i18n } = useTranslation();
  const download = useDownloadFile();
  const [open, setOpen] = useState(false);
  const name = attachment.original_filename || t('messaging.attachments.unnamed');
  const type = typeKey(attachment.media_type);
  return (
    <Paper component="li" withBorder p="xs" w={200} maw="100%" data-testid="message-attachment" data-attachment-id={attachment.id}>
      <Stack gap={6}>
        <Preview attachment={attachment} name={name} onOpen={() => setOpen(true)} />
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
      {open && <ImageViewer attachment={attachment} name={name} onClose={() => setOpen(false)} />}
    </Paper>
  );
}

/**
 * Files under a message or journal entry: image thumbnails (fetched with the token through the
 * links the server gave) that open the full image, and a download for each file.
 */
export function AttachedFiles({ attachments }: { attachments: readonly FileAttachment[] }) {
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
