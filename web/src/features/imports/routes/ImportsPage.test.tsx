import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { session } from '@/lib/session';
import { job, JOB_ID, json, renderAs, stubApi } from '../test/fake';
import { ImportsPage } from './ImportsPage';

describe('the imports page', { timeout: 30_000 }, () => {
  beforeEach(() => session.signedIn('tok', 900));
  afterEach(() => {
    vi.unstubAllGlobals();
    session.reset();
  });

  it('offers the upload form and lists the latest imports, each linking to its page', async () => {
    stubApi((req) =>
      req.url.pathname === '/api/v1/imports'
        ? json({ items: [job({ status: 'succeeded', created: 6, updated: 2, unchanged: 1, rejected: 1 }), job({ id: 'j2', filename: null, dry_run: false, mode: 'all_or_nothing', record_type: 'conveyances', status: 'failed' })] })
        : undefined,
    );
    renderAs([{ path: '/imports', element: <ImportsPage /> }], '/imports');
    expect(screen.getByTestId('import-upload-form')).toBeInTheDocument();
    const history = await screen.findByTestId('import-history');
    const rows = within(history).getAllByTestId('import-row');
    expect(rows.map((r) => r.dataset.importId)).toEqual([JOB_ID, 'j2']);
    expect(within(rows[0]!).getByRole('link', { name: 'people.ndjson' })).toHaveAttribute('href', `/imports/${JOB_ID}`);
    expect(rows[0]).toHaveTextContent('Persons');
    expect(rows[0]).toHaveTextContent('Dry run · Import the valid lines');
    expect(rows[0]).toHaveTextContent('Succeeded');
    expect(rows[0]).toHaveTextContent('6 / 2 / 1 / 1');
    expect(rows[0]).toHaveTextContent('Sam Supervisor');
    expect(within(rows[1]!).getByRole('link', { name: 'Unnamed file' })).toHaveAttribute('href', '/imports/j2');
    expect(rows[1]).toHaveTextContent('Import · All or nothing');
    expect(rows[1]).toHaveTextContent('Failed');
  });
});
