import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';
import { attachmentName, isTooManyRows, saveResponse } from './download';

describe('attachmentName', () => {
  it('reads the quoted, plain and RFC 5987 forms', () => {
    expect(attachmentName('attachment; filename="audit-20260301-0900.csv"')).toBe('audit-20260301-0900.csv');
    expect(attachmentName('attachment; filename=cases.xlsx')).toBe('cases.xlsx');
    expect(attachmentName("attachment; filename*=UTF-8''saisies%20%C3%A9t%C3%A9.csv")).toBe('saisies été.csv');
  });

  it('prefers filename* to filename', () => {
    expect(attachmentName("attachment; filename=\"fallback.csv\"; filename*=UTF-8''r%C3%A9el.csv")).toBe('réel.csv');
  });

  it('falls back to the plain name when filename* is not valid percent-encoding', () => {
    expect(attachmentName("attachment; filename*=UTF-8''bad%E0%A4%A; filename=\"ok.csv\"")).toBe('ok.csv');
  });

  it('gives null without a header or a name', () => {
    expect(attachmentName(null)).toBeNull();
    expect(attachmentName('')).toBeNull();
    expect(attachmentName('attachment')).toBeNull();
    expect(attachmentName('attachment; filename=""')).toBeNull();
  });
});

describe('isTooManyRows', () => {
  const problem = (extra: object) => ({ type: 'about:blank', title: 'Validation failed', status: 422, ...extra });

  it('recognises the code at the top or on a field', () => {
    expect(isTooManyRows(new ApiError(422, problem({ code: 'too_many_rows' })))).toBe(true);
    expect(
      isTooManyRows(new ApiError(422, problem({ code: 'validation_failed', errors: [{ field: 'limit', code: 'too_many_rows', message: 'narrow' }] }))),
    ).toBe(true);
  });

  it('is false for other failures', () => {
    expect(isTooManyRows(new ApiError(422, problem({ code: 'validation_failed', errors: [{ field: 'from', code: 'invalid', message: 'x' }] })))).toBe(false);
    expect(isTooManyRows(new ApiError(500, null))).toBe(false);
    expect(isTooManyRows(new Error('too_many_rows'))).toBe(false);
    expect(isTooManyRows(undefined)).toBe(false);
  });
});

describe('saveResponse', () => {
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  let saved: string[];

  beforeEach(() => {
    saved = [];
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: vi.fn(() => 'blob:file') });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: original.create });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: original.revoke });
  });

  it('saves under the server’s name, or the fallback', () => {
    const blob = new Blob(['a,b\n']);
    const named = new Response(null, { status: 200, headers: { 'Content-Disposition': 'attachment; filename="cases-1.csv"' } });
    expect(saveResponse({ data: blob, response: named }, 'cases.csv')).toBe('cases-1.csv');
    expect(saveResponse({ data: blob, response: new Response(null, { status: 200 }) }, 'cases.csv')).toBe('cases.csv');
    expect(saved).toEqual(['cases-1.csv', 'cases.csv']);
  });

  it('throws the API error and saves nothing on failure', () => {
    const refused = new Response(null, { status: 422 });
    expect(() => saveResponse({ error: { code: 'too_many_rows' }, response: refused }, 'cases.csv')).toThrow(ApiError);
    expect(saved).toEqual([]);
  });
});
