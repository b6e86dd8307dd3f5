import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import { en } from '@/i18n/en';
import { companyQuery, conveyanceQuery, isCorrectionLocked, personQuery } from './registers';

describe('a correction refused because a validated case of another unit links the record', () => {
  it('is recognised by its problem code', () => {
    expect(isCorrectionLocked(new ApiError(403, { code: 'validated_elsewhere' }))).toBe(true);
    expect(isCorrectionLocked(new ApiError(403, { code: 'forbidden' }))).toBe(false);
    expect(isCorrectionLocked(new ApiError(412, { code: 'precondition_failed' }))).toBe(false);
    expect(isCorrectionLocked(new Error('validated_elsewhere'))).toBe(false);
  });

  it('is explained as the record page explains a locked record', () => {
    expect(en.errors.codes.validated_elsewhere).toBe(en.registers.correctionLocked);
  });
});

describe('the order a register list is asked for', () => {
  it('leaves the server’s default out: best match with a text, the name order without one', () => {
    expect(personQuery({ q: 'petrov', sort: 'relevance' })).toEqual({ q: 'petrov' });
    expect(personQuery({ q: 'petrov', sort: 'name' })).toEqual({ q: 'petrov', sort: 'name' });
    expect(personQuery({ q: '', sort: 'name' })).toEqual({});
    expect(personQuery({ q: '', sort: 'relevance' })).toEqual({});
    expect(companyQuery({ q: 'acme', sort: 'name', country: 'RU' })).toEqual({ q: 'acme', sort: 'name', country: 'RU' });
    expect(companyQuery({ q: 'acme', sort: 'last_case' })).toEqual({ q: 'acme', sort: 'last_case' });
  });

  it('orders conveyances by identifier or latest case only', () => {
    expect(conveyanceQuery({ q: 'MSCU', sort: 'name' })).toEqual({ q: 'MSCU' });
    expect(conveyanceQuery({ q: 'MSCU', sort: 'relevance' })).toEqual({ q: 'MSCU' });
    expect(conveyanceQuery({ q: 'MSCU', sort: 'last_case' })).toEqual({ q: 'MSCU', sort: 'last_case' });
  });
});
