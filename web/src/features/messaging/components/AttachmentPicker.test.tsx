import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/lib/session';
import { FakeXhr } from '@/test/fakeXhr';
import { renderPage } from '@/test/render';
import type { MessageAttachment } from '../api/types';
import { ReplyBox } from './ReplyBox';

function stored(id: string, name: string, media_type = 'image/png'): MessageAttachment {
  return {
    id,
    original_filename: name,
    media_type,
    size_bytes: 2048,
    sha256: 'ab',
    content_url: `/api/v1/message-attachments/${id}/content`,
    thumbnail_url: media_type.startsWith('image/') ? `/api/v1/message-attachments/${id}/thumbnail` : null,
    message_id: null,
    uploaded_by: 'me',
    uploaded_at: '2026-03-01T08:00:00Z',
  };
}

function pick(name: string, type: string, size?: number): File {
  const f = new File(['%PNG'], name, { type });
  if (size !== undefined) Object.defineProperty(f, 'size', { value: size });
  return f;
}

function setup() {
  const posted: unknown[] = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      posted.push(await req.json());
      return new Response(JSON.stringify({ id: 't1', replies_to: null, messages: [] }), { status: 201, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  renderPage(<ReplyBox threadId="t1" />);
  // the picker's accept list would drop a GIF before the app sees it; the app's own check is tested here
  const user = userEvent.setup({ applyAccept: false });
  return { posted, user, input: screen.getByLabelText('Attach files') };
}

const items = () => screen.queryAllByTestId('upload-item');
const send = () => screen.getByRole('button', { name: 'Send' });

describe('attaching files to a message', () => {
  beforeAll(() => {
    if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
  });
  beforeEach(() => {
    FakeXhr.all = [];
    session.signedIn('tok-1', 900);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    session.reset();
  });

  it('uploads each file at once with its progress, holds Send until they are done, then sends their ids', async () => {
    const { posted, user, input } = setup();
    await user.upload(input, [pick('photo.png', 'image/png'), pick('report.pdf', 'application/pdf')]);

    expect(FakeXhr.all).toHaveLength(2);
    const [photo, report] = FakeXhr.all as [FakeXhr, FakeXhr];
    expect(photo.url).toBe('http://api.test/api/v1/message-attachments');
    expect(photo.headers.Authorization).toBe('Bearer tok-1');
    expect((photo.body?.get('file') as File).name).toBe('photo.png');

    photo.progress(50, 100);
    expect(screen.getByRole('progressbar', { name: 'Uploading photo.png' })).toHaveAttribute('aria-valuenow', '50');
    expect(screen.getByRole('progressbar', { name: 'Uploading report.pdf' })).toHaveAttribute('aria-valuenow', '0');
    expect(send()).toBeDisabled();
    expect(screen.getByTestId('uploads-pending')).toHaveTextContent('Waiting for the files to finish uploading…');

    await user.type(screen.getByRole('textbox', { name: /Your reply/ }), 'See attached.');
    await photo.respond(201, stored('a1', 'photo.png'));
    expect(send()).toBeDisabled();
    report.progress(100, 100);
    await report.respond(201, stored('a2', 'report.pdf', 'application/pdf'));

    expect(items().map((i) => i.getAttribute('data-status'))).toEqual(['done', 'done']);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(within(items()[0] as HTMLElement).getByText('Uploaded')).toBeInTheDocument();
    expect(send()).toBeEnabled();
    await user.click(send());
    await waitFor(() => expect(posted).toEqual([{ body: 'See attached.', attachment_ids: ['a1', 'a2'] }]));
    // sent: the box is empty again
    await waitFor(() => expect(items()).toHaveLength(0));
  });

  it('shows why each file was refused, in the UI language, and sends only once the failed ones are removed', async () => {
    const { posted, user, input } = setup();
    await user.upload(input, [pick('anim.gif', 'image/gif'), pick('huge.jpg', 'image/jpeg', 30 * 1024 * 1024), pick('broken.png', 'image/png')]);
    // only the file that passed the checks went to the server
    expect(FakeXhr.all).toHaveLength(1);
    await FakeXhr.all[0]?.respond(422, {
      status: 422,
      code: 'validation_failed',
      title: 'Unprocessable',
      errors: [{ field: 'file', code: 'corrupt', message: 'the file could not be read as the image/png it claims to be' }],
    });

    const errors = items().map((i) => [within(i).getByTestId('upload-name').textContent, within(i).getByTestId('upload-error').textContent]);
    expect(errors).toEqual([
      ['anim.gif', 'Unsupported type: only JPEG, PNG, WebP, TIFF and PDF files are accepted.'],
      ['huge.jpg', 'The file is over 25 MB.'],
      ['broken.png', 'The file is damaged, or its content is not what its type claims.'],
    ]);
    expect(items().every((i) => i.getAttribute('data-status') === 'failed')).toBe(true);

    await user.type(screen.getByRole('textbox', { name: /Your reply/ }), 'Files follow.');
    await user.click(send());
    expect(await screen.findByText('Remove the files that could not be uploaded before sending.')).toBeInTheDocument();
    expect(posted).toEqual([]);

    for (const name of ['anim.gif', 'huge.jpg', 'broken.png']) await user.click(screen.getByRole('button', { name: `Remove ${name}` }));
    expect(items()).toHaveLength(0);
    expect(screen.queryByText('Remove the files that could not be uploaded before sending.')).toBeNull();
    await user.click(send());
    await waitFor(() => expect(posted).toEqual([{ body: 'Files follow.' }]));
  });

  it('cancels the upload of a file removed while it is sent, and takes at most 10 files', async () => {
    const { user, input } = setup();
    await user.upload(input, [pick('first.png', 'image/png')]);
    const xhr = FakeXhr.all[0] as FakeXhr;
    xhr.progress(30, 100);
    await user.click(screen.getByRole('button', { name: 'Remove first.png' }));
    expect(xhr.aborted).toBe(true);
    expect(items()).toHaveLength(0);
    expect(send()).toBeEnabled();

    await user.upload(
      input,
      Array.from({ length: 11 }, (_, i) => pick(`scan-${i + 1}.jpg`, 'image/jpeg')),
    );
    expect(FakeXhr.all).toHaveLength(11);
    expect(within(items()[10] as HTMLElement).getByTestId('upload-error')).toHaveTextContent('At most 10 files per message.');
  });
});
