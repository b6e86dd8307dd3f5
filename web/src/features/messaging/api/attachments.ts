import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import { uploadMultipart } from '@/api/upload';
import { saveBlob, useObjectUrl } from '@/lib/useObjectUrl';
import type { MessageAttachment } from './types';

/**
 * Uploads one file for a message being written (`POST /message-attachments`, one part `file`),
 * reporting the fraction sent; its id then goes in the message's `attachment_ids`.
 */
export function uploadMessageAttachment(file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<MessageAttachment> {
  const form = () => {
    const form = new FormData();
    form.append('file', file, file.name);
    return form;
  };
  return uploadMultipart<MessageAttachment>('/api/v1/message-attachments', form, onProgress, signal);
}

async function fetchBlob(id: string, variant: 'thumbnail' | 'content', signal?: AbortSignal): Promise<Blob> {
  const params = { path: { id } };
  const result =
    variant === 'thumbnail'
      ? await api.GET('/api/v1/message-attachments/{id}/thumbnail', { params, parseAs: 'blob', signal })
      : await api.GET('/api/v1/message-attachments/{id}/content', { params, parseAs: 'blob', signal });
  return unwrap(result) as unknown as Blob;
}

/**
 * A message image's thumbnail as a blob URL (the endpoint needs the bearer token, which
 * `<img src>` cannot send); revoked on unmount.
 */
export function useMessageThumbnail(id: string, enabled: boolean) {
  const q = useQuery({
    queryKey: ['message-attachments', 'thumbnail', id],
    enabled,
    staleTime: Infinity,
    gcTime: 60_000,
    queryFn: ({ signal }) => fetchBlob(id, 'thumbnail', signal),
  });
  const url = useObjectUrl(q.data);
  return { url, isPending: enabled && q.isPending, isError: q.isError };
}

/** Downloads a message's file with the token and saves it under its name. */
export function useDownloadMessageAttachment() {
  return useMutation({
    mutationFn: async ({ attachment, name }: { attachment: MessageAttachment; name: string }) => {
      saveBlob(await fetchBlob(attachment.id, 'content'), name);
    },
  });
}
