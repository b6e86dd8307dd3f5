import { describe, expect, it } from 'vitest';
import world from 'world-atlas/countries-50m.json?raw';
import type { StatsRow } from '@/api/types';
import { atlasOf } from './atlas';
import { countryAnchor, countryLocator, mainPolygon, numericOf } from './geo';
import { arrowHead, boxAround, clampBox, curve, legendValues, parsePlace, parseSegment, placesFrom, segmentsFrom, sqrtScale, zoomBox } from './mapData';

const row = (key: string, cases: number, kg = 0): StatsRow => ({ keys: [key], cases, lines: cases, kg, value: 0, unconverted_lines: 0, quantities: [] });
const atlas = atlasOf(JSON.parse(world));
const byId = (id: string) => atlas.countries.find((c) => c.id === id)!;
const entry = (code: string, numeric: string | undefined) => ({ code, attributes: numeric === undefined ? {} : { alpha3: 'XXX', numeric } });

describe('reading the rows of the map', () => {
  it('reads a segment as two countries, and nothing else', () => {
    expect(parseSegment('EC>ES')).toEqual({ from: 'EC', to: 'ES' });
    expect(parseSegment(' BR>PT ')).toEqual({ from: 'BR', to: 'PT' });
    for (const bad of ['', '>', 'EC>', '>ES', 'EC>EC', 'ec>es', 'ECU>ESP', 'EC-ES', 'EC>ES>FR']) expect(parseSegment(bad), bad).toBeNull();
  });

  it('reads a place as latitude and longitude, on Earth only', () => {
    expect(parsePlace('43.30,5.37')).toEqual({ lat: 43.3, lon: 5.37 });
    expect(parsePlace('-0.95,-80.73')).toEqual({ lat: -0.95, lon: -80.73 });
    expect(parsePlace('0.00,0.00')).toEqual({ lat: 0, lon: 0 });
    for (const bad of ['', ',', '43.30', '43.30,', ',5.37', '91,0', '0,181', 'a,b', '1,2,3']) expect(parsePlace(bad), bad).toBeNull();
  });

  it('makes segments of the rows, largest first by the measure, and counts the cases without one', () => {
    const rows = [row('', 7), row('ES>FR', 3, 40), row('EC>ES', 5, 12.5), row('CO>ES', 5, 2), row('junk', 1), row('EC>ES', 1, 1)];
    const byCases = segmentsFrom(rows, 'cases');
    // the two EC>ES rows added up; equal cases ordered by key
    expect(byCases.segments.map((s) => [s.key, s.cases, s.kg])).toEqual([
      ['EC>ES', 6, 13.5],
      ['CO>ES', 5, 2],
      ['ES>FR', 3, 40],
    ]);
    expect(byCases.segments[0]).toMatchObject({ from: 'EC', to: 'ES' });
    expect(byCases.none).toBe(7);
    expect(byCases.unreadable).toBe(1);
    expect(segmentsFrom(rows, 'kg').segments.map((s) => s.key)).toEqual(['ES>FR', 'EC>ES', 'CO>ES']);
    expect(segmentsFrom([], 'cases')).toEqual({ segments: [], none: 0, unreadable: 0 });
  });

  it('makes places of the rows, and counts the cases without one', () => {
    const { places, unrecorded } = placesFrom([row('', 4), row('43.30,5.37', 2, 30), row('51.95,4.14', 9, 1), row('nonsense', 1)], 'cases');
    expect(places.map((p) => [p.key, p.lat, p.lon, p.cases])).toEqual([
      ['51.95,4.14', 51.95, 4.14, 9],
      ['43.30,5.37', 43.3, 5.37, 2],
    ]);
    expect(unrecorded).toBe(5);
    expect(placesFrom([row('43.30,5.37', 2, 30), row('51.95,4.14', 9, 1)], 'kg').places[0]!.key).toBe('43.30,5.37');
  });
});

describe('scales', () => {
  it('widens lines with the square root of the figure, within bounds', () => {
    const width = sqrtScale(100, [2, 12]);
    expect(width(100)).toBe(12);
    expect(width(25)).toBe(7); // half the root: half the way
    expect(width(0)).toBe(2);
    expect(width(-3)).toBe(2);
    expect(width(400)).toBe(12);
    expect(sqrtScale(0, [2, 12])(5)).toBe(2);
    // monotonic
    const ws = [1, 2, 5, 10, 50].map(width);
    expect([...ws].sort((a, b) => a - b)).toEqual(ws);
  });

  it('gives the legend the largest figure and round fractions of it', () => {
    expect(legendValues(120)).toEqual([120, 20, 5]);
    expect(legendValues(4)).toEqual([4, 1]);
    expect(legendValues(1)).toEqual([1]);
    expect(legendValues(0)).toEqual([]);
    expect(legendValues(0.5)).toEqual([0.5, 0.125, 0.03125]);
  });
});

