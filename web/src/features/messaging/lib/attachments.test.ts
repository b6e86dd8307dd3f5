import { describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import { ApiError } from '@/api/errors';
import { fieldErrorMessage } from '@/lib/forms';
import { attachmentIdsProblem, checkFile, formatSize, MAX_FILE_BYTES, typeKey, uploadProblem, withAttachments } from '@/lib/attachments';
import { composeErrorMessage } from './compose';

function file(name: string, type: string, size = 10): File {
  const f = new File(['x'], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
}

function refused(status: number, errors: { field: string; code: string; message: string }[] = []) {
  return new ApiError(status, { status, code: errors.length ? 'validation_failed' : 'x', title: 'refused', errors });
}

describe('message attachments', () => {
  it('accepts JPEG, PNG, WebP, TIFF and PDF by type or extension, refusing empty and oversized files', () => {
    expect(checkFile(file('a.png', 'image/png'))).toBeNull();
    expect(checkFile(file('scan.TIF', ''))).toBeNull();
    expect(checkFile(file('report', 'application/pdf'))).toBeNull();
    expect(checkFile(file('anim.gif', 'image/gif'))).toEqual({ key: 'messaging.attachments.errors.unsupported' });
    expect(checkFile(file('notes.txt', 'text/plain'))).toEqual({ key: 'messaging.attachments.errors.unsupported' });
    expect(checkFile(file('a.jpg', 'image/jpeg', 0))).toEqual({ key: 'messaging.attachments.errors.empty' });
    expect(checkFile(file('a.jpg', 'image/jpeg', MAX_FILE_BYTES + 1))).toEqual({ key: 'messaging.attachments.errors.tooLarge', values: { max: 25 } });
    expect(checkFile(file('a.jpg', 'image/jpeg', MAX_FILE_BYTES))).toBeNull();
  });

  it('turns the server’s refusals into translated problems', () => {
    const key = (e: unknown) => uploadProblem(e).key.replace('messaging.attachments.errors.', '');
    expect(key(refused(413))).toBe('tooLarge');
    expect(key(refused(415))).toBe('unsupported');
    expect(key(refused(422, [{ field: 'file', code: 'unsupported_type', message: 'only JPEG…' }]))).toBe('unsupported');
    expect(key(refused(422, [{ field: 'file', code: 'corrupt', message: 'could not be read' }]))).toBe('corrupt');
    expect(key(refused(422, [{ field: 'file', code: 'encrypted', message: 'encrypted' }]))).toBe('encrypted');
    expect(key(refused(422, [{ field: 'file', code: 'too_complex', message: 'objects' }]))).toBe('tooComplex');
    expect(key(refused(422, [{ field: 'file', code: 'image_too_large', message: 'pixels' }]))).toBe('imageTooLarge');
    expect(key(refused(422, [{ field: 'file', code: 'required', message: 'empty' }]))).toBe('empty');
    expect(key(refused(503))).toBe('busy');
    expect(key(refused(500))).toBe('failed');
    expect(key(new ApiError(0, null, 'network error'))).toBe('network');
    expect(key(new Error('boom'))).toBe('failed');
  });

  it('names stored types and sizes in the UI language', () => {
    expect(typeKey('image/jpeg')).toBe('messaging.attachments.types.jpeg');
    expect(typeKey('application/pdf')).toBe('messaging.attachments.types.pdf');
    expect(typeKey('application/zip')).toBeNull();
    expect(formatSize(512, 'en')).toMatch(/^512\s?(byte|B)$/);
    expect(formatSize(12_800, 'en')).toBe('12.5 kB');
    expect(formatSize(3 * 1024 * 1024, 'en')).toBe('3 MB');
    expect(formatSize(12_800, 'fr')).toMatch(/^12,5\s?ko$/);
  });

  it('sends the ids only when there are some', () => {
    expect(withAttachments({ body: 'hi' }, [])).toEqual({ body: 'hi' });
    expect(withAttachments({ body: 'hi' }, ['a', 'b'])).toEqual({ body: 'hi', attachment_ids: ['a', 'b'] });
  });

  it('places refusals of attachment_ids, and tells a deadline in the past from a date in the future', async () => {
    await i18n.changeLanguage('en');
    const t = i18n.t.bind(i18n) as (key: string, options?: Record<string, unknown>) => string;
    expect(attachmentIdsProblem({ field: 'body', code: 'required' })).toBeNull();
    expect(attachmentIdsProblem({ field: 'attachment_ids', code: 'length' })).toEqual({ key: 'messaging.attachments.errors.tooMany', values: { max: 10 } });
    expect(composeErrorMessage(t, { field: 'attachment_ids[2]', code: 'not_found', message: 'no upload of yours' })).toMatch(/^A file can no longer be sent/);
    // `in_past` (CreateThread's feedback deadline) and the generic `future` (a date of birth, a detection time) are opposites
    expect(composeErrorMessage(t, { field: 'template.feedback_due', code: 'in_past', message: 'must be in the future' })).toBe('Must be in the future.');
    expect(composeErrorMessage(t, { field: 'x', code: 'future', message: 'must not be in the future' })).toBe('Must not be in the future.');
    expect(fieldErrorMessage(t, { code: 'in_past', message: 'must be in the future' })).toBe('must be in the future');
  });
});
