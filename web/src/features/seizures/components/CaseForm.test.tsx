import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '@/api/errors';
import type { Case } from '@/api/types';
import { renderRoutes } from '@/test/render';
import { draftKey, writeDraft } from '@/lib/useFormDraft';
import { emptyDocument } from '@/lib/persons';
import { emptyCase, emptyPerson, newKey, type CaseFormValues } from '../lib/caseForm';
import { CaseForm } from './CaseForm';

const KEY = draftKey('u1', 'case', null);

function setup(save: () => Promise<Case>, initial: CaseFormValues = emptyCase()) {
  const onSaved = vi.fn();
  const utils = renderRoutes(
    [
      {
        path: '/new',
        element: <CaseForm initial={initial} save={save} onSaved={onSaved} onCancel={() => {}} submitLabel="Record case" draftKey={KEY} />,
      },
    ],
    '/new',
  );
  return { ...utils, onSaved };
}

// the whole form renders in each test: slow in jsdom
describe('CaseForm', { timeout: 30_000 }, () => {
  beforeEach(() => {
    localStorage.clear();
    // jsdom has no font loading API; Mantine's autosizing Textarea listens to it
    if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
    // code lists: none needed here
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ name: 'x', description: '', entries: [] }), { status: 200, headers: { 'Content-Type': 'application/json' } })),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('after a failed submit, focuses the first field in error and lists every one as a link', async () => {
    const save = vi.fn();
    setup(save);
    fireEvent.click(screen.getByRole('button', { name: 'Record case' }));

    const summary = await screen.findByTestId('form-error-summary');
    const links = within(summary).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      'Detected at',
      'Goods item 1 · Commodity group',
      'Goods item 1 · Quantity',
      'Goods item 1 · Unit of measure',
    ]);
    expect(summary).toHaveTextContent('Detected at: Required');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/^Detected at/)));
    expect(save).not.toHaveBeenCalled();

    // a link of the summary moves to its field
    fireEvent.click(within(summary).getByRole('link', { name: 'Goods item 1 · Quantity' }));
    expect(document.activeElement?.id).toBe('case-goods-0-quantity');
    expect(links[2]).toHaveAttribute('href', '#case-goods-0-quantity');
  });

  it('moves to the first field the server refused', async () => {
    const initial = emptyCase();
    initial.detected_at = '2026-03-01T10:30';
    initial.goods = [{ ...initial.goods[0]!, commodity_group: 'drugs', quantity: 1, unit: 'kg' }];
    const save = vi.fn(async () => {
      throw new ApiError(422, {
        status: 422,
        code: 'validation_failed',
        errors: [
          { field: 'narrative', code: 'length', message: 'too long' },
          { field: 'goods[0].hs_code', code: 'format', message: 'not an HS code' },
        ],
      });
    });
    setup(save, initial);
    fireEvent.click(screen.getByRole('button', { name: 'Record case' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('case-goods-0-hs_code'));
    const summary = screen.getByTestId('form-error-summary');
    expect(within(summary).getAllByRole('link').map((l) => l.textContent)).toEqual(['Goods item 1 · HS code', 'Narrative']);
  });

  const withPassports = (second: ReturnType<typeof emptyDocument>) => {
    const initial = emptyCase();
    initial.kind = 'offence';
    initial.detected_at = '2026-03-01T10:30';
    const passport = { ...emptyDocument(), document_type: 'passport', number: 'PE123456' };
    initial.persons = [{ key: newKey(), role: 'courier', person_id: null, label: '', person: { ...emptyPerson('RESTREPO Juan'), documents: [passport, second] } }];
    return initial;
  };

  it('checks a new person’s documents before sending, and moves to the first field of a row left blank', async () => {
    const save = vi.fn();
    setup(save, withPassports(emptyDocument()));
    fireEvent.click(screen.getByRole('button', { name: 'Record case' }));
    const summary = await screen.findByTestId('form-error-summary');
    expect(within(summary).getAllByRole('link').map((l) => l.textContent)).toEqual(['Person 1 · Document 2 · Document type', 'Person 1 · Document 2 · Number']);
    await waitFor(() => expect(document.activeElement?.id).toBe('case-persons-0-person-documents-1-document_type'));
    expect(save).not.toHaveBeenCalled();
  });

  it('shows the server’s error on a new person’s document at its number', async () => {
    const save = vi.fn(async () => {
      throw new ApiError(422, {
        status: 422,
        code: 'validation_failed',
        errors: [{ field: 'persons[0].person.documents[1].number', code: 'length', message: 'must be at most 64 characters long' }],
      });
    });
    setup(save, withPassports({ ...emptyDocument(), document_type: 'passport', number: 'X'.repeat(70) }));
    fireEvent.click(screen.getByRole('button', { name: 'Record case' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('case-persons-0-person-documents-1-number'));
    expect(document.activeElement).toHaveAccessibleDescription('must be at most 64 characters long');
    const summary = screen.getByTestId('form-error-summary');
    expect(within(summary).getAllByRole('link').map((l) => l.textContent)).toEqual(['Person 1 · Document 2 · Number']);
  });

  it('offers to restore unsaved changes kept in this browser, and restores them', async () => {
    const saved = emptyCase();
    saved.place = 'Quay 4 (restored)';
    writeDraft(KEY, saved, null);
    setup(vi.fn());
    const offer = screen.getByTestId('draft-offer');
    expect(offer).toHaveTextContent(/Restore unsaved changes from .*\d/);
    fireEvent.click(within(offer).getByRole('button', { name: 'Restore' }));
    expect(screen.queryByTestId('draft-offer')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Place or customs office')).toHaveValue('Quay 4 (restored)');
  });

  it('discards them when asked', () => {
    writeDraft(KEY, { ...emptyCase(), place: 'Quay 4' }, null);
    setup(vi.fn());
    fireEvent.click(within(screen.getByTestId('draft-offer')).getByRole('button', { name: 'Discard' }));
    expect(screen.queryByTestId('draft-offer')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Place or customs office')).toHaveValue('');
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('keeps changes as they are typed and forgets them once saved', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const initial = emptyCase();
      initial.detected_at = '2026-03-01T10:30';
      initial.goods = [{ ...initial.goods[0]!, commodity_group: 'drugs', quantity: 1, unit: 'kg' }];
      const { onSaved } = setup(async () => ({ id: 'c1', reference: 'FR-2026-1' }) as Case, initial);
      fireEvent.change(screen.getByLabelText('Place or customs office'), { target: { value: 'Quay 9' } });
      vi.advanceTimersByTime(1_000);
      expect(JSON.parse(localStorage.getItem(KEY) ?? '{}').values.place).toBe('Quay 9');
      fireEvent.click(screen.getByRole('button', { name: 'Record case' }));
      await waitFor(() => expect(onSaved).toHaveBeenCalled());
      expect(localStorage.getItem(KEY)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
