import { afterEach, describe, expect, it } from 'vitest';
import { errorElement, fieldId, focusField, focusFirstError, inPageOrder } from './formErrors';
import { putFirst } from './options';

function page(html: string) {
  document.body.innerHTML = html;
}

describe('reaching form errors', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('gives every field a stable id from its path', () => {
    expect(fieldId('case', 'goods.1.quantity')).toBe('case-goods-1-quantity');
    expect(fieldId('case', 'persons.0.person.family_name')).toBe('case-persons-0-person-family_name');
  });

  it('finds the field, else the nearest enclosing part that is shown', () => {
    page(`
      <fieldset id="case-goods-0"><input id="case-goods-0-quantity"></fieldset>
      <p id="case-route">route error</p>`);
    expect(errorElement('case', 'goods.0.quantity')?.id).toBe('case-goods-0-quantity');
    expect(errorElement('case', 'goods.0.unit')?.id).toBe('case-goods-0');
    expect(errorElement('case', 'route.3.country')?.id).toBe('case-route');
    expect(errorElement('case', 'narrative')).toBeNull();
  });

  it('orders errors as the page shows them and focuses the first', () => {
    page(`
      <input id="case-detected_at">
      <input id="case-place">
      <div><input id="case-goods-0-quantity"></div>`);
    expect(inPageOrder('case', ['goods.0.quantity', 'nowhere', 'place', 'detected_at'])).toEqual([
      'detected_at',
      'place',
      'goods.0.quantity',
      'nowhere',
    ]);
    expect(focusFirstError('case', ['goods.0.quantity', 'place'])).toBe(true);
    expect(document.activeElement?.id).toBe('case-place');
    expect(focusFirstError('case', ['nowhere'])).toBe(false);
  });

  it('makes a message focusable when that is what shows the error', () => {
    page(`<p id="case-goods">A seizure needs at least one goods item.</p><input id="case-place">`);
    focusField('case', 'goods');
    expect(document.activeElement?.id).toBe('case-goods');
    expect(document.getElementById('case-goods')?.getAttribute('tabindex')).toBe('-1');
    focusField('case', 'place');
    expect(document.activeElement?.id).toBe('case-place');
    expect(document.getElementById('case-place')?.hasAttribute('tabindex')).toBe(false);
  });
});

describe('putFirst', () => {
  const opts = [{ value: 'AED' }, { value: 'EUR' }, { value: 'USD' }];
  it('moves the national option to the top and keeps the others in order', () => {
    expect(putFirst(opts, 'USD').map((o) => o.value)).toEqual(['USD', 'AED', 'EUR']);
    expect(putFirst(opts, 'AED').map((o) => o.value)).toEqual(['AED', 'EUR', 'USD']);
  });
  it('changes nothing for an unknown or missing value', () => {
    expect(putFirst(opts, 'XXX')).toEqual(opts);
    expect(putFirst(opts, null)).toEqual(opts);
  });
});
