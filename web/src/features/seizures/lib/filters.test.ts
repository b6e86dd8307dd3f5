import { describe, expect, it } from 'vitest';
import { activeFilterCount, filtersFromParams, filtersToParams, filtersToQuery } from './filters';

describe('seizure list filters in the URL', () => {
  it('round-trips through the query string, leaving empty filters out', () => {
    const params = filtersToParams({ q: ' cocaine ', route_country: 'CO', commodity_group: 'drugs', status: '' });
    expect(params.toString()).toBe('q=cocaine&commodity_group=drugs&route_country=CO');
    const values = filtersFromParams(params);
    expect(values).toMatchObject({ q: 'cocaine', route_country: 'CO', commodity_group: 'drugs', status: '' });
    expect(activeFilterCount(values)).toBe(3);
  });

  it('turns dates into a half-open range over whole days', () => {
    const q = filtersToQuery(filtersFromParams(new URLSearchParams('from=2026-03-01&to=2026-03-31&order=asc')));
    expect(q.from).toBe(new Date('2026-03-01T00:00:00').toISOString());
    expect(q.to).toBe(new Date('2026-04-01T00:00:00').toISOString());
    expect(q.order).toBe('asc');
    expect(q.kind).toBeUndefined();
  });
});
