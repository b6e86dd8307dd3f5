import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  PRESETS,
  controlFields,
  isPreset,
  mapControlFields,
  mapQuery,
  mapView,
  otherFilters,
  statsQuery,
  viewFromParams,
  viewToParams,
  withGrouping,
  withPreset,
  type StatsView,
} from './view';

const view = (over: Partial<StatsView> = {}): StatsView => ({ ...DEFAULT_VIEW, ...over });
const preset = (id: string) => PRESETS.find((p) => p.id === id)!;

describe('the statistics view in the address', () => {
  it('reads an empty address as the default view, and writes the default view as an empty address', () => {
    expect(viewFromParams(new URLSearchParams())).toEqual(DEFAULT_VIEW);
    expect(viewToParams(DEFAULT_VIEW).toString()).toBe('');
  });

  it('writes every choice and reads it back the same', () => {
    const full = view({
      group: ['period', 'commodity_group'],
      period: 'week',
      from: '2025-01-01',
      to: '2025-06-30',
      status: 'validated',
      compare: true,
      measure: 'kg',
      filters: { detection_method: 'xray', origin_country: 'CO', route: 'CO>FR', q: 'cocaine' },
    });
    const params = viewToParams(full);
    expect(params.toString()).toBe(
      'group=period%2Ccommodity_group&period=week&from=2025-01-01&to=2025-06-30&status=validated&compare=true&detection_method=xray&origin_country=CO&route=CO%3EFR&q=cocaine&measure=kg',
    );
    expect(viewFromParams(new URLSearchParams(params.toString()))).toEqual(full);
    // a pie, for one grouping
    const pie = view({ group: ['detection_method'], chart: 'pie', measure: 'value' });
    expect(viewFromParams(viewToParams(pie))).toEqual(pie);
  });

  it('leaves the period out when nothing is grouped by period', () => {
    expect(viewToParams(view({ group: ['route'], period: 'week' })).toString()).toBe('group=route');
    expect(statsQuery(view({ group: ['route'], period: 'week' }))).toEqual({ group: 'route' });
  });

  it('ignores values it does not know, but keeps the groupings for the server to judge', () => {
    const v = viewFromParams(new URLSearchParams('group=route,nonsense&period=fortnight&status=draft&measure=weight&chart=donut&compare=yes&colour=red'));
    expect(v).toEqual(view({ group: ['route', 'nonsense'] }));
    expect(statsQuery(v).group).toBe('route,nonsense');
  });

  it('asks the API with its own parameter names, and only for dates it can read', () => {
    const v = view({ group: ['period'], period: 'quarter', from: '2025-01-01', to: '2025-1', compare: true, filters: { unit_id: 'u1', company_id: 'c1' } });
    expect(statsQuery(v)).toEqual({ group: 'period', period: 'quarter', from: '2025-01-01', compare: true, unit_id: 'u1', company_id: 'c1' });
  });

  it('sets a grouping, never the same twice, and a pie only for one', () => {
    const two = view({ group: ['period', 'commodity_group'] });
    expect(withGrouping(two, 0, 'commodity_group').group).toEqual(['commodity_group']);
    expect(withGrouping(two, 0, 'route').group).toEqual(['route', 'commodity_group']);
    expect(withGrouping(two, 1, null).group).toEqual(['period']);
    expect(withGrouping(two, 1, 'period').group).toEqual(['period']);
    const pie = view({ group: ['route'], chart: 'pie' });
    expect(withGrouping(pie, 1, 'commodity_group')).toMatchObject({ group: ['route', 'commodity_group'], chart: 'bar' });
  });

  it('applies a preset to its groupings and period, keeping the range, status, comparison and filters', () => {
    const v = view({ group: ['route'], period: 'year', from: '2025-01-01', status: 'validated', compare: true, chart: 'pie', filters: { commodity_group: 'drugs' } });
    const trends = withPreset(v, preset('commodityTrends'));
    expect(trends).toEqual({ ...v, group: ['period', 'commodity_group'], period: 'month', chart: 'bar' });
    expect(isPreset(trends, preset('commodityTrends'))).toBe(true);
    expect(isPreset(trends, preset('topRoutes'))).toBe(false);
    expect(isPreset({ ...trends, period: 'week' }, preset('commodityTrends'))).toBe(false);
    expect(viewToParams(withPreset(DEFAULT_VIEW, preset('concealmentByCommodity'))).toString()).toBe('group=concealment_method%2Ccommodity_group');
  });

  it('names the filters set without a picker, and the fields its controls show', () => {
    expect(otherFilters(view({ filters: { commodity_group: 'drugs', company_id: 'c1', q: 'x' } }))).toEqual(['company_id', 'q']);
    expect(controlFields(view({ group: ['route'] })).has('period')).toBe(false);
    expect(controlFields(view()).has('period')).toBe(true);
    expect(controlFields(view()).has('origin_country')).toBe(true);
    expect(controlFields(view()).has('q')).toBe(false);
  });

  it('shares the range, status, filters and measure with the routes map, nothing else', () => {
    const v = view({ group: ['route'], period: 'week', from: '2025-01-01', to: '2025-06-30', status: 'validated', compare: true, chart: 'pie', measure: 'kg', filters: { commodity_group: 'drugs' } });
    expect(viewToParams(mapView(v)).toString()).toBe('from=2025-01-01&to=2025-06-30&status=validated&commodity_group=drugs&measure=kg');
    // the value is not a measure of the map
    expect(mapView(view({ measure: 'value' })).measure).toBe('cases');
    expect(mapQuery(v, 'route_segment')).toEqual({ group: 'route_segment', from: '2025-01-01', to: '2025-06-30', status: 'validated', commodity_group: 'drugs' });
    expect(mapQuery(view(), 'place')).toEqual({ group: 'place' });
    expect(mapControlFields().has('from')).toBe(true);
    expect(mapControlFields().has('group')).toBe(false);
  });
});
