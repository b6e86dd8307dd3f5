import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/lib/session';
import { renderPage } from '@/test/render';
import type { FileAttachment } from '@/api/types';
import { AttachedFiles } from './AttachedFiles';

const photo: FileAttachment = {
  id: 'a1',
  original_filename: 'container-seal.jpg',
  media_type: 'image/jpeg',
  size_bytes: 12_800,
  sha256: 'ab',
  width: 800,
  height: 600,
  content_url: '/api/v1/message-attachments/a1/content',
  thumbnail_url: '/api/v1/message-attachments/a1/thumbnail',
  message_id: 'm1',
  uploaded_by: 'u2',
  uploaded_at: '2026-03-01T08:00:00Z',
};
const report: FileAttachment = {
  ...photo,
  id: 'a2',
  original_filename: 'manifest.pdf',
  media_type: 'application/pdf',
  size_bytes: 3 * 1024 * 1024,
  width: null,
  height: null,
  content_url: '/api/v1/message-attachments/a2/content',
  thumbnail_url: null,
};

const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
const create = vi.fn((blob: Blob) => `blob:${blob.size}-${create.mock.calls.length}`);
const revoke = vi.fn();

function setup() {
  const calls: { path: string; auth: string | null }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const path = new URL(req.url).pathname;
      calls.push({ path, auth: req.headers.get('Authorization') });
      const bytes = path.endsWith('/thumbnail') ? 'jpeg' : 'the whole file';
      return new Response(bytes, { status: 200, headers: { 'Content-Type': 'application/octet-stream' } });
    }),
  );
  const view = renderPage(<AttachedFiles attachments={[photo, report]} />);
  return { calls, view };
}

describe('the files of a message or journal entry', () => {
  beforeAll(() => {
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: create });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: revoke });
  });
  afterAll(() => {
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: original.create });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: original.revoke });
  });
  beforeEach(() => session.signedIn('tok-1', 900));
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    create.mockClear();
    revoke.mockClear();
    session.reset();
  });

  it('shows image thumbnails fetched with the token as blob URLs, revoked on unmount, and names every file', async () => {
    const { calls, view } = setup();
    const thumb = await screen.findByRole('img', { name: 'Preview of container-seal.jpg' });
    expect(thumb).toHaveAttribute('src', 'blob:4-1');
    expect(calls).toEqual([{ path: '/api/v1/message-attachments/a1/thumbnail', auth: 'Bearer tok-1' }]);

    const cards = screen.getAllByTestId('message-attachment');
    expect(cards.map((c) => within(c).getByTestId('attachment-name').textContent)).toEqual(['container-seal.jpg', 'manifest.pdf']);
    expect(within(cards[0] as HTMLElement).getByTestId('attachment-meta')).toHaveTextContent('JPEG image · 12.5 kB');
    expect(within(cards[1] as HTMLElement).getByTestId('attachment-meta')).toHaveTextContent('PDF document · 3 MB');
    // a PDF has no thumbnail to fetch
    expect(within(cards[1] as HTMLElement).queryByRole('img')).toBeNull();
    expect(screen.getByRole('list', { name: 'Attached files: 2' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download container-seal.jpg' })).toBeInTheDocument();

    view.unmount();
    expect(revoke).toHaveBeenCalledWith('blob:4-1');
  });

  it('opens an image’s full content from its thumbnail, fetched with the token and let go when closed', async () => {
    const { calls } = setup();
    await userEvent.click(await screen.findByRole('button', { name: 'Preview of container-seal.jpg' }));
    const viewer = await screen.findByRole('dialog', { name: 'container-seal.jpg' });
    const full = await within(viewer).findByRole('img', { name: 'container-seal.jpg' });
    expect(calls).toContainEqual({ path: '/api/v1/message-attachments/a1/content', auth: 'Bearer tok-1' });
    const src = full.getAttribute('src');
    expect(src).toMatch(/^blob:14-\d$/);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(revoke).toHaveBeenCalledWith(src);
  });

  it('downloads a file with the token and saves it under its name', async () => {
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(`${this.download} ${this.href}`);
    });
    const { calls } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Download manifest.pdf' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(calls).toContainEqual({ path: '/api/v1/message-attachments/a2/content', auth: 'Bearer tok-1' });
    expect(saved[0]).toMatch(/^manifest\.pdf blob:14-\d$/);
    // the blob URL is let go once the browser has the file
    await waitFor(() => expect(revoke).toHaveBeenCalledWith(saved[0]?.split(' ')[1]), { timeout: 3_000 });
  });
});
