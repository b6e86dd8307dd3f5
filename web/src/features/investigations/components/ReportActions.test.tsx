import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/i18n';
import { session } from '@/lib/session';
import { renderPage } from '@/test/render';
import { reportLang } from '../api/investigations';
import { ID, investigation } from '../test/fixtures';
import { ReportActions } from './ReportActions';

const REPORT = `/api/v1/investigations/${ID}/report`;

const problem = (status: number, code: string, title: string) =>
  new Response(JSON.stringify({ status, code, title }), { status, headers: { 'Content-Type': 'application/problem+json' } });

const pdf = () =>
  new Response('%PDF-1.7', {
    status: 200,
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename=FR-INV-2026-000012-report.pdf' },
  });

const html = () => new Response('<!doctype html><title>Report</title>', { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } });

interface Sent {
  url: string;
  auth: string | null;
}

/** Answers the report with `answer` (a pending promise holds it back); records what was asked. */
function setup(answer: (url: URL) => Response | Promise<Response>) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url);
      if (url.pathname === REPORT) {
        sent.push({ url: `${url.pathname}${url.search}`, auth: req.headers.get('Authorization') });
        return answer(url);
      }
      return problem(404, 'not_found', 'Not found');
    }),
  );
  renderPage(<ReportActions inv={investigation} />);
  return sent;
}

const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
let blobs: Blob[] = [];
let revoked: string[] = [];
/** Files saved through a download link: name and blob URL. */
let saved: { name: string; href: string }[] = [];

describe('the case report', () => {
  beforeAll(() => {
    // jsdom has no blob URLs
    Object.defineProperty(URL, 'createObjectURL', {
      configurable: true,
      writable: true,
      value: (b: Blob) => {
        blobs.push(b);
        return `blob:report-${blobs.length}`;
      },
    });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: (u: string) => revoked.push(u) });
  });
  afterAll(() => {
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: original.create });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: original.revoke });
  });
  beforeEach(() => {
    blobs = [];
    revoked = [];
    saved = [];
    session.signedIn('tok-1', 900);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, href: this.getAttribute('href') ?? '' });
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    session.reset();
  });

  it('is in French for a French UI, in English otherwise (Arabic included)', () => {
    expect(reportLang('fr')).toBe('fr');
    expect(reportLang('fr-CA')).toBe('fr');
    expect(reportLang('en')).toBe('en');
    expect(reportLang('ar')).toBe('en');
    expect(reportLang(undefined)).toBe('en');
  });

  it('downloads the PDF with the token and saves it under the server’s name, loading meanwhile', async () => {
    let release: (r: Response) => void = () => {};
    const sent = setup(() => new Promise<Response>((resolve) => (release = resolve)));
    const button = screen.getByTestId('report-pdf');
    expect(button).toHaveTextContent('Report (PDF)');
    expect(button).toHaveAccessibleDescription(/chronology and journal; the printing is recorded/);

    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute('data-loading', 'true'));
    expect(screen.getByTestId('report-print')).toBeDisabled();
    expect(sent).toEqual([{ url: `${REPORT}?format=pdf&lang=en`, auth: 'Bearer tok-1' }]);

    await act(async () => release(pdf()));
    await waitFor(() => expect(saved).toEqual([{ name: 'FR-INV-2026-000012-report.pdf', href: 'blob:report-1' }]));
    expect(await blobs[0]!.text()).toBe('%PDF-1.7');
    await waitFor(() => expect(button).not.toHaveAttribute('data-loading'));
    expect(screen.queryByTestId('report-error')).toBeNull();
  });

  it('asks the French report when the UI is French, the English one when it is Arabic', async () => {
    const language = (lang: string) =>
      act(async () => {
        await i18n.changeLanguage(lang);
      });
    await language('fr');
    try {
      const sent = setup(() => pdf());
      expect(screen.getByTestId('report-pdf')).toHaveTextContent('Rapport (PDF)');
      await userEvent.click(screen.getByTestId('report-pdf'));
      await waitFor(() => expect(saved).toHaveLength(1));
      await language('ar');
      expect(screen.getByTestId('report-pdf')).toHaveTextContent('التقرير (PDF)');
      await userEvent.click(screen.getByTestId('report-pdf'));
      await waitFor(() => expect(saved).toHaveLength(2));
      expect(sent.map((s) => s.url)).toEqual([`${REPORT}?format=pdf&lang=fr`, `${REPORT}?format=pdf&lang=en`]);
    } finally {
      await language('en');
    }
  });

  it('opens the print view in a new tab from a blob URL, revoked later', async () => {
    const tab = { opener: {} as unknown } as Window;
    const open = vi.spyOn(window, 'open').mockReturnValue(tab);
    const sent = setup(() => html());
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      await userEvent.click(screen.getByTestId('report-print'));
      await waitFor(() => expect(open).toHaveBeenCalledWith('blob:report-1', '_blank'));
      expect(sent).toEqual([{ url: `${REPORT}?format=html&lang=en`, auth: 'Bearer tok-1' }]);
      expect(blobs[0]!.type).toBe('text/html;charset=utf-8');
      expect(await blobs[0]!.text()).toBe('<!doctype html><title>Report</title>');
      expect(tab.opener).toBeNull();
      expect(saved).toEqual([]);
      expect(revoked).toEqual([]);
      await act(async () => vi.advanceTimersByTime(60_000));
      expect(revoked).toEqual(['blob:report-1']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('saves the print view as a file when the browser blocks the new tab', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    setup(() => html());
    await userEvent.click(screen.getByTestId('report-print'));
    await waitFor(() => expect(saved).toEqual([{ name: 'FR-INV-2026-000012-report.html', href: 'blob:report-2' }]));
    expect(revoked).toContain('blob:report-1');
    expect(blobs[1]!.type).toBe('text/html;charset=utf-8');
    expect(screen.queryByTestId('report-error')).toBeNull();
  });

  it('says why the report failed, until closed', async () => {
    const sent = setup(() => problem(404, 'not_found', 'Not found'));
    await userEvent.click(screen.getByTestId('report-pdf'));
    const alert = await screen.findByTestId('report-error');
    expect(alert).toHaveTextContent('The report could not be produced');
    expect(alert).toHaveTextContent('Not found.');
    expect(saved).toEqual([]);
    expect(sent).toHaveLength(1);

    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByTestId('report-error')).toBeNull();

    // the print view says so the same way
    await userEvent.click(screen.getByTestId('report-print'));
    expect(await screen.findByTestId('report-error')).toHaveTextContent('The report could not be produced');
  });
});
