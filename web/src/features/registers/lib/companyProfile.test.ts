import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import i18n from '@/i18n';
import '@/i18n/companies';
import { profile } from '../test/companyFixtures';
import { contributionTotal, distinctCases, groupLinks, periodText, profileErrors, profileRefusal, refPath, shareText } from './companyProfile';

const t = i18n.getFixedT('en');
const refused = (errors: { field: string; code: string; message: string }[]) =>
  new ApiError(422, { status: 422, code: 'validation_failed', errors } as never);

describe('the company profile', () => {
  it('groups the computed links by what they share, in a fixed order', () => {
    expect(groupLinks(profile.computed_links).map(([k, ls]) => [k, ls.map((l) => l.company.id)])).toEqual([
      ['address', ['c4', 'c6']],
      ['director', ['c5']],
    ]);
  });

  it('adds the contributions up to the score', () => {
    expect(contributionTotal(profile.risk.explanation)).toBe(profile.risk.score);
    expect(contributionTotal([])).toBe(0);
  });

  it('opens cases, companies and persons, and nothing restricted', () => {
    expect(refPath({ kind: 'case', id: 's1' })).toBe('/seizures/s1');
    expect(refPath({ kind: 'company', id: 'c2' })).toBe('/registers/companies/c2');
    expect(refPath({ kind: 'person', id: 'p1' })).toBe('/registers/persons/p1');
    expect(refPath({ kind: 'investigation', id: null })).toBeNull();
    expect(refPath({ kind: 'flag', id: 'f1' })).toBeNull();
  });

  it('writes periods and shares', () => {
    expect(periodText('2020-01-01', '2021-06-30')).toBe('2020-01-01 – 2021-06-30');
    expect(periodText('2020-01-01', null)).toBe('2020-01-01 –');
    expect(periodText(null, '2021-06-30')).toBe('– 2021-06-30');
    expect(periodText(null, null)).toBe('');
    expect(shareText(33.335, 'en')).toBe('33.34%');
    expect(shareText(null, 'en')).toBe('');
  });

  it('lists each case once', () => {
    expect(distinctCases([{ case_id: 'a' }, { case_id: 'a' }, { case_id: 'b' }] as never).map((c) => c.case_id)).toEqual(['a', 'b']);
  });

  it('says each refusal at its field, in words that depend on the dialog', () => {
    const e = refused([
      { field: 'share_percent', code: 'not_allowed', message: 'only parents hold a share' },
      { field: 'company_id', code: 'self', message: 'a company cannot be related to itself' },
      { field: 'elsewhere', code: 'odd', message: 'something else' },
    ]);
    expect(profileErrors(t, 'relation', e, ['share_percent', 'company_id'])).toEqual({
      fields: { share_percent: 'Only parents and subsidiaries carry a share.', company_id: 'A company cannot be related to itself.' },
      unplaced: ['something else'],
    });
    const person = refused([
      { field: 'share_percent', code: 'not_allowed', message: 'only shareholders hold a share' },
      { field: 'person_id', code: 'merged', message: 'the person was merged into another' },
      { field: 'share_percent', code: 'range', message: 'must be over 0 and at most 100' },
    ]);
    expect(profileErrors(t, 'person', person, ['share_percent', 'person_id']).fields).toEqual({
      share_percent: 'Only shareholders and beneficial owners hold a share.',
      person_id: 'This record was merged into another: choose the one it was merged into.',
    });
    expect(profileErrors(t, 'flag', refused([{ field: 'points', code: 'range', message: 'from -50 to 50, not 0' }]), ['points']).fields.points).toBe(
      'A whole number from −50 to 50, not 0.',
    );
    expect(profileErrors(t, 'person', new Error('x'), ['person_id'])).toEqual({ fields: {}, unplaced: [] });
  });

  it('says the conflicts it knows', () => {
    expect(profileRefusal(t, new ApiError(409, { status: 409, code: 'already_recorded' } as never))).toBe('This typology is already recorded against that case.');
    expect(profileRefusal(t, new ApiError(409, { status: 409, code: 'merged' } as never))).toMatch(/^This company was merged/);
    expect(profileRefusal(t, new ApiError(409, { status: 409, code: 'other' } as never))).toBeNull();
    expect(profileRefusal(t, new ApiError(422, null))).toBeNull();
  });
});
