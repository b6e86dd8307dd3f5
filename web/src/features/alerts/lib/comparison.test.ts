import { describe, expect, it } from 'vitest';
import { comparisonRows, formatContribution, formatScore } from './comparison';

const f = (field: string, value: string) => ({ field, value });

describe('the side-by-side rows', () => {
  it('lists the subject’s fields in order, then the record’s others, and marks equal values', () => {
    const rows = comparisonRows(
      [f('family_name', 'بن صالح'), f('given_names', 'عبد القادر'), f('date_of_birth', '1979-11-07'), f('nationalities', 'DZ')],
      [f('family_name', 'BENSALEH'), f('given_names', 'Abdelkader'), f('date_of_birth', '1979-11-07'), f('phones', '+33 6 12 34 56 78')],
    );
    expect(rows.map((r) => r.field)).toEqual(['family_name', 'given_names', 'date_of_birth', 'nationalities', 'phones']);
    expect(rows.find((r) => r.field === 'date_of_birth')).toEqual({ field: 'date_of_birth', subject: '1979-11-07', record: '1979-11-07', same: true });
    expect(rows.find((r) => r.field === 'family_name')?.same).toBe(false);
    // a field on one side only: the other side is empty, never "same"
    expect(rows.find((r) => r.field === 'nationalities')).toEqual({ field: 'nationalities', subject: 'DZ', record: null, same: false });
    expect(rows.find((r) => r.field === 'phones')).toEqual({ field: 'phones', subject: null, record: '+33 6 12 34 56 78', same: false });
  });

  it('compares regardless of case, spacing and Unicode composition', () => {
    const rows = comparisonRows([f('name', 'Société  Générale ')], [f('name', 'SOCIE\u0301TE\u0301 générale')]);
    expect(rows).toEqual([{ field: 'name', subject: 'Société  Générale ', record: 'SOCIE\u0301TE\u0301 générale', same: true }]);
  });

  it('joins a field given twice on one side', () => {
    const rows = comparisonRows([f('aliases', 'A'), f('aliases', 'B')], [f('aliases', 'A, B')]);
    expect(rows).toEqual([{ field: 'aliases', subject: 'A, B', record: 'A, B', same: true }]);
  });

  it('lines a bare container number up with the conveyance’s identifier', () => {
    const rows = comparisonRows(
      [f('container', 'MSCU 123456-7')],
      [f('conveyance_type', 'container'), f('identifier_kind', 'container'), f('identifier', 'MSCU1234567'), f('country', 'PA')],
    );
    expect(rows.map((r) => r.field)).toEqual(['conveyance_type', 'identifier_kind', 'identifier', 'country']);
    expect(rows.find((r) => r.field === 'identifier')).toEqual({ field: 'identifier', subject: 'MSCU 123456-7', record: 'MSCU1234567', same: true });
  });

  it('does not line an identifier up with a conveyance of another kind', () => {
    const rows = comparisonRows([f('plate', 'AB-123-CD')], [f('identifier_kind', 'vin'), f('identifier', 'AB123CD')]);
    expect(rows.map((r) => r.field)).toEqual(['plate', 'identifier_kind', 'identifier']);
    expect(rows.every((r) => !r.same)).toBe(true);
  });

  it('finds a bare phone, document or e-mail among a person’s', () => {
    const phone = comparisonRows([f('phone', '06 12 34 56 78')], [f('family_name', 'X'), f('phones', '+213 555 01 02 03, +33 6 12 34 56 78')]);
    expect(phone.find((r) => r.field === 'phones')).toMatchObject({ subject: '06 12 34 56 78', same: true });
    const doc = comparisonRows([f('document', '12ab34')], [f('documents', 'passport 12AB34 (FR), id_card 999 (DZ)')]);
    expect(doc).toEqual([{ field: 'documents', subject: '12ab34', record: 'passport 12AB34 (FR), id_card 999 (DZ)', same: true }]);
    const email = comparisonRows([f('email', 'A@Example.org')], [f('emails', 'b@example.org')]);
    expect(email[0]).toMatchObject({ field: 'emails', same: false });
  });

  it('keeps an identifier apart when the record has nowhere to hold it', () => {
    const rows = comparisonRows([f('imo', '9074729')], [f('name', 'X')]);
    expect(rows).toEqual([
      { field: 'imo', subject: '9074729', record: null, same: false },
      { field: 'name', subject: null, record: 'X', same: false },
    ]);
  });
});

describe('the score and contributions', () => {
  it('writes the score as a whole percentage, rounded down', () => {
    expect(formatScore(0.879, 'en')).toBe('87%');
    expect(formatScore(0.999, 'en')).toBe('99%');
    expect(formatScore(1, 'en')).toBe('100%');
    expect(formatScore(0.29, 'en')).toBe('29%');
    expect(formatScore(0.879, 'fr')).toBe('87\u00a0%');
  });

  it('signs every contribution, with a true minus sign', () => {
    expect(formatContribution(0.15, 'en')).toBe('+0.15');
    expect(formatContribution(-0.354, 'en')).toBe('\u22120.35');
    expect(formatContribution(0, 'en')).toBe('0.00');
    expect(formatContribution(0.5, 'fr')).toBe('+0,50');
  });
});
