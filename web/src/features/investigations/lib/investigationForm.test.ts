import { describe, expect, it } from 'vitest';
import { mergePatch } from '@/lib/patch';
import { investigation } from '../test/fixtures';
import { emptyInvestigationForm, investigationInput, investigationPatchSource, investigationToForm, validateInvestigation } from './investigationForm';

const LINK = { target_kind: 'case' as const, target_id: '0190a5e2-7c1b-7d3e-8f00-00000000000a', role: 'origin' };

describe('the investigation form', () => {
  it('asks a title, a priority and a legal basis, and a due date not before the opening', () => {
    const v = { ...emptyInvestigationForm(), priority: null, due_date: '2026-01-01' };
    expect(validateInvestigation(v, '2026-11-02')).toEqual({
      title: 'validation.required',
      priority: 'validation.required',
      legal_basis: 'validation.required',
      due_date: 'validation.dueBeforeOpening',
    });
    expect(validateInvestigation({ ...v, title: 'T', priority: 'low', legal_basis: 'Art. 414', due_date: '2026-02-30' }, '2026-01-01')).toEqual({ due_date: 'validation.day' });
    expect(validateInvestigation({ ...v, title: 'T', priority: 'low', legal_basis: 'L', due_date: '' }, '2026-11-02')).toEqual({});
  });

  it('sends a new investigation with its first links, and the lead only from a supervisor', () => {
    const v = { ...emptyInvestigationForm([LINK]), title: ' Couriers ', legal_basis: ' Art. 414 ', lead: { id: 'lena', label: 'Lena' } };
    expect(investigationInput(v, false)).toEqual({
      title: 'Couriers',
      summary: null,
      priority: 'medium',
      legal_basis: 'Art. 414',
      offence_types: [],
      due_date: null,
      lead_id: null,
      links: [{ ...LINK, note: null }],
    });
    expect(investigationInput(v, true).lead_id).toBe('lena');
  });

  it('corrects by a merge patch of what changed only', () => {
    const before = investigationPatchSource(investigationToForm(investigation));
    const v = { ...investigationToForm(investigation), title: 'New title', due_date: '', offence_types: ['drug_trafficking', 'cash_smuggling'] };
    expect(mergePatch(before, investigationPatchSource(v))).toEqual({ title: 'New title', due_date: null, offence_types: ['drug_trafficking', 'cash_smuggling'] });
  });
});
