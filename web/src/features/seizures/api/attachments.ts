import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { refreshSession } from '@/api/auth';
import { ApiError, unwrap } from '@/api/errors';
import type { Attachment, AttachmentKind, Case } from '@/api/types';
import { apiBaseUrl } from '@/lib/config';
import { session } from '@/lib/session';
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
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!q.data) return;
    const u = URL.createObjectURL(q.data);
    // the object URL is an external resource tied to this effect: created here, revoked in the cleanup
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setUrl(u);
    return () => {
      URL.revokeObjectURL(u);
      setUrl(null);
    };
  }, [q.data]);
  return { url, isPending: q.isPending && enabled, isError: q.isError, error: q.error };
}

export interface UploadInput {
  file: File;
  kind: AttachmentKind;
  caption: string;
  clearedForExport: boolean;
}

function parseProblem(text: string) {
  try {
    const body = JSON.parse(text) as unknown;
    return body && typeof body === 'object' ? (body as ConstructorParameters<typeof ApiError>[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Multipart upload through XMLHttpRequest (fetch cannot report upload progress).
 * Sends the bearer token; on 401 refreshes the session once and sends again.
 */
export function uploadAttachment(
  caseId: string,
  input: UploadInput,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<Attachment> {
  const send = (token: string | null) =>
    new Promise<{ status: number; text: string; requestId?: string }>((resolve, reject) => {
      const form = new FormData();
      form.append('kind', input.kind);
      if (input.caption.trim()) form.append('caption', input.caption.trim());
      form.append('cleared_for_export', String(input.clearedForExport));
      form.append('file', input.file, input.file.name);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${apiBaseUrl()}/api/v1/seizures/${encodeURIComponent(caseId)}/attachments`);
      xhr.withCredentials = true;
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
      };
      xhr.onload = () =>
        resolve({ status: xhr.status, text: xhr.responseText, requestId: xhr.getResponseHeader('X-Request-Id') ?? undefined });
      xhr.onerror = () => reject(new ApiError(0, null, 'network error'));
      xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
      signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(form);
    });

  return (async () => {
    let res = await send(session.token());
    if (res.status === 401) {
      const fresh = await refreshSession();
      if (!fresh) {
        session.expired();
        throw new ApiError(401, parseProblem(res.text));
      }
      onProgress(0);
      res = await send(fresh);
    }
    if (res.status < 200 || res.status >= 300) {
      throw new ApiError(res.status, parseProblem(res.text), undefined, { requestId: res.requestId });
    }
    onProgress(1);
    return JSON.parse(res.text) as Attachment;
  })();
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
