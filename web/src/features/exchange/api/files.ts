import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchFile } from '@/api/attachments';
import { saveBlob, useObjectUrl } from '@/lib/useObjectUrl';
import { downloadName, type ReceivedFile } from '../lib/received';

/**
 * The files of received cases: the photos, X-rays and documents a partner's package lists,
 * served by SHA-256 under where the case is read from (a package under review, or a received
 * case) with the bearer token, which `<img src>` cannot send. Each reading is audited
 * (`exchange.file_read`): a file read once is kept while its card shows, and a download of a
 * file already shown reuses it.
 */

/** Where the files of a package under review are read from. */
export const inboxFilesBase = (packageId: string) => `/api/v1/exchange/inbox/${encodeURIComponent(packageId)}/files`;

/** Where the files of an imported received case (its current version) are read from. */
export const receivedFilesBase = (receivedCaseId: string) => `/api/v1/exchange/received/${encodeURIComponent(receivedCaseId)}/files`;

const fileQuery = (filesBase: string, sha256: string) => ({
  queryKey: ['exchange', 'files', filesBase, sha256] as const,
  queryFn: ({ signal }: { signal?: AbortSignal }) => fetchFile(`${filesBase}/${sha256}`, signal),
  staleTime: Infinity,
  gcTime: 60_000,
});

/** The file as a blob URL (for an `<img>`), fetched while `enabled`, revoked when unused. */
export function useReceivedFileUrl(filesBase: string, sha256: string, enabled = true) {
  const q = useQuery({ ...fileQuery(filesBase, sha256), enabled });
  const url = useObjectUrl(q.data);
  return { url, isPending: enabled && q.isPending, isError: q.isError };
}

/** Saves a file under its name (its original one when the package gives it). */
export function useDownloadReceivedFile(filesBase: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (file: ReceivedFile) => {
      saveBlob(await qc.fetchQuery(fileQuery(filesBase, file.sha256)), downloadName(file));
    },
  });
}
