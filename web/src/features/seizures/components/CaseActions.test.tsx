import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Case } from '@/api/types';
import { renderRoutes } from '@/test/render';
import { caseAbilities } from '../lib/permissions';
import { CaseActions } from './CaseActions';
import { ReopenedNote } from './ReopenedNote';

const me = (permissions: string[]) => ({ id: 'u-sup', unit_id: 'unit-1', permissions });
const SUPERVISOR = me(['seizures.read', 'seizures.write', 'seizures.validate']);
const OFFICER = me(['seizures.read', 'seizures.write']);

const aCase = (status: Case['status']) =>
  ({ id: 'c1', reference: 'FR-2026-7', status, version: 4, reporting_unit_id: 'unit-1', contributors: ['u-off'] }) as Case;

function setup(c: Case, who = SUPERVISOR) {
  const calls: { method: string; path: string; body: unknown; ifMatch: string | null }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const text = await req.text();
      calls.push({ method: req.method, path: new URL(req.url).pathname, body: text ? JSON.parse(text) : null, ifMatch: req.headers.get('If-Match') });
      return new Response(JSON.stringify({ ...c, status: 'draft', version: c.version + 1 }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  renderRoutes([{ path: '*', element: <CaseActions c={c} abilities={caseAbilities(who, c)} onReload={() => {}} /> }]);
  return calls;
}

describe('workflow actions', () => {
  beforeEach(() => {
    if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('offers a supervisor "Send back for correction" on a submitted case, not "Reopen"', () => {
    setup(aCase('submitted'));
    expect(screen.getByRole('button', { name: 'Send back for correction' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Validate' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reopen' })).not.toBeInTheDocument();
  });

  it('offers "Reopen" on a validated case only', () => {
    setup(aCase('validated'));
    expect(screen.getByRole('button', { name: 'Reopen' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send back for correction' })).not.toBeInTheDocument();
  });

  it('sends a case back only with a reason', async () => {
    const calls = setup(aCase('submitted'));
    fireEvent.click(screen.getByRole('button', { name: 'Send back for correction' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send FR-2026-7 back for correction?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send back' }));
    expect(within(dialog).getByText('Required')).toBeInTheDocument();
    expect(calls).toEqual([]);
    fireEvent.change(within(dialog).getByLabelText(/What needs correcting/), { target: { value: '  Seal number missing  ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send back' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({ method: 'POST', path: '/api/v1/seizures/c1/return', body: { reason: 'Seal number missing' }, ifMatch: '"4"' });
  });

  it('asks an officer to confirm a submission, with an optional comment', async () => {
    const calls = setup(aCase('draft'), OFFICER);
    fireEvent.click(screen.getByRole('button', { name: 'Submit for validation' }));
    const dialog = await screen.findByRole('dialog', { name: 'Submit FR-2026-7 for validation?' });
    expect(calls).toEqual([]);
    fireEvent.change(within(dialog).getByLabelText('Comment (optional)'), { target: { value: 'Lab report to follow' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Submit for validation' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ path: '/api/v1/seizures/c1/submit', body: { comment: 'Lab report to follow' } });
  });

  it('submits without a comment too', async () => {
    const calls = setup(aCase('draft'), OFFICER);
    fireEvent.click(screen.getByRole('button', { name: 'Submit for validation' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Submit for validation' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.body).toEqual({});
  });
});

describe('ReopenedNote', () => {
  it('says who sent the case back, when and why', () => {
    renderRoutes([
      { path: '*', element: <ReopenedNote note={{ action: 'return', reason: 'Seal number missing', by_name: 'Marie Curie', at: '2026-03-01T10:00:00Z' }} /> },
    ]);
    const note = screen.getByTestId('case-reopened');
    expect(note).toHaveAttribute('data-action', 'return');
    expect(note).toHaveTextContent('Correction requested');
    expect(note).toHaveTextContent(/^Correction requestedSent back for correction by Marie Curie on .+: Seal number missing$/);
  });

  it('says who reopened it', () => {
    renderRoutes([{ path: '*', element: <ReopenedNote note={{ action: 'reopen', reason: 'New lab result', by_name: null, at: '2026-03-01T10:00:00Z' }} /> }]);
    expect(screen.getByTestId('case-reopened')).toHaveTextContent(/Reopened by a supervisor on .+: New lab result/);
  });
});
