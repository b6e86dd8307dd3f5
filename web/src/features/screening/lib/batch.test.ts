import { describe, expect, it } from 'vitest';
import { batchBody, batchColumn, batchProblems, candidatePath, hasBatchText, splitLines } from './batch';
import type { BatchLine } from '../api/screening';

const t = (key: string) => `t:${key}`;

describe('the list as it is sent', () => {
  it('keeps the text as typed, without the blank lines after the last line', () => {
    expect(batchBody('reference,name\n1,Ann Smith\n\n  \n')).toBe('reference,name\n1,Ann Smith\n');
    expect(batchBody('reference,name\r\n1,Ann Smith')).toBe('reference,name\r\n1,Ann Smith\n');
  });

  it('is nothing when only blanks were typed', () => {
    expect(hasBatchText(' \n\t')).toBe(false);
    expect(hasBatchText('name')).toBe(true);
  });
});

describe('the server’s errors on a list', () => {
  it('are placed at the line (from 1) and the column the officer sees', () => {
    const problems = batchProblems(t, [
      { field: 'rows[3].container', code: 'check_digit', message: 'the check digit does not match' },
      { field: 'rows[5]', code: 'nothing_to_match', message: 'give a name…' },
      { field: 'rows[0].date_of_birth', code: 'format', message: 'must be YYYY, YYYY-MM or YYYY-MM-DD' },
      { field: 'rows[1].documents[0].number', code: 'length', message: 'must be at most 64 characters long' },
      { field: 'rows[2]', code: 'csv', message: 'cannot be read: 3 fields where the header has 5' },
    ]);
    expect(problems).toEqual([
      { scope: 'line', line: 4, column: 'container', field: 'rows[3].container', message: 't:validation.checkDigit' },
      { scope: 'line', line: 6, column: null, field: 'rows[5]', message: 't:screening.batch.errors.nothingToMatch' },
      { scope: 'line', line: 1, column: 'date_of_birth', field: 'rows[0].date_of_birth', message: 't:validation.partialDate' },
      { scope: 'line', line: 2, column: 'document_number', field: 'rows[1].documents[0].number', message: 'must be at most 64 characters long' },
      { scope: 'line', line: 3, column: null, field: 'rows[2]', message: 'cannot be read: 3 fields where the header has 5' },
    ]);
  });

  it('name the header, the list, or the field as the server gave it', () => {
    const problems = batchProblems(t, [
      { field: 'columns', code: 'csv', message: 'unknown column `seat`' },
      { field: 'rows', code: 'length', message: 'must have 1 to 1000 lines' },
      { field: 'body', code: 'json', message: 'bad' },
    ]);
    expect(problems.map((p) => [p.scope, p.message])).toEqual([
      ['columns', 'unknown column `seat`'],
      ['list', 't:screening.batch.errors.lines'],
      ['other', 'bad'],
    ]);
  });

  it('name the query’s lists by the list’s columns', () => {
    expect(batchColumn('documents[0].country')).toBe('document_country');
    expect(batchColumn('documents')).toBe('document_number');
    expect(batchColumn('nationalities[1]')).toBe('nationality');
    expect(batchColumn('phones[0]')).toBe('phone');
    expect(batchColumn('emails')).toBe('email');
    expect(batchColumn('plate')).toBe('plate');
  });
});

describe('the lines of an answer', () => {
  const line = (n: number, outcome: BatchLine['outcome']): BatchLine => ({ line: n, label: `L${n}`, outcome, alerts: [], candidates: [] });

  it('keep the server’s order, the clear lines apart', () => {
    const { flagged, clear } = splitLines([line(2, 'hit'), line(1, 'review'), line(3, 'clear'), line(4, 'clear')]);
    expect(flagged.map((l) => l.line)).toEqual([2, 1]);
    expect(clear.map((l) => l.line)).toEqual([3, 4]);
  });

  it('link each kind of record to its page', () => {
    expect(candidatePath({ kind: 'person', id: 'a' })).toBe('/registers/persons/a');
    expect(candidatePath({ kind: 'company', id: 'b' })).toBe('/registers/companies/b');
    expect(candidatePath({ kind: 'conveyance', id: 'c' })).toBe('/registers/conveyances/c');
  });
});
