import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/lib/session';
import type { ImportJob, ImportProblem } from '../api/imports';
import { job, JOB_ID, json, problem, renderAs, stubApi } from '../test/fake';
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

  it('follows the job every second until it ends, then shows its counts as a dry run’s', async () => {
    const answers: ImportJob[] = [job({ status: 'running', rows_done: 4, started_at: '2026-03-10T09:00:01Z' }), DONE];
    let reads = 0;
    stubApi((req) => {
      if (req.url.pathname === `/api/v1/imports/${JOB_ID}`) return json(answers[Math.min(reads++, answers.length - 1)]);
      if (req.url.pathname === `/api/v1/imports/${JOB_ID}/problems`) return json({ items: [], next_after: null });
      return undefined;
    });
    renderAs(ROUTES, `/imports/${JOB_ID}`);
    expect(await screen.findByTestId('import-status')).toHaveTextContent('Running');
    expect(screen.getByTestId('import-rows-done')).toHaveTextContent('Lines done: 4');
    expect(screen.getByTestId('import-progress')).toBeInTheDocument();
    expect(screen.getByTestId('import-cancel')).toBeEnabled();

    await waitFor(() => expect(screen.getByTestId('import-status')).toHaveTextContent('Succeeded'), { timeout: 4000 });
    expect(screen.getByTestId('import-rows-done')).toHaveTextContent('Lines done: 10');
    const counts = screen.getByTestId('import-counts');
    expect(within(counts).getByTestId('import-count-created')).toHaveTextContent('Would be created6');
    expect(within(counts).getByTestId('import-count-updated')).toHaveTextContent('Would be updated2');
    expect(within(counts).getByTestId('import-count-unchanged')).toHaveTextContent('Would stay unchanged1');
    expect(within(counts).getByTestId('import-count-rejected')).toHaveTextContent('Would be rejected1');
    expect(screen.queryByTestId('import-cancel')).not.toBeInTheDocument();
    expect(screen.queryByTestId('import-progress')).not.toBeInTheDocument();
    expect(await screen.findByText('No problem found.')).toBeInTheDocument();

    // final: no more reads
    const settled = reads;
    await new Promise((r) => setTimeout(r, 1500));
    expect(reads).toBe(settled);
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
});
