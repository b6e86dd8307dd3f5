import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { uploadMessageAttachment } from '../api/attachments';
import type { MessageAttachment } from '../api/types';
import { checkFile, MAX_FILES, uploadProblem } from './attachments';
import type { Problem } from './compose';

/** A file picked for the message being written. */
export interface Upload {
  key: string;
  name: string;
  size: number;
  status: 'uploading' | 'done' | 'failed';
  /** fraction sent, 0–1 */
  progress: number;
  attachment: MessageAttachment | null;
  error: Problem | null;
}

export type UploadFn = typeof uploadMessageAttachment;

let seq = 0;

/**
 * The files of a message being written: each is checked, then uploaded at once (progress
 * per file); a file can be removed (its upload is cancelled), and `ids` are those uploaded,
 * in the order picked. Uploads still running when the form goes away are cancelled.
 */
export function useUploads(upload: UploadFn = uploadMessageAttachment) {
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
      const problem = taken >= MAX_FILES ? { key: 'messaging.attachments.errors.tooMany', values: { max: MAX_FILES } } : checkFile(file);
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

  /** After sending: the files went with the message. */
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
