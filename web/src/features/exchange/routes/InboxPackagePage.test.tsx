import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/i18n';
import { session } from '@/lib/session';
import type { InboxPackage, PackageImport } from '../api/exchange';
import { PDF_SHA, PHOTO_SHA, RECEIVED_ID, inboxPackage, json, problem, receivedAttachment, renderAs, stubApi, stubFonts, type Req } from '../test/fake';
import { InboxPackagePage } from './InboxPackagePage';

const ID = '0193e000-0000-7000-8000-0000000000e1';
const PATH = `/exchange/inbox/${ID}`;
const SECOND = '0193f000-0000-7000-8000-0000000000f2';

const TWO_CASES = inboxPackage({
  version: 3,
  cases: 2,
  case_references: ['MA-2026-000042', 'MA-2026-000043'],
});

const REPORT: PackageImport = {
  package_id: ID,
  created: 1,
  updated: 1,
  unchanged: 0,
  received_case_ids: [RECEIVED_ID, SECOND],
  alert_hits: 1,
  withdrawn: [],
};

const WITHDRAWN_PACKAGE = '0193e000-0000-7000-8000-0000000000e0';

/** A withdrawal received from Morocco: stored as imported (applied on arrival), with no document. */
const WITHDRAWAL = inboxPackage({
  kind: 'withdrawal',
  withdraws: WITHDRAWN_PACKAGE,
  status: 'imported',
  cases: 2,
  case_references: ['MA-2026-000042', 'MA-2026-000043'],
  documents: [],
  withdrawal: {
    package_id: WITHDRAWN_PACKAGE,
    reason: 'Sent under the wrong agreement: not to be used.',
    cases: [
      { reference: 'MA-2026-000042', version: 3 },
      { reference: 'MA-2026-000043', version: 1 },
    ],
  },
});

/**
 * One received package: reads answer `pkg` (it may change between reads, as when another
 * officer reviewed it); import and dismiss answer `review` when given, or do what the server
 * does (an import answers `report`).
 */
function fakeInbox(first: InboxPackage, { review, report = REPORT }: { review?: () => Response; report?: PackageImport } = {}) {
  let pkg = first;
  const reads = { count: 0 };
  const handler = (req: Req) => {
    const { pathname } = req.url;
    if (pathname === `/api/v1/exchange/inbox/${ID}` && req.method === 'GET') {
      reads.count += 1;
      return json(pkg);
    }
    if (pathname === `/api/v1/exchange/inbox/${ID}/import`) {
      if (review) return review();
      pkg = { ...pkg, status: 'imported', version: pkg.version + 1, reviewed_at: '2026-03-11T09:30:00Z' };
      return json(report);
    }
    if (pathname === `/api/v1/exchange/inbox/${ID}/dismiss`) {
      if (review) return review();
      const { reason } = req.body as { reason: string };
      pkg = { ...pkg, status: 'dismissed', version: pkg.version + 1, review_note: reason, reviewed_at: '2026-03-11T09:30:00Z' };
      return new Response(null, { status: 204 });
    }
    if (pathname === '/api/v1/exchange/inbox') return json({ items: [] });
    if (pathname === '/api/v1/exchange/received') return json({ items: [] });
    return undefined;
  };
  return { handler, set: (p: InboxPackage) => (pkg = p), reads };
}

const ROUTES = [
  { path: '/exchange/inbox/:id', element: <InboxPackagePage /> },
  { path: '/exchange/inbox', element: <p>inbox</p> },
  { path: '/exchange/received', element: <p>received cases</p> },
  { path: '/exchange/received/:id', element: <p>a received case</p> },
];

