import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import { applyServerErrors, fieldErrorMessage } from './forms';
import { pickLabel } from './format';
import { can, canAny } from './permissions';
import { refreshDelayMs } from './session';
import { safeNext } from './useSession';

describe('safeNext', () => {
  it('keeps in-app paths and refuses the rest', () => {
    expect(safeNext('/admin/users?q=x')).toBe('/admin/users?q=x');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/\\evil')).toBe('/');
    expect(safeNext('/signin?next=/x')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});

describe('refreshDelayMs', () => {
  it('refreshes a minute early for the default 15-minute token', () => {
    expect(refreshDelayMs(900)).toBe(840_000);
  });
  it('refreshes at 80 % of a short life, never sooner than 1 s', () => {
    expect(refreshDelayMs(60)).toBe(48_000);
    expect(refreshDelayMs(2)).toBe(1_600);
    expect(refreshDelayMs(1)).toBe(1_000);
  });
});

describe('pickLabel', () => {
  it('prefers the UI language, then English', () => {
    expect(pickLabel({ en: 'Cocaine', fr: 'Cocaïne' }, 'fr', 'X')).toBe('Cocaïne');
    expect(pickLabel({ en: 'Cocaine', fr: 'Cocaïne' }, 'fr-CA', 'X')).toBe('Cocaïne');
    expect(pickLabel({ en: 'Cocaine' }, 'ar', 'X')).toBe('Cocaine');
    expect(pickLabel({}, 'fr', 'X')).toBe('X');
  });
});

describe('permissions', () => {
  it('checks the permission strings from /me', () => {
    const me = { permissions: ['users.read', 'codelists.read'] };
    expect(can(me, 'users.read')).toBe(true);
    expect(can(me, 'audit.read')).toBe(false);
    expect(canAny(me, ['audit.read', 'users.read'])).toBe(true);
    expect(can(undefined, 'users.read')).toBe(false);
  });
});

describe('applyServerErrors', () => {
  it('puts 422 field errors on matching fields only', () => {
    const set: Record<string, string> = {};
    const form = { setFieldError: (p: string, e: string) => void (set[p] = e) };
    const err = new ApiError(422, {
      status: 422,
      code: 'validation_failed',
      title: 'Invalid',
      type: 'about:blank',
      errors: [
        { field: 'username', code: 'taken', message: 'already taken' },
        { field: 'labels.en', code: 'required', message: 'required' },
        { field: 'unknown', code: 'x', message: 'x' },
      ],
    });
    expect(applyServerErrors(form, err, ['username', 'label_en'], { 'labels.en': 'label_en' })).toBe(true);
    expect(set).toEqual({ username: 'already taken', label_en: 'required' });
  });
  it('reports nothing applied for non-field errors', () => {
    const form = { setFieldError: () => {} };
    expect(applyServerErrors(form, new ApiError(409, { code: 'conflict' }), ['username'])).toBe(false);
    expect(applyServerErrors(form, new Error('x'), ['username'])).toBe(false);
  });
});

describe('fieldErrorMessage', () => {
  it('translates the generic codes and keeps the server message otherwise', () => {
    const t = (k: string) => `T:${k}`;
    expect(fieldErrorMessage(t, { code: 'required', message: 'is required' })).toBe('T:validation.required');
    expect(fieldErrorMessage(t, { code: 'check_digit', message: 'the check digit does not match' })).toBe('T:validation.checkDigit');
    expect(fieldErrorMessage(t, { code: 'length', message: 'must be at most 64 characters long' })).toBe('must be at most 64 characters long');
  });
});
