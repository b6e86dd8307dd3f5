import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { meQuery } from '@/api/queries/me';
import type { Me } from '@/api/types';
import { session } from '@/lib/session';
import { FakeXhr } from '@/test/fakeXhr';
import { renderRoutes } from '@/test/render';
import type { JournalEntry } from '../api/types';
import { InvestigationDetailPage } from '../routes/InvestigationDetailPage';
import { ID, investigation, journalEntry, journalFile } from '../test/fixtures';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });

const JOURNAL = `/api/v1/investigations/${ID}/journal`;
const ENTRIES = [
  journalEntry('j1', 1, {
    body: 'Phone found under the seat.',
    attachments: [journalFile('f1', 'phone.jpg'), journalFile('f2', 'seizure-report.pdf', 'application/pdf')],
  }),
  journalEntry('j2', 2, { kind: 'note', body: 'Nothing attached.' }),
];

function setup(onPost: (body: unknown) => Response = () => json(journalEntry('j3', 3), 201)) {
  const posted: unknown[] = [];
  const files: { path: string; auth: string | null }[] = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url);
      if (url.pathname.startsWith('/api/v1/codelists/')) return json({ name: 'x', entries: [] });
      if (url.pathname.includes('/journal-files/')) {
        files.push({ path: url.pathname, auth: req.headers.get('Authorization') });
        return new Response('jpeg', { status: 200, headers: { 'Content-Type': 'image/jpeg' } });
      }
      if (url.pathname === JOURNAL && req.method === 'POST') {
        const body = await req.json();
        posted.push(body);
        return onPost(body);
      }
      if (url.pathname === JOURNAL) return json({ items: ENTRIES satisfies JournalEntry[], next_cursor: null });
      if (url.pathname === `/api/v1/investigations/${ID}`) return json(investigation);
      return json({ status: 404, code: 'not_found', title: 'Not found' }, 404);
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  client.setQueryData(meQuery.queryKey, { id: 'sup', permissions: ['investigations.work'], roles: ['supervisor'] } as unknown as Me);
  renderRoutes([{ path: '/investigations/:id', element: <InvestigationDetailPage /> }], `/investigations/${ID}?tab=journal`, client);
  return { posted, files };
}

/** Opens the entry form, writes `body` and picks `file`: its upload starts at once. */
async function writeWithFile(body: string, file: File) {
  const user = userEvent.setup();
  await user.click(await screen.findByTestId('journal-write'));
  const dialog = await screen.findByTestId('journal-dialog');
  await user.type(within(dialog).getByTestId('journal-body'), body);
  await user.upload(within(dialog).getByLabelText('Attach files'), file);
  expect(FakeXhr.all).toHaveLength(1);
  return { user, dialog, xhr: FakeXhr.all[0] as FakeXhr };
}

const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
const photo = () => new File(['jpeg'], 'tyre.jpg', { type: 'image/jpeg' });

