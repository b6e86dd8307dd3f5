/**
 * Screening a list (a passenger list, a cargo manifest): the CSV as it is sent, the server's
 * field errors placed at the line and column the officer sees, and the lines of an answer
 * grouped for display.
 */
import { fieldErrorMessage } from '@/lib/forms';
import type { BatchLine, BatchOutcome, Candidate } from '../api/screening';

/** The columns a list may have (any order; those of the API's `BatchRow`). */
export const BATCH_COLUMNS = [
  'reference',
  'name',
  'family_name',
  'given_names',
  'date_of_birth',
  'gender',
  'nationality',
  'document_number',
  'document_country',
  'phone',
  'email',
  'container',
  'air_waybill',
  'bill_of_lading',
  'flight_number',
  'plate',
] as const;

/** The header the text area shows as an example. */
export const BATCH_EXAMPLE_HEADER = 'reference,name,date_of_birth,document_number,container';

/** The most lines a list may have (the server's limit). */
export const MAX_BATCH_LINES = 1000;

/** The CSV as it is sent: as typed or read, without the blank lines and spaces after the last line. */
export function batchBody(text: string): string {
  return `${text.replace(/\s+$/, '')}\n`;
}

/** Whether there is anything to send. */
export function hasBatchText(text: string): boolean {
  return text.trim() !== '';
}

/** Where a server error belongs: a line (and one of its columns), the header, the list, or elsewhere. */
export type BatchProblemScope = 'line' | 'columns' | 'list' | 'other';

export interface BatchProblem {
  scope: BatchProblemScope;
  /** the line of the list, from 1 (scope `line`) */
  line: number | null;
  /** the CSV column at fault, when the error names one */
  column: string | null;
  /** the field as the server named it (`rows[3].container`) */
  field: string;
  /** in the UI language when the code is one the interface knows, else the server's message */
  message: string;
}

const ROW = /^rows\[(\d+)\](?:\.(.+))?$/;

/**
 * The CSV column a line's field stands for: the screening query's own names
 * (`documents[0].number`, `nationalities[0]`, `phones`) are named as the list names them.
 */
export function batchColumn(path: string): string {
  const head = path.split(/[.[]/)[0] ?? path;
  if (head === 'documents') return /\.country$/.test(path) ? 'document_country' : 'document_number';
  if (head === 'nationalities') return 'nationality';
  if (head === 'phones') return 'phone';
  if (head === 'emails') return 'email';
  return head;
}

/** A server field error in the UI language: nothing to match, a date of birth, the list's length, then the shared codes. */
function problemMessage(t: (key: string) => string, e: { field: string; code?: string; message: string }, column: string | null): string {
  if (e.code === 'nothing_to_match') return t('screening.batch.errors.nothingToMatch');
  if (column === 'date_of_birth' && (e.code === 'format' || e.code === 'date')) return t('validation.partialDate');
  if (e.field === 'rows' && e.code === 'length') return t('screening.batch.errors.lines');
  return fieldErrorMessage(t, e);
}

/**
 * The server's field errors (422 `errors[]`) as the list shows them: `rows[3].container` is
 * line 4, column `container`; `rows[5]` is line 6 as a whole; `columns` is the header line;
 * `rows` the list itself. In the order the server gave them (line by line).
 */
export function batchProblems(
  t: (key: string) => string,
  errors: readonly { field: string; code?: string; message: string }[],
): BatchProblem[] {
  return errors.map((e) => {
    const m = ROW.exec(e.field);
    if (m) {
      const column = m[2] ? batchColumn(m[2]) : null;
      return { scope: 'line', line: Number(m[1]) + 1, column, field: e.field, message: problemMessage(t, e, column) };
    }
    const scope: BatchProblemScope = e.field === 'columns' ? 'columns' : e.field === 'rows' ? 'list' : 'other';
    return { scope, line: null, column: null, field: e.field, message: problemMessage(t, e, null) };
  });
}

/** The lines of an answer: those to look at (hits, then lines to review, as the server orders them), and the clear ones. */
export function splitLines(lines: readonly BatchLine[]): { flagged: BatchLine[]; clear: BatchLine[] } {
  return {
    flagged: lines.filter((l) => l.outcome !== 'clear'),
    clear: lines.filter((l) => l.outcome === 'clear'),
  };
}

export const OUTCOMES: readonly BatchOutcome[] = ['hit', 'review', 'clear'];

/** Where a candidate's record is. */
export function candidatePath(c: Pick<Candidate, 'kind' | 'id'>): string {
  if (c.kind === 'company') return `/registers/companies/${c.id}`;
  if (c.kind === 'conveyance') return `/registers/conveyances/${c.id}`;
  return `/registers/persons/${c.id}`;
}
