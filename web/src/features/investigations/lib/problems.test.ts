import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import i18n from '@/i18n';
import '@/i18n/investigations';
import { dialogErrors, fieldMessage, placeProblem, refusalMessage, withListPaths } from './problems';
import type { Translate } from './timeline';

const t = i18n.getFixedT('en', 'investigations') as unknown as Translate;
const problem = (status: number, body: object) => new ApiError(status, { type: 'about:blank', title: 't', status, ...body });

describe('server problems at their fields', () => {
  const unprocessable = problem(422, {
    code: 'validation_failed',
    errors: [
      { field: 'links[1].target_id', code: 'not_found', message: 'no such record that you may see' },
      { field: 'links[1].role', code: 'unknown_code', message: 'must be one of: origin' },
      { field: 'due_date', code: 'range', message: 'must not be before the investigation was opened' },
      { field: 'lead_id', code: 'supervisor_only', message: 'a supervisor names the lead' },
      { field: 'members[0].user_id', code: 'not_eligible', message: 'no active user' },
    ],
  });

  it('puts each error at the nearest field shown, in words, the first message per field', () => {
    const placed = placeProblem(t, unprocessable, withListPaths(['title', 'due_date', 'lead_id'], 'links', 2));
    expect(placed.fields).toEqual({
      'links.1': 'No such record that you may see.',
      due_date: 'Must not be before the investigation was opened.',
      lead_id: 'Only a supervisor names the lead.',
    });
    expect(placed.unplaced).toEqual([{ field: 'members[0].user_id', message: 'Not an active user who may work on investigations.' }]);
  });

  it('places nothing for what is not a 422 with field errors', () => {
    expect(placeProblem(t, problem(409, { code: 'conflict' }), new Set(['title']))).toEqual({ fields: {}, unplaced: [] });
    expect(placeProblem(t, new Error('x'), new Set(['title']))).toEqual({ fields: {}, unplaced: [] });
  });

  it('keys a dialog’s errors by field without the item prefix', () => {
    const e = problem(422, {
      errors: [
        { field: 'link.target_id', code: 'self', message: 'x' },
        { field: 'checklist[2].text', code: 'required', message: 'is required' },
        { field: 'occurred_at', code: 'range', message: 'must not be in the future' },
      ],
    });
    expect(dialogErrors(t, e, 'link')).toEqual({
      target_id: 'An investigation is not linked to itself.',
      'checklist.2.text': 'Required',
      occurred_at: 'Must not be in the future, nor too far in the past.',
    });
  });

  it('says an unknown code with the server’s message', () => {
    expect(fieldMessage(t, { field: 'x', code: 'weird', message: 'the server says' })).toBe('the server says');
  });
});

describe('refusals', () => {
  it('says who may do it, and what the workflow or the team refuses', () => {
    expect(refusalMessage(t, problem(403, { code: 'investigation_role' }))).toBe('Only the lead investigator or a supervisor of its unit may do this.');
    expect(refusalMessage(t, problem(409, { code: 'investigation_closed', detail: 'the investigation is closed; a supervisor reopens it first' }))).toBe(
      'The investigation is closed: a supervisor reopens it first.',
    );
    expect(refusalMessage(t, problem(409, { code: 'no_such_move', detail: 'an investigation that is opened cannot move to closed' }))).toMatch(/cannot make this move/);
    expect(refusalMessage(t, problem(409, { code: 'already_member', detail: 'already on the team' }))).toBe('Already on the team.');
    expect(refusalMessage(t, problem(409, { code: 'conflict', detail: 'something new' }))).toBe('Refused: something new');
    expect(refusalMessage(t, problem(403, { code: 'forbidden' }))).toBeNull();
    expect(refusalMessage(t, problem(500, {}))).toBeNull();
  });
});
