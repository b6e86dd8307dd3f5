import { useEffect, useState } from 'react';

/**
 * A blob URL for `blob` (an image fetched with the bearer token, which `<img src>` cannot
 * send), revoked when the blob changes or the component unmounts.
 */
export function useObjectUrl(blob: Blob | null | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) return;
    const u = URL.createObjectURL(blob);
    // the object URL is an external resource tied to this effect: created here, revoked in the cleanup
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setUrl(u);
    return () => {
      URL.revokeObjectURL(u);
      setUrl(null);
    };
  }, [blob]);
  return url;
}

/** Saves `blob` as a file named `name` (a download the browser shows as such). */
export function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // some browsers start the download after the click returns
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
