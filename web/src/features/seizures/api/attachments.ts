import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import { uploadMultipart } from '@/api/upload';
import type { Attachment, AttachmentKind, Case } from '@/api/types';
import { useObjectUrl } from '@/lib/useObjectUrl';
import { caseKeys } from './seizures';

/**
 * An attachment's thumbnail or content as a blob URL: the image endpoints need the bearer
 * token, so `<img src>` cannot point at them directly. The URL is revoked when unused.
 */
export function useAttachmentBlob(id: string, variant: 'thumbnail' | 'content', enabled = true) {
  const q = useQuery({
    queryKey: ['attachments', variant, id],
    enabled,
    staleTime: Infinity,
    gcTime: 60_000,
    queryFn: async ({ signal }) => {
      const params = { path: { id } };
      const result =
        variant === 'thumbnail'
          ? await api.GET('/api/v1/attachments/{id}/thumbnail', { params, parseAs: 'blob', signal })
          : await api.GET('/api/v1/attachments/{id}/content', { params, parseAs: 'blob', signal });
      return unwrap(result) as unknown as Blob;
    },
  });
  const url = useObjectUrl(q.data);
  return { url, isPending: q.isPending && enabled, isError: q.isError, error: q.error };
}

export interface UploadInput {
  file: File;
  kind: AttachmentKind;
  caption: string;
  clearedForExport: boolean;
}

/** Multipart upload with progress (XMLHttpRequest), the bearer token and one refresh on 401. */
export function uploadAttachment(
  caseId: string,
  input: UploadInput,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<Attachment> {
  const form = () => {
    const form = new FormData();
    form.append('kind', input.kind);
    if (input.caption.trim()) form.append('caption', input.caption.trim());
    form.append('cleared_for_export', String(input.clearedForExport));
    form.append('file', input.file, input.file.name);
    return form;
  };
  return uploadMultipart<Attachment>(`/api/v1/seizures/${encodeURIComponent(caseId)}/attachments`, form, onProgress, signal);
}

export function useUploadAttachment(caseId: string) {
  const qc = useQueryClient();
  const [progress, setProgress] = useState(0);
  const mutation = useMutation({
    mutationFn: (input: UploadInput) => {
      setProgress(0);
      return uploadAttachment(caseId, input, setProgress);
    },
    onSuccess: (attachment) => {
      qc.setQueryData<Case>(caseKeys.detail(caseId), (c) => (c ? { ...c, attachments: [...c.attachments, attachment] } : c));
      void qc.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
      void qc.invalidateQueries({ queryKey: caseKeys.history(caseId) });
    },
  });
  return { ...mutation, progress };
}
