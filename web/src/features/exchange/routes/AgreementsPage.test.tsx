import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/lib/session';
import { isoDate } from '@/lib/validation';
import { FakeXhr } from '@/test/fakeXhr';
import type { Agreement, AgreementDocument } from '../api/exchange';
import { INVESTIGATOR, MA, SN, agreement, json, partner, problem, renderAs, stubApi, stubFonts, type Req } from '../test/fake';
import { AgreementsPage } from './AgreementsPage';

const ENDED = '0193b000-0000-7000-8000-0000000000b2';
const PARTNERS = [partner(), partner({ id: SN, country: 'SN', name: 'Douanes sénégalaises', public_key: 'c'.repeat(64) })];

/** The agreements' API; `replace` stores an agreement as the server would after an upload (which goes through XHR). */
function fakeAgreements(items: Agreement[]) {
  let current = [...items];
  const handler = (req: Req) => {
    const { pathname, searchParams } = req.url;
    if (pathname === '/api/v1/exchange/partners') return json({ items: PARTNERS });
    if (pathname === '/api/v1/exchange/agreements' && req.method === 'GET') {
      const of = searchParams.get('partner_id');
      return json({ items: current.filter((a) => !of || a.partner_id === of) });
    }
    if (pathname === '/api/v1/exchange/agreements' && req.method === 'POST') {
      const body = req.body as Partial<Agreement> & { partner_id: string };
      if (body.valid_until && body.valid_from && body.valid_until < body.valid_from) {
        return problem(422, 'validation_failed', { errors: [{ field: 'valid_until', code: 'before_start', message: 'must not be before valid_from' }] });
      }
      const p = PARTNERS.find((x) => x.id === body.partner_id)!;
      const created = agreement({ ...body, id: 'new-agreement', partner_name: p.name, partner_country: p.country });
      current = [created, ...current];
      return json(created, 201);
    }
    const m = /^\/api\/v1\/exchange\/agreements\/([^/]+)$/.exec(pathname);
    if (m && req.method === 'PATCH') {
      const found = current.find((a) => a.id === m[1])!;
      const next = { ...found, ...(req.body as object), version: found.version + 1, in_force: false };
      current = current.map((a) => (a.id === found.id ? next : a));
      return json(next);
    }
    const d = /^\/api\/v1\/exchange\/agreements\/([^/]+)\/document$/.exec(pathname);
    if (d && req.method === 'GET') {
      return current.find((a) => a.id === d[1])?.document
        ? new Response('%PDF-1.7 signed', { headers: { 'Content-Type': 'application/pdf' } })
        : problem(404, 'not_found');
    }
    return undefined;
  };
  return Object.assign(handler, {
    replace: (a: Agreement) => {
      current = current.map((x) => (x.id === a.id ? a : x));
    },
  });
}

function agreementDocument(id: string, over: Partial<AgreementDocument> = {}): AgreementDocument {
  return {
    filename: 'CMAA FR-MA signed.pdf',
    media_type: 'application/pdf',
    size_bytes: 245_760,
    sha256: '3c'.repeat(32),
    content_url: `/api/v1/exchange/agreements/${id}/document`,
    uploaded_by: 'me',
    uploaded_at: '2026-03-02T10:00:00Z',
    ...over,
  };
}

const ITEMS = [
  agreement({ version: 2 }),
  agreement({
    id: ENDED,
    reference: 'MoU 2015',
    instrument: 'mou',
    scope: 'nominal',
    commodity_groups: ['drugs', 'tobacco'],
    valid_from: '2015-01-01',
    valid_until: '2019-12-31',
    in_force: false,
  }),
];

const ROUTES = [{ path: '/exchange/agreements', element: <AgreementsPage /> }];