describe('where a country’s lines start', () => {
  it('takes the main land of a country with overseas parts', () => {
    const france = byId('250');
    expect(france.geometry.type).toBe('MultiPolygon');
    const [lon, lat] = countryAnchor(france.geometry)!;
    expect(lon).toBeGreaterThan(-1);
    expect(lon).toBeLessThan(6);
    expect(lat).toBeGreaterThan(44);
    expect(lat).toBeLessThan(49);
    // the United States without Alaska and Hawaii, Norway without Svalbard
    const [usLon, usLat] = countryAnchor(byId('840').geometry)!;
    expect(usLon).toBeGreaterThan(-105);
    expect(usLon).toBeLessThan(-90);
    expect(usLat).toBeGreaterThan(35);
    expect(usLat).toBeLessThan(42);
    const [, noLat] = countryAnchor(byId('578').geometry)!;
    expect(noLat).toBeLessThan(70);
  });

  it('keeps a single polygon as it is, and has no anchor without a shape', () => {
    const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [0, 2], [2, 2], [2, 0], [0, 0]]] };
    expect(mainPolygon(square)).toBe(square);
    const [lon, lat] = countryAnchor(square)!;
    expect(lon).toBeCloseTo(1, 1);
    expect(lat).toBeCloseTo(1, 1);
    expect(countryAnchor(null)).toBeNull();
    expect(countryAnchor({ type: 'Point', coordinates: [0, 0] })).toBeNull();
  });

  it('finds countries by the numeric code of the code list, small ones on routes included', () => {
    expect(numericOf(entry('FR', '250'))).toBe('250');
    expect(numericOf(entry('AF', '4'))).toBe('004');
    expect(numericOf(entry('XX', undefined))).toBeNull();
    expect(numericOf({ attributes: null })).toBeNull();
    const locate = countryLocator(atlas.countries, [entry('EC', '218'), entry('ES', '724'), entry('SG', '702'), entry('MT', '470'), entry('GP', '312'), entry('XX', undefined)]);
    expect(locate('EC')?.feature.properties.name).toBe('Ecuador');
    const [lon, lat] = locate('ES')!.anchor;
    // mainland Spain, not the Canary Islands
    expect(lon).toBeGreaterThan(-6);
    expect(lat).toBeGreaterThan(38);
    expect(locate('SG')).not.toBeNull();
    expect(locate('MT')).not.toBeNull();
    // Guadeloupe is drawn with France: no shape of its own
    expect(locate('GP')).toBeNull();
    expect(locate('XX')).toBeNull();
    expect(locate('ZZ')).toBeNull();
    expect(atlas.borders.type).toBe('MultiLineString');
  });
});

describe('the view of the map', () => {
  it('opens on the points with a margin, in the map’s proportions', () => {
    const box = boxAround(
      [
        [100, 100],
        [300, 200],
      ],
      960,
      500,
    );
    expect(box.w / box.h).toBeCloseTo(960 / 500);
    expect(box.x).toBeLessThan(100);
    expect(box.x + box.w).toBeGreaterThan(300);
    expect(box.y).toBeLessThan(100);
    expect(box.y + box.h).toBeGreaterThan(200);
    // nothing to show: the world; one point: a region around it
    expect(boxAround([], 960, 500)).toEqual({ x: 0, y: 0, w: 960, h: 500 });
    const one = boxAround([[480, 250]], 960, 500);
    expect(one.w).toBeCloseTo(160);
    expect(one.x + one.w / 2).toBeCloseTo(480);
    // points over the whole world: the world
    expect(boxAround([[0, 0], [960, 500]], 960, 500)).toEqual({ x: 0, y: 0, w: 960, h: 500 });
  });

  it('zooms around a point and stays within the world', () => {
    const world = { x: 0, y: 0, w: 960, h: 500 };
    const closer = zoomBox(world, 2, 960, 500);
    expect(closer).toEqual({ x: 240, y: 125, w: 480, h: 250 });
    expect(zoomBox(closer, 0.5, 960, 500)).toEqual(world);
    expect(zoomBox(world, 0.5, 960, 500)).toEqual(world);
    // the point under the pointer stays put
    const at = [100, 100] as const;
    const z = zoomBox(world, 2, 960, 500, at);
    expect((at[0] - z.x) / z.w).toBeCloseTo(at[0] / 960);
    // never closer than a 64th of the world
    expect(zoomBox(world, 1000, 960, 500).w).toBeCloseTo(15);
    expect(clampBox({ x: -50, y: 470, w: 100, h: 52 }, 960, 500)).toEqual({ x: 0, y: 448, w: 100, h: 52 });
  });

  it('bends a line to the left of its direction, the arrow in its middle pointing onwards', () => {
    const east = curve([0, 100], [100, 100]);
    expect(east.d).toBe('M0,100Q50,80 100,100');
    expect(east.mid).toEqual([50, 90]); // above the straight line: left when going east
    expect(east.angle).toBe(0);
    const west = curve([100, 100], [0, 100]);
    expect(west.mid[1]).toBeGreaterThan(100); // the way back is the other line
    expect(west.angle).toBeCloseTo(Math.PI);
    expect(arrowHead([50, 90], 0, 10)).toBe('55,90 45,94.5 45,85.5');
  });
});
