import { useMutation, useQuery } from '@tanstack/react-query';
import { saveBlob, useObjectUrl } from '@/lib/useObjectUrl';
import { api } from './client';
import { unwrap } from './errors';
import type { FileAttachment } from './types';
import { uploadMultipart } from './upload';

/**
 * Uploads one file through the attachment pipeline (`POST /message-attachments`, one part
 * `file`), reporting the fraction sent; its id then goes in the `attachment_ids` of the message
 * or journal entry that takes it.
 */
export function uploadAttachment(file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<FileAttachment> {
  const form = () => {
    const form = new FormData();
    form.append('file', file, file.name);
    return form;
  };
  return uploadMultipart<FileAttachment>('/api/v1/message-attachments', form, onProgress, signal);
}

/**
 * A stored file (or its thumbnail) by the link the server gave for it (`content_url`,
 * `thumbnail_url`): a message's, or a journal entry's through its investigation. The link is a
 * path with its ids filled in, so the typed client sends it as it is, with the token (and its
 * refresh) that `<img src>` or a plain link could not send.
 */
export async function fetchFile(link: string, signal?: AbortSignal): Promise<Blob> {
  const path = link as '/api/v1/message-attachments/{id}/content';
  // no `{id}` is left in `path` to fill: the parameter is only there for the type
  return unwrap(await api.GET(path, { params: { path: { id: '' } }, parseAs: 'blob', signal })) as unknown as Blob;
}

/**
 * The file at `link` as a blob URL (for an `<img>`), fetched while `enabled`, revoked on
 * unmount. `keep` is how long the blob stays cached once unused (thumbnails a minute, full
 * images not at all).
 */
export function useFileUrl(link: string | null | undefined, enabled = true, keep = 60_000) {
  const on = enabled && !!link;
  const q = useQuery({
    queryKey: ['files', link],
    enabled: on,
    staleTime: Infinity,
    gcTime: keep,
    queryFn: ({ signal }) => fetchFile(link as string, signal),
  });
  const url = useObjectUrl(q.data);
  return { url, isPending: on && q.isPending, isError: q.isError };
}

/** Downloads a stored file with the token and saves it under its name. */
export function useDownloadFile() {
  return useMutation({
    mutationFn: async ({ attachment, name }: { attachment: FileAttachment; name: string }) => {
      saveBlob(await fetchFile(attachment.content_url), name);
    },
  });
}
