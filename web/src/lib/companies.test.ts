import { describe, expect, it } from 'vitest';
import { addressLine, formerNameDates, formerNameLine, identifierLine } from './companies';

const country = (c: string) => ({ FR: 'France', NL: 'Netherlands' })[c] ?? c;

describe('a company’s values on one line', () => {
  it('writes an address as the server prints it, the country by its label', () => {
    expect(addressLine({ kind: 'registered', street: '3 rue du Port', postcode: '76600', city: 'Le Havre', country: 'FR' }, country)).toBe(
      '3 rue du Port, 76600 Le Havre, France',
    );
    expect(addressLine({ postcode: '76600', city: null, country: null })).toBe('76600');
    expect(addressLine({ street: ' ', city: 'Venlo', country: 'NL' })).toBe('Venlo, NL');
    expect(addressLine({})).toBe('');
  });

  it('writes an identifier with its kind and country', () => {
    const kind = (k: string) => ({ vat: 'VAT number', lei: 'LEI' })[k] ?? k;
    expect(identifierLine({ kind: 'vat', value: 'FR40303265045', country: 'FR' }, kind, country)).toBe('VAT number FR40303265045 (France)');
    expect(identifierLine({ kind: 'lei', value: '5493001KJTIIGC8Y1R12', country: null }, kind, country)).toBe('LEI 5493001KJTIIGC8Y1R12');
  });

  it('writes a former name with the dates it was used', () => {
    expect(formerNameLine({ name: 'Acme Shipping', from: '2001-02-03', until: '2015-06-30' })).toBe('Acme Shipping (2001-02-03 – 2015-06-30)');
    expect(formerNameDates({ name: 'Acme', from: '2001-02-03' })).toBe('2001-02-03 –');
    expect(formerNameDates({ name: 'Acme', until: '2015-06-30' })).toBe('– 2015-06-30');
    expect(formerNameLine({ name: 'Acme', from: null, until: null })).toBe('Acme');
  });
});
