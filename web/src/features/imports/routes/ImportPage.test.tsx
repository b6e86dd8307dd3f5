import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { shareLiveEvent } from '@/lib/liveEvents';
import { session } from '@/lib/session';
import type { ImportJob, ImportProblem } from '../api/imports';
import { FALLBACK_POLL_MS } from '../api/imports';
import { job, JOB_ID, json, problem, progressEvent, proposalAt, renderAs, stubApi } from '../test/fake';
import { ImportPage } from './ImportPage';

const ROUTES = [{ path: '/imports/:id', element: <ImportPage /> }];
const NEXT_ID = '0194a000-0000-7000-8000-000000000002';

const DONE = job({ status: 'succeeded', rows_done: 10, created: 6, updated: 2, unchanged: 1, rejected: 1, started_at: '2026-03-10T09:00:01Z', finished_at: '2026-03-10T09:00:05Z' });

function problemAt(line: number, code = 'required'): ImportProblem {
  return { line, external_id: `p${line}`, field: code === 'json' ? 'line' : 'family_name', code, message: `problem on line ${line}` };
}

describe('an import’s page', { timeout: 30_000 }, () => {
  beforeEach(() => {
    session.signedIn('tok', 900);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    session.reset();
  });

  it('reads the job again at each of its live events, showing how much of the file is read, until it ends', async () => {
    const answers: ImportJob[] = [
      job({ status: 'running', rows_done: 4, bytes_done: 512, started_at: '2026-03-10T09:00:01Z' }),
      job({ status: 'running', rows_done: 7, bytes_done: 1434, started_at: '2026-03-10T09:00:01Z' }),
      DONE,
    ];
    let reads = 0;
    stubApi((req) => {
      if (req.url.pathname === `/api/v1/imports/${JOB_ID}`) return json(answers[Math.min(reads++, answers.length - 1)]);
      if (req.url.pathname === `/api/v1/imports/${JOB_ID}/problems`) return json({ items: [], next_after: null });
      return undefined;
    });
    renderAs(ROUTES, `/imports/${JOB_ID}`);
    expect(await screen.findByTestId('import-status')).toHaveTextContent('Running');
    expect(screen.getByTestId('import-rows-done')).toHaveTextContent('Lines done: 4');
    const bar = within(screen.getByTestId('import-progress')).getByRole('progressbar', { name: 'Share of the file read' });
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    expect(screen.getByTestId('import-progress-text')).toHaveTextContent('25% of the file read');
    expect(screen.getByTestId('import-cancel')).toBeEnabled();

    // no polling every second: the page waits for the events
    await new Promise((r) => setTimeout(r, 1200));
    expect(reads).toBe(1);
    // another import's event, or another kind of event: not read again
    act(() => progressEvent({ id: NEXT_ID, status: 'running', rows_done: 500 }));
    act(() => shareLiveEvent('notification', '{"notification":{"id":"n1"}}'));
    await new Promise((r) => setTimeout(r, 50));
    expect(reads).toBe(1);

    // its event: read again
    act(() => progressEvent({ status: 'running', rows_done: 7 }));
    await waitFor(() => expect(screen.getByTestId('import-rows-done')).toHaveTextContent('Lines done: 7'));
    expect(screen.getByRole('progressbar', { name: 'Share of the file read' })).toHaveAttribute('aria-valuenow', '70');

    // the last one: it ended
    act(() => progressEvent({ status: 'succeeded', rows_done: 10 }));
    await waitFor(() => expect(screen.getByTestId('import-status')).toHaveTextContent('Succeeded'));
    expect(reads).toBe(3);
    expect(screen.getByTestId('import-rows-done')).toHaveTextContent('Lines done: 10');
    const counts = screen.getByTestId('import-counts');
    expect(within(counts).getByTestId('import-count-created')).toHaveTextContent('Would be created6');
    expect(within(counts).getByTestId('import-count-updated')).toHaveTextContent('Would be updated2');
    expect(within(counts).getByTestId('import-count-unchanged')).toHaveTextContent('Would stay unchanged1');
    expect(within(counts).getByTestId('import-count-rejected')).toHaveTextContent('Would be rejected1');
    expect(screen.queryByTestId('import-cancel')).not.toBeInTheDocument();
    expect(screen.queryByTestId('import-progress')).not.toBeInTheDocument();
    expect(screen.queryByTestId('import-case-counts')).not.toBeInTheDocument();
    expect(await screen.findByText('No problem found.')).toBeInTheDocument();
  });

  it('reads the job again after a reset of the live events (some may have been missed)', async () => {
    let reads = 0;
    stubApi((req) => {
      if (req.url.pathname === `/api/v1/imports/${JOB_ID}`) return json(reads++ === 0 ? job({ status: 'running' }) : DONE);
      if (req.url.pathname.endsWith('/problems')) return json({ items: [], next_after: null });
      return undefined;
    });
    renderAs(ROUTES, `/imports/${JOB_ID}`);
    expect(await screen.findByTestId('import-status')).toHaveTextContent('Running');
    act(() => shareLiveEvent('reset', '{}'));
    await waitFor(() => expect(screen.getByTestId('import-status')).toHaveTextContent('Succeeded'));
  });

  describe('without live events', () => {
    beforeEach(() => {
      vi.useFakeTimers({ shouldAdvanceTime: true });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it(`still reads a running job every ${FALLBACK_POLL_MS / 1000} s, and no more once it ended`, async () => {
      let reads = 0;
      stubApi((req) => {
        if (req.url.pathname === `/api/v1/imports/${JOB_ID}`) return json(reads++ < 2 ? job({ status: 'running', rows_done: reads }) : DONE);
        if (req.url.pathname.endsWith('/problems')) return json({ items: [], next_after: null });
        return undefined;
      });
      renderAs(ROUTES, `/imports/${JOB_ID}`);
      expect(await screen.findByTestId('import-status')).toHaveTextContent('Running');
      expect(reads).toBe(1);
      await act(() => vi.advanceTimersByTimeAsync(FALLBACK_POLL_MS - 1000));
      expect(reads).toBe(1);
      await act(() => vi.advanceTimersByTimeAsync(1500));
      await waitFor(() => expect(reads).toBe(2));
      await act(() => vi.advanceTimersByTimeAsync(FALLBACK_POLL_MS));
      await waitFor(() => expect(screen.getByTestId('import-status')).toHaveTextContent('Succeeded'));
      await act(() => vi.advanceTimersByTimeAsync(FALLBACK_POLL_MS * 3));
      expect(reads).toBe(3);
    });
  });

  it('labels a real import’s counts plainly and shows why it failed', async () => {
    stubApi((req) => {
      if (req.url.pathname === `/api/v1/imports/${JOB_ID}`) {
        return json(job({ dry_run: false, mode: 'all_or_nothing', status: 'failed', rejected: 3, failure: '3 lines were rejected: nothing was written' }));
      }
      if (req.url.pathname.endsWith('/problems')) return json({ items: [], next_after: null });
      return undefined;
    });
    renderAs(ROUTES, `/imports/${JOB_ID}`);
    expect(await screen.findByTestId('import-status')).toHaveTextContent('Failed');
    expect(screen.getByTestId('import-count-rejected')).toHaveTextContent('Rejected3');
    expect(screen.getByTestId('import-failure')).toHaveTextContent('3 lines were rejected: nothing was written');
    expect(screen.queryByTestId('import-commit')).not.toBeInTheDocument();
  });

  it('offers no commit for a dry run whose file was removed, and says so', async () => {
    stubApi((req) => {
      if (req.url.pathname === `/api/v1/imports/${JOB_ID}`) return json({ ...DONE, file_purged_at: '2026-04-10T09:00:00Z' });
      if (req.url.pathname.endsWith('/problems')) return json({ items: [], next_after: null });
      return undefined;
    });
    renderAs(ROUTES, `/imports/${JOB_ID}`);
    expect(await screen.findByTestId('import-file-purged')).toHaveTextContent('The file was removed on');
    expect(screen.queryByTestId('import-commit')).not.toBeInTheDocument();
  });

  it('cancels a queued import', async () => {
    let current = job({ status: 'queued' });
    const calls = stubApi((req) => {
      if (req.url.pathname === `/api/v1/imports/${JOB_ID}/cancel` && req.method === 'POST') {
        current = job({ status: 'cancelled', finished_at: '2026-03-10T09:00:02Z' });
        return json(current);
      }
      if (req.url.pathname === `/api/v1/imports/${JOB_ID}`) return json(current);
      if (req.url.pathname.endsWith('/problems')) return json({ items: [], next_after: null });
      return undefined;
    });
    renderAs(ROUTES, `/imports/${JOB_ID}`);
    await userEvent.click(await screen.findByTestId('import-cancel'));
    await waitFor(() => expect(screen.getByTestId('import-status')).toHaveTextContent('Cancelled'));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([`/api/v1/imports/${JOB_ID}/cancel`]);
  });

  it('commits a dry run that succeeded in the mode chosen, then opens the new job', async () => {
    const calls = stubApi((req) => {
      if (req.url.pathname === `/api/v1/imports/${JOB_ID}/commit` && req.method === 'POST') {
        return json(job({ id: NEXT_ID, dry_run: false, mode: 'all_or_nothing', status: 'queued' }), 202);
      }
      if (req.url.pathname === `/api/v1/imports/${JOB_ID}`) return json(DONE);
      if (req.url.pathname === `/api/v1/imports/${NEXT_ID}`) return json(job({ id: NEXT_ID, dry_run: false, mode: 'all_or_nothing', status: 'running', rows_done: 2 }));
      if (req.url.pathname.endsWith('/problems')) return json({ items: [], next_after: null });
      return undefined;
    });
    const { router } = renderAs(ROUTES, `/imports/${JOB_ID}`);
    await screen.findByTestId('import-commit');
    await userEvent.click(screen.getByTestId('import-commit-mode-all_or_nothing'));
    await userEvent.click(screen.getByTestId('import-commit'));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/imports/${NEXT_ID}`));
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ path: `/api/v1/imports/${JOB_ID}/commit`, body: { mode: 'all_or_nothing' } });
    // the new job: a real import, running
    await waitFor(() => expect(screen.getByTestId('import-status')).toHaveTextContent('Running'));
    expect(screen.queryByTestId('import-commit')).not.toBeInTheDocument();
    expect(screen.getByTestId('import-count-created')).toHaveTextContent('Created');
  });

  it('says why a commit is refused', async () => {
    stubApi((req) => {
      if (req.url.pathname.endsWith('/commit')) return problem(409, 'committed', { detail: 'This dry run was committed already.' });
      if (req.url.pathname === `/api/v1/imports/${JOB_ID}`) return json(DONE);
      if (req.url.pathname.endsWith('/problems')) return json({ items: [], next_after: null });
      return undefined;
    });
    renderAs(ROUTES, `/imports/${JOB_ID}`);
    await userEvent.click(await screen.findByTestId('import-commit'));
    expect(await screen.findByTestId('form-error')).toHaveTextContent('This dry run was committed already.');
  });

  it('pages through the problems, filters them by code and downloads them as CSV', async () => {
    const saved: string[] = [];
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: vi.fn(() => 'blob:file') });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const calls = stubApi((req) => {
      const { pathname, searchParams } = req.url;
      if (pathname === `/api/v1/imports/${JOB_ID}`) return json(DONE);
      if (pathname === `/api/v1/imports/${JOB_ID}/problems`) {
        if (searchParams.get('code') === 'json') return json({ items: [problemAt(7, 'json')], next_after: null });
        if (searchParams.get('after') === '2') return json({ items: [problemAt(3), problemAt(7, 'json')], next_after: null });
        return json({ items: [problemAt(1), problemAt(2)], next_after: 2 });
      }
      if (pathname === `/api/v1/imports/${JOB_ID}/problems.csv`) {
        return new Response('line,external_id,field,code,message\n', {
          status: 200,
          headers: { 'Content-Type': 'text/csv', 'Content-Disposition': `attachment; filename="import-${JOB_ID}-problems.csv"` },
        });
      }
      return undefined;
    });
    try {
      renderAs(ROUTES, `/imports/${JOB_ID}`);
      const table = await screen.findByTestId('import-problems');
      expect(within(table).getAllByTestId('import-problem').map((r) => r.dataset.line)).toEqual(['1', '2']);
      await userEvent.click(screen.getByTestId('import-problems-more'));
      await waitFor(() => expect(within(screen.getByTestId('import-problems')).getAllByTestId('import-problem')).toHaveLength(4));
      expect(screen.queryByTestId('import-problems-more')).not.toBeInTheDocument();
      expect(calls.filter((c) => c.path.includes('/problems?') || c.path.endsWith('/problems')).map((c) => c.path)).toEqual([
        `/api/v1/imports/${JOB_ID}/problems`,
        `/api/v1/imports/${JOB_ID}/problems?after=2`,
      ]);

      await userEvent.selectOptions(screen.getByTestId('import-problems-code'), 'json');
      await waitFor(() => expect(within(screen.getByTestId('import-problems')).getAllByTestId('import-problem')).toHaveLength(1));
      expect(screen.getByTestId('import-problem')).toHaveAttribute('data-code', 'json');
      expect(calls.some((c) => c.path === `/api/v1/imports/${JOB_ID}/problems?code=json`)).toBe(true);

      await userEvent.click(screen.getByTestId('import-problems-csv'));
      await waitFor(() => expect(saved).toEqual([`import-${JOB_ID}-problems.csv`]));
    } finally {
      Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: original.create });
      Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: original.revoke });
    }
  });

  it('shows what an import of cases did with their parties, and pages through its proposals with the records and cases to open', async () => {
    const cases = job({ record_type: 'cases', filename: 'cases.ndjson', dry_run: false, status: 'succeeded', rows_done: 3, created: 3, matched: 4, proposals: 3 });
    const calls = stubApi((req) => {
      const { pathname, searchParams } = req.url;
      if (pathname === `/api/v1/imports/${JOB_ID}`) return json(cases);
      if (pathname === `/api/v1/imports/${JOB_ID}/problems`) return json({ items: [], next_after: null });
      if (pathname === `/api/v1/imports/${JOB_ID}/proposals`) {
        if (searchParams.get('after') === '2') return json({ items: [proposalAt(3, { field: 'companies[1]', record_kind: 'company', score: 0.71 })], next_after: null });
        return json({ items: [proposalAt(1, { record_label: 'DURAND, Paul (1980-04-02)', candidate_label: 'DURAND, Paul (1984-04-02)' }), proposalAt(2)], next_after: 2 });
      }
      return undefined;
    });
    renderAs(ROUTES, `/imports/${JOB_ID}`);
    expect(await screen.findByTestId('import-status')).toHaveTextContent('Succeeded');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Import of cases.ndjson');
    expect(screen.getByText('Seizure cases from legacy-crm, Import, Import the valid lines')).toBeInTheDocument();
    expect(screen.getByTestId('import-count-created')).toHaveTextContent('Created3');
    expect(screen.getByTestId('import-count-matched')).toHaveTextContent('Parties linked to existing records4');
    expect(screen.getByTestId('import-count-proposals')).toHaveTextContent('Proposals3');

    const section = screen.getByTestId('import-proposals-section');
    expect(within(section).getByRole('heading', { name: 'Proposals' })).toBeInTheDocument();
    expect(section).toHaveTextContent('merged nothing');
    const table = await within(section).findByRole('table', { name: 'Proposals' });
    const rows = within(table).getAllByTestId('import-proposal');
    expect(rows.map((r) => r.dataset.line)).toEqual(['1', '2']);
    const first = proposalAt(1);
    expect(rows[0]).toHaveTextContent('persons[0]');
    expect(within(rows[0]!).getByTestId('import-proposal-score')).toHaveTextContent('83%');
    expect(within(within(rows[0]!).getByTestId('import-proposal-record')).getByRole('link', { name: 'DURAND, Paul (1980-04-02)' })).toHaveAttribute(
      'href',
      `/registers/persons/${first.record_id}`,
    );
    expect(within(within(rows[0]!).getByTestId('import-proposal-candidate')).getByRole('link', { name: 'DURAND, Paul (1984-04-02)' })).toHaveAttribute(
      'href',
      `/registers/persons/${first.candidate_id}`,
    );
    expect(within(rows[0]!).getByRole('link', { name: 'Case 00000001' })).toHaveAttribute('href', `/seizures/${first.case_id}`);

    await userEvent.click(within(section).getByTestId('import-proposals-more'));
    await waitFor(() => expect(within(table).getAllByTestId('import-proposal')).toHaveLength(3));
    const third = within(table).getAllByTestId('import-proposal')[2]!;
    expect(third).toHaveTextContent('companies[1]');
    // a record without a label (merged away since): its kind and short id
    expect(within(third).getByTestId('import-proposal-score')).toHaveTextContent('71%');
    expect(within(third).getByRole('link', { name: 'Company 00000003' })).toHaveAttribute('href', `/registers/companies/${proposalAt(3).record_id}`);
    expect(within(section).queryByTestId('import-proposals-more')).not.toBeInTheDocument();
    expect(calls.filter((c) => c.path.includes('/proposals')).map((c) => c.path)).toEqual([
      `/api/v1/imports/${JOB_ID}/proposals`,
      `/api/v1/imports/${JOB_ID}/proposals?after=2`,
    ]);
  });

  it('lists the proposals once an import of cases has ended, and has no section when there are none', async () => {
    let current = job({ record_type: 'cases', dry_run: false, status: 'running', rows_done: 500, bytes_done: 1024, proposals: 1 });
    const calls = stubApi((req) => {
      if (req.url.pathname === `/api/v1/imports/${JOB_ID}`) return json(current);
      if (req.url.pathname.endsWith('/problems')) return json({ items: [], next_after: null });
      if (req.url.pathname.endsWith('/proposals')) return json({ items: [proposalAt(12)], next_after: null });
      return undefined;
    });
    const { unmount } = renderAs(ROUTES, `/imports/${JOB_ID}`);
    const section = await screen.findByTestId('import-proposals-section');
    expect(section).toHaveTextContent('Listed once the import has ended.');
    expect(calls.some((c) => c.path.includes('/proposals'))).toBe(false);
    current = job({ record_type: 'cases', dry_run: false, status: 'succeeded', rows_done: 600, proposals: 1 });
    act(() => progressEvent({ status: 'succeeded' }));
    expect(await within(section).findByTestId('import-proposal')).toHaveAttribute('data-line', '12');
    unmount();

    // none: no section; a dry run matches no party, and says so
    current = job({ record_type: 'cases', dry_run: true, status: 'succeeded', created: 2 });
    renderAs(ROUTES, `/imports/${JOB_ID}`);
    expect(await screen.findByTestId('import-cases-dry-run')).toHaveTextContent('matched against the registers when the file is imported for real');
    expect(screen.queryByTestId('import-case-counts')).not.toBeInTheDocument();
    expect(screen.queryByTestId('import-proposals-section')).not.toBeInTheDocument();
  });
});
