import { describe, expect, it } from 'vitest';
import { activeFilterCount, EMPTY_FILTERS, filtersFromParams, filtersToParams, filtersToQuery } from './filters';

describe('investigation list filters', () => {
  it('reads the address, ignoring what it does not know', () => {
    const f = filtersFromParams(new URLSearchParams('status=in_progress&priority=high&overdue=1&mine=lead&q=%20cocaine%20&junk=1'));
    expect(f).toEqual({ status: 'in_progress', priority: 'high', overdue: true, mine: 'lead', q: 'cocaine' });
    expect(filtersFromParams(new URLSearchParams('status=lost&mine=all&priority=%3Cscript%3E'))).toEqual(EMPTY_FILTERS);
  });

  it('writes back only what is set, and round-trips', () => {
    const f = { ...EMPTY_FILTERS, status: 'closed' as const, overdue: true, q: ' x ' };
    expect(filtersToParams(f).toString()).toBe('status=closed&overdue=1&q=x');
    expect(filtersFromParams(filtersToParams(f))).toEqual({ ...f, q: 'x' });
    expect(filtersToParams(EMPTY_FILTERS).toString()).toBe('');
  });

  it('maps "mine" to the lead or member id of the user, once known', () => {
    expect(filtersToQuery({ ...EMPTY_FILTERS, mine: 'lead' }, 'u1')).toEqual({ lead_id: 'u1' });
    expect(filtersToQuery({ ...EMPTY_FILTERS, mine: 'member' }, 'u1')).toEqual({ member_id: 'u1' });
    expect(filtersToQuery({ ...EMPTY_FILTERS, mine: 'member' }, undefined)).toEqual({});
    expect(filtersToQuery({ status: 'opened', priority: 'low', overdue: true, mine: null, q: 'a' })).toEqual({ status: 'opened', priority: 'low', overdue: true, q: 'a' });
  });

  it('counts the active filters', () => {
    expect(activeFilterCount(EMPTY_FILTERS)).toBe(0);
    expect(activeFilterCount({ status: 'opened', priority: 'low', overdue: true, mine: 'lead', q: 'a' })).toBe(5);
  });
});
