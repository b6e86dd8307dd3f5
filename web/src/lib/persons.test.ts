import { describe, expect, it } from 'vitest';
import { documentErrorPaths, documentInput, documentNumbers, emptyDocument, hasLetter, splitName, validateDocuments } from './persons';

describe('a name typed in one box', () => {
  it('takes family and given names apart', () => {
    expect(splitName('RESTREPO GÓMEZ Juan Carlos')).toEqual({ family_name: 'RESTREPO GÓMEZ', given_names: 'Juan Carlos' });
    expect(splitName("  O'NEIL  Mary-Ann ")).toEqual({ family_name: "O'NEIL", given_names: 'Mary-Ann' });
    expect(splitName('Restrepo Gómez, Juan Carlos')).toEqual({ family_name: 'Restrepo Gómez', given_names: 'Juan Carlos' });
    expect(splitName('RESTREPO GÓMEZ, Juan Carlos')).toEqual({ family_name: 'RESTREPO GÓMEZ', given_names: 'Juan Carlos' });
    // nothing tells the parts apart: all in the family name, for the officer to split
    expect(splitName('Juan Restrepo')).toEqual({ family_name: 'Juan Restrepo', given_names: '' });
    expect(splitName('PETROV')).toEqual({ family_name: 'PETROV', given_names: '' });
    expect(splitName('Petrov')).toEqual({ family_name: 'Petrov', given_names: '' });
    expect(splitName('RESTREPO GÓMEZ')).toEqual({ family_name: 'RESTREPO GÓMEZ', given_names: '' });
    expect(splitName('محمد علي')).toEqual({ family_name: 'محمد علي', given_names: '' });
    expect(splitName('')).toEqual({ family_name: '', given_names: '' });
  });

  it('holds a letter, as the server requires (`no_letters`)', () => {
    expect(hasLetter('0')).toBe(false);
    expect(hasLetter('- ?')).toBe(false);
    expect(hasLetter('Ли')).toBe(true);
    expect(hasLetter('محمد')).toBe(true);
  });
});

describe('identity document rows', () => {
  it('are sent as typed, trimmed, with blank values as null', () => {
    const d = { ...emptyDocument(), document_type: 'passport', number: ' CO 123 ', issuing_country: 'CO' };
    expect(documentInput(d)).toEqual({ document_type: 'passport', number: 'CO 123', issuing_country: 'CO', expires_on: null });
    expect(emptyDocument().key).not.toBe(emptyDocument().key);
  });

  it('are checked at the path of their list', () => {
    const docs = [emptyDocument(), { ...emptyDocument(), document_type: 'passport', number: '--' }, { ...emptyDocument(), document_type: 'passport', number: 'A1' }];
    expect(validateDocuments(docs, 'persons.0.person.documents')).toEqual({
      'persons.0.person.documents.0.document_type': 'validation.required',
      'persons.0.person.documents.0.number': 'validation.required',
      'persons.0.person.documents.1.number': 'validation.lettersOrDigits',
    });
    expect(validateDocuments(Array.from({ length: 21 }, () => ({ ...emptyDocument(), document_type: 'passport', number: '1' })))).toEqual({
      documents: 'validation.tooMany',
    });
    expect(documentErrorPaths(docs.slice(0, 1), 'x')).toEqual(['x', 'x.0', 'x.0.document_type', 'x.0.number', 'x.0.issuing_country', 'x.0.expires_on']);
  });

  it('give the numbers worth looking up, once each', () => {
    const docs = [' 75 1234567 ', '-', '75 1234567', ''].map((number) => ({ ...emptyDocument(), number }));
    expect(documentNumbers(docs)).toEqual(['75 1234567']);
  });
});
