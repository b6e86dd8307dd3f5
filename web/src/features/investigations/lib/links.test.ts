import { describe, expect, it } from 'vitest';
import { link } from '../test/fixtures';
import { defaultRole, groupLinks, linkPath, prefillLinks, roleFits } from './links';

const A = '0190a5e2-7c1b-7d3e-8f00-00000000000a';
const B = '0190a5e2-7c1b-7d3e-8f00-00000000000b';

describe('links an investigation is opened from', () => {
  it('takes each kind from its parameter with its default role', () => {
    const params = new URLSearchParams(`case_id=${A}&person_id=${B}&company_id=${A}&conveyance_id=${B}&alert_id=${A}&hit_id=${B}`);
    expect(prefillLinks(params)).toEqual([
      { target_kind: 'case', target_id: A, role: 'origin' },
      { target_kind: 'person', target_id: B, role: 'suspect' },
      { target_kind: 'company', target_id: A, role: 'suspect' },
      { target_kind: 'conveyance', target_id: B, role: 'used' },
      { target_kind: 'alert', target_id: A, role: 'origin' },
      { target_kind: 'alert_hit', target_id: B, role: 'origin' },
    ]);
  });

  it('takes repeated and comma-separated ids once each, and leaves out what is not an id', () => {
    const params = new URLSearchParams(`person_id=${A}&person_id=${B.toUpperCase()},${A}&case_id=nope&person_id=`);
    expect(prefillLinks(params).map((l) => l.target_id)).toEqual([A, B]);
    expect(prefillLinks(new URLSearchParams('case_id=1;DROP'))).toEqual([]);
  });
});

describe('link helpers', () => {
  it('points each kind at its page', () => {
    expect(linkPath('case', 'x')).toBe('/seizures/x');
    expect(linkPath('person', 'x')).toBe('/registers/persons/x');
    expect(linkPath('company', 'x')).toBe('/registers/companies/x');
    expect(linkPath('conveyance', 'x')).toBe('/registers/conveyances/x');
    expect(linkPath('alert', 'x')).toBe('/alerts/x');
    expect(linkPath('alert_hit', 'x')).toBe('/alerts/hits/x');
    expect(linkPath('investigation', 'x')).toBe('/investigations/x');
  });

  it('knows each kind’s roles', () => {
    expect(defaultRole('conveyance')).toBe('used');
    expect(defaultRole('investigation')).toBe('related');
    expect(roleFits('company', 'front')).toBe(true);
    expect(roleFits('person', 'front')).toBe(false);
  });

  it('groups by kind in the kinds’ order, keeping each group’s order', () => {
    const groups = groupLinks([link('1'), link('2', { target_kind: 'case', role: 'origin' }), link('3')]);
    expect(groups.map((g) => [g.kind, g.links.map((l) => l.id)])).toEqual([
      ['case', ['2']],
      ['person', ['1', '3']],
    ]);
    expect(groupLinks([])).toEqual([]);
  });
});
