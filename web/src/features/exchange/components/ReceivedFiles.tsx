import { Badge, Button, Card, Center, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDownload, IconFile, IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Bidi, Data } from '@/components/Bidi';
import { formatBytes } from '@/lib/format';
import { useDownloadReceivedFile, useReceivedFileUrl } from '../api/files';
import { isShownImage, type ReceivedFile } from '../lib/received';

const BOX = { height: 160, background: 'var(--mantine-color-gray-1)', borderRadius: 'var(--mantine-radius-sm)' };
const KINDS = new Set(['photo', 'xray', 'document']);

/** The kind of a file in words, or as the sender wrote it when it is not one this node knows. */
function useKindLabel() {
  const { t } = useTranslation();
  return (kind: string) => (KINDS.has(kind) ? t(`exchange:inbox.document.files.kinds.${kind}`) : kind);
}

/** An image fetched with the token when its card shows; an icon for a file a browser cannot show (PDF, TIFF). */
function Preview({ file, filesBase, alt }: { file: ReceivedFile; filesBase: string; alt: string }) {
  const { t } = useTranslation();
  const image = isShownImage(file.media_type);
  const blob = useReceivedFileUrl(filesBase, file.sha256, image);
  if (!image)
    return (
      <Center style={BOX}>
        <Stack gap={4} align="center" px="xs">
          {file.media_type === 'application/pdf' ? (
            <IconFileTypePdf size={40} aria-hidden color="var(--mantine-color-gray-7)" />
          ) : (
            <IconFile size={40} aria-hidden color="var(--mantine-color-gray-7)" />
          )}
          <Text size="xs" c="dimmed" ta="center">
            {t('exchange:inbox.document.files.noPreview')}
          </Text>
        </Stack>
      </Center>
    );
  if (blob.url)
    return (
      <Center style={BOX}>
        <img src={blob.url} alt={alt} data-testid="received-file-image" style={{ maxHeight: BOX.height, maxWidth: '100%', objectFit: 'contain' }} />
      </Center>
    );
  return (
    <Center style={BOX}>
      {blob.isError ? (
        <Text size="sm" c="var(--mantine-color-error)" ta="center" px="xs" data-testid="received-file-error">
          {t('exchange:inbox.document.files.loadError')}
        </Text>
      ) : (
        <Loader size="sm" aria-hidden />
      )}
    </Center>
  );
}

function FileCard({ file, filesBase, n }: { file: ReceivedFile; filesBase: string; n: number }) {
  const { t, i18n } = useTranslation();
  const kindLabel = useKindLabel();
  const download = useDownloadReceivedFile(filesBase);
  const kind = kindLabel(file.kind);
  const alt = file.caption ? t('exchange:inbox.document.files.alt', { kind, caption: file.caption }) : kind;
  // what the download button names: the caption, the original name, or the kind and the card's number
  const name = file.caption ?? file.original_filename ?? t('exchange:inbox.document.files.unnamed', { kind, n });
  return (
    <Card withBorder padding="xs" role="listitem" data-testid="received-file" data-sha256={file.sha256} data-kind={file.kind}>
      <Stack gap={6}>
        <Preview file={file} filesBase={filesBase} alt={alt} />
        <Group gap={4}>
          <Badge size="xs" variant="outline" tt="none">
            {KINDS.has(file.kind) ? kind : <Data>{kind}</Data>}
          </Badge>
          {file.cleared_for_export && (
            <Badge size="xs" variant="outline" color="#1b6e31" tt="none" data-testid="received-file-cleared">
              {t('exchange:inbox.document.files.cleared')}
            </Badge>
          )}
        </Group>
        {file.caption && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="received-file-caption">
            <Data>{file.caption}</Data>
          </Text>
        )}
        {file.original_filename && (
          <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
            <Data>{file.original_filename}</Data>
          </Text>
        )}
        <Text size="xs" c="dimmed" data-testid="received-file-meta">
          <Data ltr>{file.media_type}</Data>
          {file.size_bytes != null && (
            <>
              {' · '}
              <Bidi>{formatBytes(file.size_bytes, i18n.language)}</Bidi>
            </>
          )}
          {file.width && file.height ? (
            <>
              {' · '}
              <Bidi>{t('exchange:inbox.document.files.dimensions', { width: file.width, height: file.height })}</Bidi>
            </>
          ) : null}
        </Text>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconDownload size={14} aria-hidden />}
          loading={download.isPending}
          onClick={() => download.mutate(file)}
          aria-label={t('exchange:inbox.document.files.downloadNamed', { name })}
        >
          {t('exchange:inbox.document.files.download')}
        </Button>
        {download.isError && (
          <Text size="xs" c="var(--mantine-color-error)" role="alert">
            {t('exchange:inbox.document.files.downloadError')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/**
 * The files a received case lists, as the partner sent them: images shown (fetched with the
 * token once this is on screen), every file downloadable. `filesBase` is where they are read
 * from (`inboxFilesBase`, `receivedFilesBase`); `label` names the grid.
 */
export function ReceivedFiles({ files, filesBase, label }: { files: readonly ReceivedFile[]; filesBase: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('exchange:inbox.document.files.help')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="sm" role="list" aria-label={label} data-testid="received-files">
        {files.map((f, i) => (
          <FileCard key={`${i}:${f.sha256}`} file={f} filesBase={filesBase} n={i + 1} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