describe('the agreements page', { timeout: 60_000 }, () => {
  beforeEach(() => {
    stubFonts();
    session.signedIn('tok', 900);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    session.reset();
  });

  it('lists the agreements with whether each covers exchanges today', async () => {
    stubApi(fakeAgreements(ITEMS));
    renderAs(ROUTES, '/exchange/agreements');
    const table = await screen.findByTestId('agreements-table');
    const current = table.querySelector<HTMLElement>('tr[data-reference="FR-MA CMAA 2019"]')!;
    expect(current).toHaveTextContent('Bilateral customs mutual assistance agreement (CMAA)');
    expect(current).toHaveTextContent('Prevention and investigation of customs offences');
    expect(current).toHaveTextContent('Non-nominal');
    expect(current).toHaveTextContent('Every commodity group');
    expect(within(current).getByTestId('validity')).toHaveTextContent('From Jan 1, 2020');
    expect(within(current).getByTestId('in-force')).toHaveTextContent('In force');
    await waitFor(() => expect(current).toHaveTextContent('Morocco'));

    const ended = table.querySelector<HTMLElement>('tr[data-reference="MoU 2015"]')!;
    expect(within(ended).getByTestId('in-force')).toHaveTextContent('Ended');
    expect(within(ended).getByTestId('validity')).toHaveTextContent('Jan 1, 2015 to Dec 31, 2019');
    await waitFor(() => expect(ended).toHaveTextContent('Drugs, Tobacco'));
    expect(ended).toHaveTextContent('Nominal');
  });

  it('records an agreement with its purposes, scope, commodity groups and validity', async () => {
    const calls = stubApi(fakeAgreements(ITEMS));
    renderAs(ROUTES, `/exchange/agreements?partner=${SN}`);
    await waitFor(() => expect(calls.some((c) => c.path === `/api/v1/exchange/agreements?partner_id=${SN}`)).toBe(true));
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No agreement is recorded with this partner yet.');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Record an agreement' })).toBeEnabled());
    await userEvent.click(screen.getByRole('button', { name: 'Record an agreement' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record an agreement' });
    // the partner of the page, preset
    expect(within(dialog).getByRole('combobox', { name: /^Partner/ })).toHaveValue('Douanes sénégalaises');

    await userEvent.click(within(dialog).getByRole('combobox', { name: /^Instrument/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Memorandum of understanding' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Reference/ }), 'FR-SN MoU, 12 May 2025');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Purposes/ }), 'Risk analysis{enter}Investigation of customs offences');
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Nominal' }));
    await userEvent.click(within(dialog).getByRole('combobox', { name: /^Commodity groups/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Drugs' }));
    fireEvent.change(within(dialog).getByLabelText(/^In force from/), { target: { value: '2025-06-01' } });
    fireEvent.change(within(dialog).getByLabelText(/^Last day in force/), { target: { value: '2025-05-01' } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record the agreement' }));
    // checked here first: the end before the start
    expect(await within(dialog).findByText('Must not be before the first day in force.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText(/^Last day in force/), { target: { value: '' } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record the agreement' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        partner_id: SN,
        instrument: 'mou',
        reference: 'FR-SN MoU, 12 May 2025',
        purposes: ['Risk analysis', 'Investigation of customs offences'],
        scope: 'nominal',
        commodity_groups: ['drugs'],
        valid_from: '2025-06-01',
        valid_until: null,
        notes: null,
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Record an agreement' })).not.toBeInTheDocument());
    const row = (await screen.findByTestId('agreements-table')).querySelector<HTMLElement>('tr[data-reference="FR-SN MoU, 12 May 2025"]')!;
    expect(row).toHaveTextContent('Memorandum of understanding');
    expect(row).toHaveTextContent('Risk analysis');
  });

  it('ends an agreement by setting its last day in force, at the version shown', async () => {
    const calls = stubApi(fakeAgreements(ITEMS));
    renderAs(ROUTES, `/exchange/agreements?partner=${MA}`);
    const table = await screen.findByTestId('agreements-table');
    // an agreement that has ended cannot be ended again
    await userEvent.click(within(table).getByRole('button', { name: 'Actions for the agreement MoU 2015' }));
    expect(await screen.findByRole('menuitem', { name: 'Edit' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'End' })).toBeNull();
    await userEvent.keyboard('{Escape}');

    await userEvent.click(within(table).getByRole('button', { name: 'Actions for the agreement FR-MA CMAA 2019' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'End' }));
    const dialog = await screen.findByRole('dialog', { name: 'End the agreement' });
    expect(dialog).toHaveTextContent('The agreement FR-MA CMAA 2019 stays on record');
    expect(within(dialog).getByLabelText('Last day in force')).toHaveValue(isoDate(new Date()));
    fireEvent.change(within(dialog).getByLabelText('Last day in force'), { target: { value: '2026-06-30' } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'End the agreement' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({
        path: `/api/v1/exchange/agreements/${ITEMS[0]!.id}`,
        ifMatch: '"2"',
        body: { valid_until: '2026-06-30' },
      }),
    );
    await waitFor(() => expect(within(table.querySelector<HTMLElement>('tr[data-reference="FR-MA CMAA 2019"]')!).getByTestId('validity')).toHaveTextContent('Jan 1, 2020 to Jun 30, 2026'));
  });

  it('corrects an agreement, sending only what changed', async () => {
    const calls = stubApi(fakeAgreements(ITEMS));
    renderAs(ROUTES, '/exchange/agreements');
    const table = await screen.findByTestId('agreements-table');
    await userEvent.click(within(table).getByRole('button', { name: 'Actions for the agreement FR-MA CMAA 2019' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit the agreement FR-MA CMAA 2019' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Notes/ }), 'Renewed tacitly');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({ ifMatch: '"2"', body: { notes: 'Renewed tacitly' } }));
    expect(Object.keys(calls.find((c) => c.method === 'PATCH')!.body as object)).toEqual(['notes']);
  });

  describe('the document of an agreement', () => {
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    let saved: string[];
    const WITH_DOCUMENT = [{ ...ITEMS[0]!, document: agreementDocument(ITEMS[0]!.id) }, { ...ITEMS[1]!, document: null }];
    const rowOf = (table: HTMLElement, reference: string) => table.querySelector<HTMLElement>(`tr[data-reference="${reference}"]`)!;
    const pdf = (name: string, size = 2048) => new File([new Uint8Array(size)], name, { type: 'application/pdf' });

    beforeEach(() => {
      FakeXhr.all = [];
      vi.stubGlobal('XMLHttpRequest', FakeXhr);
      saved = [];
      Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: vi.fn(() => 'blob:file') });
      Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: vi.fn() });
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        saved.push(this.download);
      });
    });
    afterEach(() => {
      vi.restoreAllMocks();
      Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: original.create });
      Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: original.revoke });
    });

    it('shows the document with its type, size and date, and downloads it with the token under its name', async () => {
      const calls = stubApi(fakeAgreements(WITH_DOCUMENT));
      renderAs(ROUTES, '/exchange/agreements');
      const table = await screen.findByTestId('agreements-table');
      expect(within(table).getByRole('columnheader', { name: 'Document' })).toBeInTheDocument();

      const line = within(rowOf(table, 'FR-MA CMAA 2019')).getByTestId('agreement-document');
      expect(within(line).getByTestId('agreement-document-name')).toHaveTextContent('CMAA FR-MA signed.pdf');
      expect(within(line).getByTestId('agreement-document-meta')).toHaveTextContent('PDF document · 240 kB · uploaded Mar 2, 2026');
      // a liaison officer may replace it
      expect(within(line).getByRole('button', { name: 'Replace document for the agreement FR-MA CMAA 2019' })).toBeInTheDocument();
      expect(within(line).getByTestId('agreement-document-upload')).toHaveAttribute('accept', 'application/pdf,image/jpeg,image/png,image/webp,image/tiff');

      await userEvent.click(within(line).getByRole('button', { name: 'Download the document of the agreement FR-MA CMAA 2019' }));
      await waitFor(() => expect(saved).toEqual(['CMAA FR-MA signed.pdf']));
      expect(calls.filter((c) => c.path.endsWith('/document'))).toEqual([
        expect.objectContaining({ method: 'GET', path: `/api/v1/exchange/agreements/${ITEMS[0]!.id}/document` }),
      ]);

      // none: said so, nothing to download, one to upload
      const none = within(rowOf(table, 'MoU 2015')).getByTestId('agreement-document');
      expect(none).toHaveTextContent('No document');
      expect(within(none).queryByRole('button', { name: /^Download/ })).toBeNull();
      expect(within(none).getByRole('button', { name: 'Upload document for the agreement MoU 2015' })).toHaveTextContent('Upload document');
    });

    it('saves a document uploaded without a name under a default one', async () => {
      const items = [{ ...ITEMS[0]!, document: agreementDocument(ITEMS[0]!.id, { filename: null, media_type: 'image/tiff', size_bytes: 3 * 1024 * 1024 }) }];
      stubApi(fakeAgreements(items));
      renderAs(ROUTES, '/exchange/agreements');
      const line = within(await screen.findByTestId('agreements-table')).getByTestId('agreement-document');
      expect(within(line).getByTestId('agreement-document-name')).toHaveTextContent('Agreement document');
      expect(within(line).getByTestId('agreement-document-meta')).toHaveTextContent('TIFF image · 3 MB · uploaded Mar 2, 2026');
      await userEvent.click(within(line).getByRole('button', { name: 'Download the document of the agreement FR-MA CMAA 2019' }));
      await waitFor(() => expect(saved).toEqual(['Agreement document FR-MA CMAA 2019.tif']));
    });

    it('uploads a document as multipart with its progress, and shows the agreement as the server answers it', async () => {
      const fake = fakeAgreements(WITH_DOCUMENT);
      const calls = stubApi(fake);
      renderAs(ROUTES, '/exchange/agreements');
      const table = await screen.findByTestId('agreements-table');
      const line = () => within(rowOf(table, 'MoU 2015')).getByTestId('agreement-document');
      await userEvent.upload(within(line()).getByTestId('agreement-document-upload'), pdf('MoU 2015 scan.pdf'));

      expect(FakeXhr.all).toHaveLength(1);
      const xhr = FakeXhr.all[0]!;
      expect(xhr.url).toBe(`http://api.test/api/v1/exchange/agreements/${ENDED}/document`);
      expect(xhr.headers.Authorization).toBe('Bearer tok');
      expect([...xhr.body!.keys()]).toEqual(['file']);
      expect((xhr.body!.get('file') as File).name).toBe('MoU 2015 scan.pdf');
      xhr.progress(40, 100);
      expect(within(line()).getByRole('progressbar', { name: 'Uploading the document of the agreement MoU 2015' })).toHaveAttribute('aria-valuenow', '40');

      const updated = {
        ...WITH_DOCUMENT[1]!,
        version: WITH_DOCUMENT[1]!.version + 1,
        document: agreementDocument(ENDED, { filename: 'MoU 2015 scan.pdf', size_bytes: 2048, uploaded_at: '2026-03-12T09:00:00Z' }),
      };
      fake.replace(updated);
      const listReads = calls.filter((c) => c.path === '/api/v1/exchange/agreements').length;
      await xhr.respond(200, updated);

      await waitFor(() => expect(within(line()).getByTestId('agreement-document-name')).toHaveTextContent('MoU 2015 scan.pdf'));
      expect(within(line()).getByTestId('agreement-document-meta')).toHaveTextContent('PDF document · 2 kB · uploaded Mar 12, 2026');
      expect(within(line()).queryByRole('progressbar')).toBeNull();
      expect(within(line()).getByRole('button', { name: 'Replace document for the agreement MoU 2015' })).toHaveTextContent('Replace document');
      // the list is read again
      await waitFor(() => expect(calls.filter((c) => c.path === '/api/v1/exchange/agreements').length).toBeGreaterThan(listReads));
    });

    it('shows why an upload was refused: the file, or the server’s own word', async () => {
      stubApi(fakeAgreements(WITH_DOCUMENT));
      renderAs(ROUTES, '/exchange/agreements');
      const table = await screen.findByTestId('agreements-table');
      const line = () => within(rowOf(table, 'FR-MA CMAA 2019')).getByTestId('agreement-document');
      const input = () => within(line()).getByTestId('agreement-document-upload');

      // refused before sending: not a type the server takes
      await userEvent.upload(input(), new File(['GIF89a'], 'anim.gif', { type: 'image/gif' }), { applyAccept: false });
      expect(within(line()).getByRole('alert')).toHaveTextContent('Unsupported type: only JPEG, PNG, WebP, TIFF and PDF files are accepted.');
      expect(FakeXhr.all).toHaveLength(0);

      await userEvent.upload(input(), pdf('locked.pdf'));
      expect(within(line()).queryByRole('alert')).toBeNull();
      await FakeXhr.all[0]!.respond(422, {
        status: 422,
        code: 'validation_failed',
        title: 'Unprocessable',
        errors: [{ field: 'file', code: 'encrypted', message: 'the PDF is encrypted' }],
      });
      expect(await within(line()).findByRole('alert')).toHaveTextContent('The PDF is password-protected: attach an unprotected copy.');

      await userEvent.upload(input(), pdf('big.pdf'));
      await FakeXhr.all[1]!.respond(413, { status: 413, code: 'payload_too_large', title: 'Payload Too Large' });
      expect(await within(line()).findByRole('alert')).toHaveTextContent('The file is over 25 MB.');

      await userEvent.upload(input(), pdf('odd.pdf'));
      await FakeXhr.all[2]!.respond(422, {
        status: 422,
        code: 'validation_failed',
        title: 'Unprocessable',
        errors: [{ field: 'file', code: 'page_count', message: 'the document has no page' }],
      });
      expect(await within(line()).findByRole('alert')).toHaveTextContent('the document has no page');
      // the document shown is still the one on record
      expect(within(line()).getByTestId('agreement-document-name')).toHaveTextContent('CMAA FR-MA signed.pdf');
    });

    it('offers no upload to whoever may not manage the exchange', async () => {
      stubApi(fakeAgreements(WITH_DOCUMENT));
      renderAs(ROUTES, '/exchange/agreements', INVESTIGATOR);
      const table = await screen.findByTestId('agreements-table');
      expect(within(table).queryAllByTestId('agreement-document-upload')).toEqual([]);
      expect(within(rowOf(table, 'FR-MA CMAA 2019')).getByRole('button', { name: 'Download the document of the agreement FR-MA CMAA 2019' })).toBeInTheDocument();
      expect(within(rowOf(table, 'MoU 2015')).getByTestId('agreement-document')).toHaveTextContent('No document');
    });
  });
});
