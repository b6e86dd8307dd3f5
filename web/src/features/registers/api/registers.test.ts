import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import { en } from '@/i18n/en';
import { isCorrectionLocked } from './registers';

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