describe('reviewing a received package', { timeout: 60_000 }, () => {
  beforeEach(() => {
    stubFonts();
    session.signedIn('tok', 900);
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    session.reset();
    await i18n.changeLanguage('en');
  });

  it('imports a package waiting for review at the version read, then says what the import did', async () => {
    const fake = fakeInbox(TWO_CASES);
    const calls = stubApi(fake.handler);
    renderAs(ROUTES, PATH);
    const review = await screen.findByTestId('review');
    expect(review).toHaveTextContent('Nothing is merged into this node’s cases or registers.');
    await userEvent.click(within(review).getByRole('button', { name: 'Import' }));

    const report = await screen.findByTestId('import-report');
    expect(within(report).getByRole('heading', { name: 'What the import did' })).toBeInTheDocument();
    expect(within(report).getByTestId('report-created')).toHaveTextContent('New cases1');
    expect(within(report).getByTestId('report-updated')).toHaveTextContent('1');
    expect(within(report).getByTestId('report-unchanged')).toHaveTextContent('0');
    expect(within(report).getByTestId('report-alert-hits')).toHaveTextContent('1');
    expect(within(report).getByTestId('report-alerts')).toHaveTextContent('the owners of those alerts have been notified');
    expect(report).toHaveTextContent('Nothing was merged into this node’s cases or registers');
    // each received case, by its reference at the sender
    const cases = within(report).getByTestId('report-cases');
    expect(within(cases).getByRole('link', { name: 'MA-2026-000042' })).toHaveAttribute('href', `/exchange/received/${RECEIVED_ID}`);
    expect(within(cases).getByRole('link', { name: 'MA-2026-000043' })).toHaveAttribute('href', `/exchange/received/${SECOND}`);

    // the package is now imported, and offers nothing more
    expect(screen.queryByTestId('review')).toBeNull();
    expect(within(screen.getByTestId('provenance')).getByTestId('inbox-status')).toHaveTextContent('Imported');
    const post = calls.find((c) => c.method === 'POST');
    expect(post).toMatchObject({ path: `/api/v1/exchange/inbox/${ID}/import`, ifMatch: '"3"' });
    // read once: each reading is audited
    expect(fake.reads.count).toBe(1);

    await userEvent.click(within(cases).getByRole('link', { name: 'MA-2026-000042' }));
    expect(await screen.findByText('a received case')).toBeInTheDocument();
  });

  it('says which cases the import skipped because the sender withdrew them', async () => {
    const fake = fakeInbox(TWO_CASES, {
      report: { ...REPORT, created: 1, updated: 0, alert_hits: 0, received_case_ids: [SECOND], withdrawn: ['MA-2026-000042'] },
    });
    stubApi(fake.handler);
    renderAs(ROUTES, PATH);
    await userEvent.click(await screen.findByRole('button', { name: 'Import' }));
    const report = await screen.findByTestId('import-report');
    const withdrawn = within(report).getByTestId('report-withdrawn');
    expect(withdrawn).toHaveTextContent('Not imported: 1 case withdrawn by the sender');
    expect(withdrawn).toHaveTextContent('The sender withdrew these cases since it sent this package');
    expect(withdrawn).toHaveTextContent('MA-2026-000042');
    // the received case is the one imported, under its own reference
    const cases = within(report).getByTestId('report-cases');
    expect(within(cases).getAllByRole('link').map((l) => l.textContent)).toEqual(['MA-2026-000043']);
    expect(within(cases).getByRole('link', { name: 'MA-2026-000043' })).toHaveAttribute('href', `/exchange/received/${SECOND}`);
  });

  it('shows a withdrawal: applied on arrival, the sender’s reason and the references withdrawn, with nothing to import or dismiss', async () => {
    const fake = fakeInbox(WITHDRAWAL);
    const calls = stubApi(fake.handler);
    renderAs(ROUTES, PATH);
    expect(await screen.findByRole('heading', { name: 'Withdrawal from Administration des douanes et impôts indirects', level: 1 })).toBeInTheDocument();
    const withdrawal = screen.getByTestId('withdrawal');
    expect(within(withdrawal).getByRole('heading', { name: 'Withdrawal' })).toBeInTheDocument();
    expect(within(withdrawal).getByTestId('withdrawal-applied')).toHaveTextContent('Applied on arrival');
    expect(within(withdrawal).getByTestId('withdrawal-applied')).toHaveTextContent('There is nothing to import or dismiss.');
    expect(within(withdrawal).getByTestId('withdrawal-reason')).toHaveTextContent('Sent under the wrong agreement: not to be used.');
    expect(within(within(withdrawal).getByTestId('withdrawal-of')).getByRole('link', { name: WITHDRAWN_PACKAGE })).toHaveAttribute(
      'href',
      `/exchange/inbox/${WITHDRAWN_PACKAGE}`,
    );
    const table = within(withdrawal).getByRole('table', { name: '2 cases withdrawn' });
    expect(within(table).getAllByTestId('withdrawn-case').map((r) => r.textContent)).toEqual([
      'MA-2026-000042v3 and earlier',
      'MA-2026-000043v1 and earlier',
    ]);
    expect(within(screen.getByTestId('provenance')).getByTestId('inbox-status')).toHaveTextContent('Applied');
    // nothing to review, no document, and not the outcome of an import
    expect(screen.queryByTestId('review')).toBeNull();
    expect(screen.queryByRole('button', { name: /^(Import|Dismiss)$/ })).toBeNull();
    expect(screen.queryByTestId('review-outcome')).toBeNull();
    expect(screen.queryByTestId('received-document')).toBeNull();
    expect(screen.queryByRole('heading', { name: /The cases as they arrived/ })).toBeNull();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('dismisses a package with a reason, required, and shows it', async () => {
    const fake = fakeInbox(TWO_CASES);
    const calls = stubApi(fake.handler);
    renderAs(ROUTES, PATH);
    await userEvent.click(await screen.findByRole('button', { name: 'Dismiss' }));
    const dialog = await screen.findByRole('dialog', { name: 'Dismiss this package' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Dismiss the package' }));
    expect(within(dialog).getByText('Required')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await userEvent.type(within(dialog).getByRole('textbox', { name: /Reason/ }), '  Sent to us by mistake: not our case.  ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Dismiss the package' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      path: `/api/v1/exchange/inbox/${ID}/dismiss`,
      ifMatch: '"3"',
      body: { reason: 'Sent to us by mistake: not our case.' },
    });
    const outcome = screen.getByTestId('review-outcome');
    expect(outcome).toHaveAttribute('data-status', 'dismissed');
    expect(within(outcome).getByTestId('review-note')).toHaveTextContent('Why it was dismissedSent to us by mistake: not our case.');
    expect(within(screen.getByTestId('provenance')).getByTestId('inbox-status')).toHaveTextContent('Dismissed');
    expect(screen.queryByTestId('review')).toBeNull();
    expect(fake.reads.count).toBe(1);
  });

  it('shows why a dismissed package was dismissed, and offers no review', async () => {
    stubApi(fakeInbox(inboxPackage({ status: 'dismissed', reviewed_at: '2026-03-12T10:00:00Z', review_note: 'Duplicate of a package received by fax.' })).handler);
    renderAs(ROUTES, PATH);
    const outcome = await screen.findByTestId('review-outcome');
    expect(outcome).toHaveTextContent('Dismissed on');
    expect(within(outcome).getByTestId('review-note')).toHaveTextContent('Duplicate of a package received by fax.');
    expect(screen.queryByRole('button', { name: /^(Import|Dismiss)$/ })).toBeNull();
  });

  it('leads from an imported package to the received cases', async () => {
    stubApi(fakeInbox(inboxPackage({ status: 'imported', reviewed_at: '2026-03-12T10:00:00Z' })).handler);
    renderAs(ROUTES, PATH);
    const outcome = await screen.findByTestId('review-outcome');
    expect(outcome).toHaveTextContent('Imported on');
    expect(within(outcome).getByRole('link', { name: 'Open the received cases' })).toHaveAttribute('href', '/exchange/received');
    expect(screen.queryByTestId('review')).toBeNull();
  });

  it('says when another officer reviewed the package meanwhile, and shows where it stands on request', async () => {
    const fake = fakeInbox(TWO_CASES, { review: () => problem(409, 'not_received', { detail: 'this package was imported already' }) });
    stubApi(fake.handler);
    renderAs(ROUTES, PATH);
    await userEvent.click(await screen.findByRole('button', { name: 'Import' }));
    const refused = await screen.findByTestId('review-refused');
    expect(refused).toHaveTextContent('This package is no longer waiting for review: it was imported or dismissed meanwhile.');
    expect(screen.queryByTestId('import-report')).toBeNull();

    fake.set({ ...TWO_CASES, status: 'imported', version: 4, reviewed_at: '2026-03-11T09:00:00Z' });
    await userEvent.click(within(refused).getByRole('button', { name: 'See where it stands' }));
    await waitFor(() => expect(within(screen.getByTestId('provenance')).getByTestId('inbox-status')).toHaveTextContent('Imported'));
    expect(screen.queryByTestId('review-refused')).toBeNull();
    expect(screen.queryByTestId('review')).toBeNull();
    expect(fake.reads.count).toBe(2);
  });

  it('says when the package changed since it was read (412), and closes the dismissal', async () => {
    stubApi(fakeInbox(TWO_CASES, { review: () => problem(412, 'precondition_failed') }).handler);
    renderAs(ROUTES, PATH);
    await userEvent.click(await screen.findByRole('button', { name: 'Dismiss' }));
    const dialog = await screen.findByRole('dialog', { name: 'Dismiss this package' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Out of scope');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Dismiss the package' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Changed by someone else')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload latest version' })).toBeInTheDocument();
  });

  it('speaks French', async () => {
    await i18n.changeLanguage('fr');
    stubApi(fakeInbox(TWO_CASES).handler);
    renderAs(ROUTES, PATH);
    const review = await screen.findByTestId('review');
    expect(within(review).getByRole('heading', { name: 'Examen' })).toBeInTheDocument();
    expect(within(review).getByRole('button', { name: 'Importer' })).toBeInTheDocument();
    await userEvent.click(within(review).getByRole('button', { name: 'Écarter' }));
    expect(await screen.findByRole('dialog', { name: 'Écarter ce paquet' })).toBeInTheDocument();
  });
});

describe('the files a received case lists', { timeout: 60_000 }, () => {
  const TIFF_SHA = '3c'.repeat(32);
  const BROKEN_SHA = '4d'.repeat(32);
  const files = `/api/v1/exchange/inbox/${ID}/files`;
  const WITH_FILES = inboxPackage({
    documents: [
      {
        reference: 'MA-2026-000042',
        version: 3,
        document: {
          reference: 'MA-2026-000042',
          goods: [{ commodity_group: 'drugs', quantity: 12.5, unit: 'kg' }],
          attachments: [
            receivedAttachment(),
            receivedAttachment({
              id: 'a2',
              kind: 'document',
              media_type: 'application/pdf',
              sha256: PDF_SHA,
              size_bytes: 3 * 1024 * 1024,
              width: null,
              height: null,
              caption: undefined,
              original_filename: undefined,
              cleared_for_export: false,
            }),
            receivedAttachment({ id: 'a3', kind: 'xray', media_type: 'image/tiff', sha256: TIFF_SHA, caption: undefined, original_filename: undefined }),
            receivedAttachment({ id: 'a4', media_type: 'image/png', sha256: BROKEN_SHA, caption: 'Trunk', original_filename: undefined }),
          ],
        },
      } as unknown as Record<string, never>,
    ],
  });

  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  const create = vi.fn((blob: Blob) => `blob:${blob.size}-${create.mock.calls.length}`);
  beforeAll(() => {
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: create });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: vi.fn() });
  });
  afterAll(() => {
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: original.create });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: original.revoke });
  });
  beforeEach(() => {
    stubFonts();
    session.signedIn('tok', 900);
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    create.mockClear();
    session.reset();
    await i18n.changeLanguage('en');
  });

  /** The package's files: the photo and the PDF are served, the PNG is not (404). */
  function setup() {
    const fake = fakeInbox(WITH_FILES);
    const calls = stubApi((req) => {
      const { pathname } = req.url;
      if (pathname === `${files}/${PHOTO_SHA}`) return new Response('jpeg bytes', { headers: { 'Content-Type': 'image/jpeg' } });
      if (pathname === `${files}/${PDF_SHA}`) return new Response('the whole pdf', { headers: { 'Content-Type': 'application/pdf' } });
      return fake.handler(req);
    });
    renderAs(ROUTES, PATH);
    const fileCalls = () => calls.filter((c) => c.path.startsWith(files)).map((c) => c.path.slice(files.length + 1));
    return { calls, fileCalls };
  }

  it('shows them in a tab of their own, images read with the token only once it is open, each with what the package says of it', async () => {
    const { fileCalls } = setup();
    const doc = await screen.findByTestId('received-document');
    const tab = within(doc).getByRole('tab', { name: 'Files (4)' });
    // nothing is read (each reading is audited) before the tab opens
    expect(fileCalls()).toEqual([]);
    expect(screen.queryByTestId('received-files')).toBeNull();

    await userEvent.click(tab);
    const grid = await within(doc).findByTestId('received-files');
    expect(grid).toHaveAccessibleName('The files of MA-2026-000042');
    expect(within(grid).getAllByTestId('received-file').map((c) => c.getAttribute('data-sha256'))).toEqual([PHOTO_SHA, PDF_SHA, TIFF_SHA, BROKEN_SHA]);
    const [photo, pdf, tiff, broken] = within(grid).getAllByTestId('received-file') as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];

    // the photo: shown from a blob URL, named by its kind and caption
    const img = await within(photo).findByRole('img', { name: 'Photo: Seal of container MSCU 123456-7' });
    expect(img.getAttribute('src')).toMatch(/^blob:/);
    expect(within(photo).getByTestId('received-file-caption')).toHaveTextContent('Seal of container MSCU 123456-7');
    expect(within(photo).getByTestId('received-file-meta')).toHaveTextContent('image/jpeg · 240 kB · 1024 × 768 px');
    expect(within(photo).getByTestId('received-file-cleared')).toHaveTextContent('Cleared for export');
    expect(within(photo).getByRole('button', { name: 'Download Seal of container MSCU 123456-7' })).toBeInTheDocument();

    // a PDF and a TIFF are files to download, not read until then
    expect(within(pdf).queryByRole('img')).toBeNull();
    expect(within(pdf).getByTestId('received-file-meta')).toHaveTextContent('application/pdf · 3 MB');
    expect(within(pdf).queryByTestId('received-file-cleared')).toBeNull();
    expect(within(pdf).getByRole('button', { name: 'Download Document 2' })).toBeInTheDocument();
    expect(within(tiff).queryByRole('img')).toBeNull();
    expect(within(tiff).getByText('X-ray')).toBeInTheDocument();
    expect(within(tiff).getByText('No preview: download the file to open it.')).toBeInTheDocument();

    // an image that cannot be read says so on its card, the others stay
    expect(await within(broken).findByTestId('received-file-error')).toHaveTextContent('This file could not be shown.');
    expect(within(broken).queryByRole('img')).toBeNull();
    expect(fileCalls().sort()).toEqual([PHOTO_SHA, BROKEN_SHA].sort());
  });

  it('downloads any file with the token under its name, and a photo already shown without reading it again', async () => {
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const { fileCalls } = setup();
    await userEvent.click(await screen.findByRole('tab', { name: 'Files (4)' }));
    const grid = await screen.findByTestId('received-files');
    await within(grid).findByRole('img', { name: 'Photo: Seal of container MSCU 123456-7' });

    await userEvent.click(within(grid).getByRole('button', { name: 'Download Document 2' }));
    await waitFor(() => expect(saved).toEqual([`document-${PDF_SHA.slice(0, 16)}.pdf`]));
    expect(fileCalls()).toContain(PDF_SHA);

    await userEvent.click(within(grid).getByRole('button', { name: 'Download Seal of container MSCU 123456-7' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]).toBe('seal.jpg');
    expect(fileCalls().filter((s) => s === PHOTO_SHA)).toHaveLength(1);

    // a file that cannot be read: said on its card
    await userEvent.click(within(grid).getByRole('button', { name: 'Download Trunk' }));
    expect(await within(grid).findByRole('alert')).toHaveTextContent('The download failed.');
    expect(saved).toHaveLength(2);
  });

  it('offers no files tab for a document that lists none', async () => {
    stubApi(fakeInbox(TWO_CASES).handler);
    renderAs(ROUTES, PATH);
    const doc = await screen.findByTestId('received-document');
    expect(within(doc).getAllByRole('tab').map((t) => t.textContent)).toEqual(['Field by field', 'JSON as received']);
  });

  it('speaks French', async () => {
    await i18n.changeLanguage('fr');
    setup();
    await userEvent.click(await screen.findByRole('tab', { name: 'Fichiers (4)' }));
    const grid = await screen.findByTestId('received-files');
    expect(grid).toHaveAccessibleName('Les fichiers de MA-2026-000042');
    expect(await within(grid).findByRole('img', { name: 'Photo\u00a0: Seal of container MSCU 123456-7' })).toBeInTheDocument();
    expect(within(grid).getByRole('button', { name: 'Télécharger Seal of container MSCU 123456-7' })).toBeInTheDocument();
    expect(within(grid).getAllByTestId('received-file-cleared')[0]).toHaveTextContent('Transmissible à l’export');
  });
});