describe('the journal’s files', () => {
  beforeAll(() => {
    // jsdom has no FontFaceSet (Mantine's autosize textarea listens to it) nor blob URLs
    if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: (b: Blob) => `blob:${b.size}` });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: () => {} });
  });
  afterAll(() => {
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: original.create });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: original.revoke });
  });
  beforeEach(() => {
    FakeXhr.all = [];
    session.signedIn('tok-1', 900);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    session.reset();
  });

  it('shows an entry’s files under its body, the image’s thumbnail fetched with the token through the investigation', async () => {
    const { files } = setup();
    const [first, second] = (await screen.findAllByTestId('journal-entry')) as [HTMLElement, HTMLElement];
    const list = within(first).getByRole('list', { name: 'Attached files: 2' });
    expect(within(list).getAllByTestId('attachment-name').map((n) => n.textContent)).toEqual(['phone.jpg', 'seizure-report.pdf']);
    expect(await within(list).findByRole('img', { name: 'Preview of phone.jpg' })).toHaveAttribute('src', 'blob:4');
    expect(within(list).getByRole('button', { name: 'Download seizure-report.pdf' })).toBeInTheDocument();
    expect(files).toEqual([{ path: `/api/v1/investigations/${ID}/journal-files/f1/thumbnail`, auth: 'Bearer tok-1' }]);
    expect(within(second).queryByRole('list', { name: /Attached files/ })).toBeNull();

    // the thumbnail opens the full image
    await userEvent.click(within(list).getByRole('button', { name: 'Preview of phone.jpg' }));
    const viewer = await screen.findByRole('dialog', { name: 'phone.jpg' });
    expect(await within(viewer).findByRole('img', { name: 'phone.jpg' })).toBeInTheDocument();
    expect(files).toContainEqual({ path: `/api/v1/investigations/${ID}/journal-files/f1/content`, auth: 'Bearer tok-1' });
  });

  it('uploads a file as it is picked, waits for it, then sends its id with the entry', async () => {
    const { posted } = setup();
    const { user, dialog, xhr } = await writeWithFile('Tyre cut open.', photo());
    expect(xhr.url).toBe('http://api.test/api/v1/message-attachments');
    expect((xhr.body?.get('file') as File).name).toBe('tyre.jpg');
    xhr.progress(50, 100);
    expect(within(dialog).getByRole('progressbar', { name: 'Uploading tyre.jpg' })).toHaveAttribute('aria-valuenow', '50');
    expect(within(dialog).getByTestId('journal-submit')).toBeDisabled();

    await xhr.respond(201, { ...journalFile('up1', 'tyre.jpg'), content_url: '/api/v1/message-attachments/up1/content' });
    expect(within(dialog).getByTestId('upload-item')).toHaveAttribute('data-status', 'done');
    await user.click(within(dialog).getByTestId('journal-submit'));
    await waitFor(() => expect(screen.queryByTestId('journal-dialog')).toBeNull());
    expect(posted).toEqual([{ kind: 'action', body: 'Tyre cut open.', occurred_at: expect.any(String), corrects_id: null, attachment_ids: ['up1'] }]);
  });

  it('says at the picker why the server refused a file, and holds a failed upload back', async () => {
    const { posted } = setup(() =>
      json({ status: 422, code: 'validation_failed', title: 'Invalid', errors: [{ field: 'attachment_ids[0]', code: 'not_found', message: 'no upload of yours waiting to be sent' }] }, 422),
    );
    const { user, dialog, xhr } = await writeWithFile('Tyre cut open.', photo());
    await xhr.respond(201, journalFile('up1', 'tyre.jpg'));
    await user.click(within(dialog).getByTestId('journal-submit'));
    const picker = within(dialog).getByTestId('attachment-picker');
    expect(await within(picker).findByRole('alert')).toHaveTextContent('A file can no longer be sent');
    expect(posted).toHaveLength(1);

    // a file the server would not take is held back before sending
    await user.click(within(dialog).getByRole('button', { name: 'Remove tyre.jpg' }));
    expect(within(picker).queryByRole('alert')).toBeNull();
    await user.upload(within(dialog).getByLabelText('Attach files'), photo());
    await FakeXhr.all[1]?.respond(500, { status: 500, code: 'internal', title: 'Internal' });
    await user.click(within(dialog).getByTestId('journal-submit'));
    expect(await within(picker).findByText('Remove the files that could not be uploaded before writing the entry.')).toBeInTheDocument();
    expect(posted).toHaveLength(1);
  });

  it('takes at most 10 files for an entry', async () => {
    setup();
    const scans = Array.from({ length: 11 }, (_, i) => new File(['%PDF'], `scan-${i + 1}.pdf`, { type: 'application/pdf' }));
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('journal-write'));
    const dialog = await screen.findByTestId('journal-dialog');
    await user.upload(within(dialog).getByLabelText('Attach files'), scans);
    expect(FakeXhr.all).toHaveLength(10);
    const last = within(dialog).getAllByTestId('upload-item')[10] as HTMLElement;
    expect(within(last).getByTestId('upload-error')).toHaveTextContent('At most 10 files per entry.');
  });
});
