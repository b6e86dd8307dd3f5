/**
 * A person as an officer enters one, wherever that is (the persons register, or inline in a
 * case): the name typed in one box taken apart, and the identity documents' rows, their
 * mapping to the API's `DocumentInput` and their client checks (values are i18n keys).
 */
import type { DocumentInput } from '@/api/types';

/**
 * A name must hold at least one letter (the server refuses "0", "-" or "?" as `no_letters`):
 * the server's test is Rust's `char::is_alphabetic`, i.e. the Unicode `Alphabetic` property.
 */
export const hasLetter = (v: string): boolean => /\p{Alphabetic}/u.test(v);

/** Has a letter that has case, and all such letters are upper case ("GÓMEZ", "O'NEIL", not "Juan" nor "12"). */
const isUpperWord = (w: string) => w !== w.toLocaleLowerCase() && w === w.toLocaleUpperCase();

/**
 * Family and given names from what an officer typed in one box (a search that found no one):
 * "Restrepo, Juan Carlos" (family name before the comma), or "RESTREPO GÓMEZ Juan Carlos"
 * (the leading words in capitals are the family name, as passports and the register write it).
 * Anything else is all taken as the family name, for the officer to split.
 */
export function splitName(text: string): { family_name: string; given_names: string } {
  const t = text.trim().replace(/\s+/g, ' ');
  const comma = t.indexOf(',');
  if (comma >= 0) return { family_name: t.slice(0, comma).trim(), given_names: t.slice(comma + 1).trim() };
  const words = t.split(' ');
  const upper = words.findIndex((w) => !isUpperWord(w));
  if (upper > 0 && upper < words.length) return { family_name: words.slice(0, upper).join(' '), given_names: words.slice(upper).join(' ') };
  return { family_name: t, given_names: '' };
}

/** An identity document row of a person form. */
export interface DocumentValues {
  /** Stable React key (never sent to the API). */
  key: string;
  document_type: string | null;
  number: string;
  issuing_country: string | null;
  expires_on: string;
}

/** The fields of a document row, in the order a row shows them. */
export const DOCUMENT_FIELDS = ['document_type', 'number', 'issuing_country', 'expires_on'] as const;

/** The most documents a person may carry (the server's limit). */
export const MAX_DOCUMENTS = 20;

let seq = 0;
export function emptyDocument(): DocumentValues {
  seq += 1;
  return { key: `d${seq}`, document_type: null, number: '', issuing_country: null, expires_on: '' };
}

/**
 * Every document row is sent, blank ones too (the client check stops those first), so the
 * server's `documents[i]` errors name the row the officer sees.
 */
export function documentInput(d: DocumentValues): DocumentInput {
  return {
    document_type: d.document_type ?? '',
    number: d.number.trim(),
    issuing_country: d.issuing_country,
    expires_on: d.expires_on || null,
  };
}

/** A document number worth looking up: it has a letter or a digit (the server's own check). */
export const isDocumentNumber = (v: string): boolean => /[\p{L}\p{N}]/u.test(v);

/** The distinct numbers typed in the rows that are worth looking up, trimmed. */
export function documentNumbers(docs: readonly DocumentValues[]): string[] {
  return [...new Set(docs.map((d) => d.number.trim()).filter(isDocumentNumber))];
}

/**
 * The rows' client checks, keyed by the path of the list (`documents`, or
 * `persons.0.person.documents` in a case): `<path>.1.number`.
 */
export function validateDocuments(docs: readonly DocumentValues[], path = 'documents'): Record<string, string> {
  const e: Record<string, string> = {};
  if (docs.length > MAX_DOCUMENTS) e[path] = 'validation.tooMany';
  docs.forEach((d, i) => {
    if (!d.document_type) e[`${path}.${i}.document_type`] = 'validation.required';
    if (!d.number.trim()) e[`${path}.${i}.number`] = 'validation.required';
    else if (!isDocumentNumber(d.number)) e[`${path}.${i}.number`] = 'validation.lettersOrDigits';
  });
  return e;
}

/** Where the rows can show errors: the list, each row, and each row's fields. */
export function documentErrorPaths(docs: readonly DocumentValues[], path = 'documents'): string[] {
  return [path, ...docs.flatMap((_, i) => [`${path}.${i}`, ...DOCUMENT_FIELDS.map((f) => `${path}.${i}.${f}`)])];
}
