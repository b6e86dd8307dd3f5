import { useState } from 'react';
import { Badge, Box, Button, Card, Center, Group, Loader, Modal, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconDownload, IconFileText, IconPhotoOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '@/api/types';
import { Bidi, Data } from '@/components/Bidi';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatBytes, formatDateTime } from '@/lib/format';
import { useAttachmentBlob } from '../api/attachments';
import { ImageViewer } from './ImageViewer';

function Thumbnail({ a }: { a: Attachment }) {
  const { t } = useTranslation();
  const thumb = useAttachmentBlob(a.id, 'thumbnail', a.has_thumbnail);
  const box = { height: 140, background: 'var(--mantine-color-gray-1)' };
  if (!a.has_thumbnail)
    return (
      <Center style={box}>
        <IconFileText size={40} aria-hidden color="var(--mantine-color-gray-7)" />
      </Center>
    );
  if (thumb.isPending || !thumb.url)
    return (
      <Center style={box}>
        {thumb.isError ? <IconPhotoOff size={32} aria-label={t('seizures.attachments.thumbError')} /> : <Loader size="sm" aria-hidden />}
      </Center>
    );
  return (
    <Center style={box}>
      <img src={thumb.url} alt="" style={{ maxHeight: 140, maxWidth: '100%', objectFit: 'contain' }} />
    </Center>
  );
}

function download(url: string, name: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

function Viewer({ a, onClose }: { a: Attachment; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const content = useAttachmentBlob(a.id, 'content');
  const isImage = a.media_type.startsWith('image/');
  const title = a.caption || a.original_filename || t(`seizures.attachmentKinds.${a.kind}`);
  return (
    <Modal opened onClose={onClose} title={<Bidi>{title}</Bidi>} size="xl" data-testid="attachment-viewer">
      {content.isError ? (
        <ErrorState error={content.error} />
      ) : !content.url ? (
        <LoadingState />
      ) : (
        <Stack>
          {isImage ? (
            <ImageViewer src={content.url} alt={title} invertable={a.kind === 'xray'} />
          ) : (
            <Text>
              <Data>{a.original_filename ?? a.media_type}</Data>
            </Text>
          )}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              <Data>{a.media_type}</Data> · <Bidi>{formatBytes(a.size_bytes, i18n.language)}</Bidi>
              {a.width && a.height ? (
                <>
                  {' · '}
                  <Bidi ltr>{`${a.width}×${a.height}`}</Bidi>
                </>
              ) : null}
            </Text>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => download(content.url as string, a.original_filename ?? `${a.kind}-${a.id}`)}
            >
              {t('seizures.attachments.download')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** Photos, X-rays and documents of the case: thumbnails fetched with the token, a viewer to zoom in. */
export function AttachmentGallery({ attachments }: { attachments: readonly Attachment[] }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<Attachment | null>(null);
  if (attachments.length === 0) return <EmptyState title={t('seizures.attachments.empty')} />;
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm" data-testid="attachment-gallery">
        {attachments.map((a) => {
          const name = a.caption || a.original_filename || t(`seizures.attachmentKinds.${a.kind}`);
          return (
            <Card key={a.id} withBorder padding="xs" data-testid="attachment" data-kind={a.kind}>
              <UnstyledButton onClick={() => setOpen(a)} aria-label={t('seizures.attachments.open', { name })}>
                <Box>
                  <Thumbnail a={a} />
                </Box>
              </UnstyledButton>
              <Stack gap={2} mt="xs">
                <Group gap={4}>
                  <Badge size="xs" variant="outline" tt="none">
                    {t(`seizures.attachmentKinds.${a.kind}`)}
                  </Badge>
                  {a.cleared_for_export && (
                    <Badge size="xs" variant="outline" color="#1b6e31" tt="none">
                      {t('seizures.attachments.cleared')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" lineClamp={2}>
                  <Bidi>{name}</Bidi>
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(a.uploaded_at, i18n.language)}
                </Text>
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
      {open && <Viewer a={open} onClose={() => setOpen(null)} />}
    </>
  );
}
