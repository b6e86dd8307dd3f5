import { describe, expect, it } from 'vitest';
import { searchEntries, searchOfQuery, searchToListParams, seizureListPath } from '@/lib/seizureSearch';
import { filtersFromParams, filtersToParams, filtersToQuery } from './filters';

/** The list's address → the saved search it gives, as "Save this search" posts it. */
const searchOf = (qs: string) => searchOfQuery(filtersToQuery(filtersFromParams(new URLSearchParams(qs))));

describe('the seizure list’s filters as a saved search', () => {
  it('keeps the filters and the text, and leaves out the order and empty filters', () => {
    expect(searchOf('q=%20Havre%20&commodity_group=drugs&commodity_type=cocaine&status=submitted&order=asc&kind=')).toEqual({
      q: 'Havre',
      commodity_group: 'drugs',
      commodity_type: 'cocaine',
      status: 'submitted',
    });
  });

  it('keeps every filter the list has, the register records included', () => {
    const all =
      'q=x&from=2026-03-01&to=2026-03-31&kind=seizure&status=validated&unit_id=u1&commodity_group=drugs&commodity_type=cocaine' +
      '&detection_method=xray&concealment_method=container&location_type=seaport&direction=import&route_country=CO' +
      '&conveyance_type=vessel&person_id=p1&company_id=c1&conveyance_id=v1';
    const search = searchOf(all);
    expect(Object.keys(search)).toHaveLength(17);
    expect(search).not.toHaveProperty('order');
    // dates as the list asks the server: the start of the first day, the start of the day after the last
    expect(search.from).toBe(new Date('2026-03-01T00:00:00').toISOString());
    expect(search.to).toBe(new Date('2026-04-01T00:00:00').toISOString());
    expect(search.person_id).toBe('p1');
  });

  it('is empty for the unfiltered list (only sorted)', () => {
    expect(searchOf('order=asc')).toEqual({});
    expect(searchEntries({})).toEqual([]);
  });
});

describe('a saved search back in the seizure list', () => {
  it('gives the list the same address it was saved from', () => {
    const qs = 'q=Havre&from=2026-03-01&to=2026-03-31&status=submitted&commodity_group=drugs&commodity_type=cocaine&route_country=CO&person_id=p1';
    const search = searchOf(qs);
    expect(searchToListParams(search).toString()).toBe(filtersToParams(filtersFromParams(new URLSearchParams(qs))).toString());
    expect(seizureListPath(search)).toBe(`/seizures?${filtersToParams(filtersFromParams(new URLSearchParams(qs)))}`);
  });

  it('covers instants saved through the API with the days they fall in', () => {
    const from = new Date('2026-05-10T15:30:00').toISOString();
    const to = new Date('2026-05-20T09:00:00').toISOString();
    expect(searchToListParams({ from, to }).toString()).toBe('from=2026-05-10&to=2026-05-20');
    // `to` excluded: midnight is the end of the day before
    expect(searchToListParams({ to: new Date('2026-05-21T00:00:00').toISOString() }).toString()).toBe('to=2026-05-20');
  });

  it('opens the whole list for a search without filters, and lists the fields in the list’s order', () => {
    expect(seizureListPath({})).toBe('/seizures');
    expect(searchEntries({ route_country: 'CO', q: 'x', status: null, commodity_type: '' })).toEqual([
      ['q', 'x'],
      ['route_country', 'CO'],
    ]);
  });
});
