import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { uploadAttachment } from '@/api/attachments';
import type { FileAttachment } from '@/api/types';
import { checkFile, MAX_FILES, TOO_MANY_PER_MESSAGE, uploadProblem, type Problem } from './attachments';

/** A file picked for the message (or journal entry) being written. */
export interface Upload {
  key: string;
  name: string;
  size: number;
  status: 'uploading' | 'done' | 'failed';
  /** fraction sent, 0–1 */
  progress: number;
  attachment: FileAttachment | null;
  error: Problem | null;
}

export type UploadFn = typeof uploadAttachment;

let seq = 0;

/**
 * The files of a message (or journal entry) being written: each is checked, then uploaded at
 * once (progress per file); a file can be removed (its upload is cancelled), and `ids` are
 * those uploaded, in the order picked. Uploads still running when the form goes away are
 * cancelled. `tooMany` is the key that refuses a file over the limit ("… per message").
 */
export function useUploads(tooMany = TOO_MANY_PER_MESSAGE, upload: UploadFn = uploadAttachment) {
  const [items, setItems] = useState<Upload[]>([]);
  const controllers = useRef(new Map<string, AbortController>());

  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const c of running.values()) c.abort();
      running.clear();
    };
  }, []);

  const patch = useCallback((key: string, change: Partial<Upload>) => {
    setItems((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }, []);

  const add = (files: readonly File[]) => {
    let taken = items.filter((u) => u.status !== 'failed').length;
    const added: Upload[] = [];
    for (const file of files) {
      seq += 1;
      const key = `upload-${seq}`;
      const base = { key, name: file.name, size: file.size, progress: 0, attachment: null };
      const problem = taken >= MAX_FILES ? { key: tooMany, values: { max: MAX_FILES } } : checkFile(file);
      if (problem) {
        added.push({ ...base, status: 'failed', error: problem });
        continue;
      }
      taken += 1;
      added.push({ ...base, status: 'uploading', error: null });
      const controller = new AbortController();
      controllers.current.set(key, controller);
      upload(file, (progress) => patch(key, { progress }), controller.signal)
        .then((attachment) => patch(key, { status: 'done', progress: 1, attachment }))
        .catch((e: unknown) => {
          if (!controller.signal.aborted) patch(key, { status: 'failed', error: uploadProblem(e) });
        })
        .finally(() => controllers.current.delete(key));
    }
    setItems((list) => [...list, ...added]);
  };

  const remove = (key: string) => {
    controllers.current.get(key)?.abort();
    controllers.current.delete(key);
    setItems((list) => list.filter((u) => u.key !== key));
  };

  /** After sending: the files went with the message (or entry). */
  const clear = () => setItems([]);

  const ids = useMemo(() => items.flatMap((u) => (u.status === 'done' && u.attachment ? [u.attachment.id] : [])), [items]);
  return {
    items,
    ids,
    busy: items.some((u) => u.status === 'uploading'),
    failed: items.some((u) => u.status === 'failed'),
    add,
    remove,
    clear,
  };
}

export type Uploads = ReturnType<typeof useUploads>;
