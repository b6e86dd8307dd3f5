/**
 * The routes map's arithmetic, apart from drawing and from the shapes of the countries
 * (./geo.ts): the statistics rows read as route segments (`EC>ES`) and places of seizure
 * (`43.30,5.37`), the scales of line widths and circle sizes, the part of the world the map
 * opens on and its zoom, the curved lines. Everything here is pure, and without d3: the
 * statistics page (which names places) does not load the map's libraries.
 */
import type { Position } from 'geojson';
import type { StatsRow } from '@/api/types';

/** The map's plane: the whole world in Natural Earth's projection, 960 × 500. */
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 500;
/** Line widths and circle radii, in pixels of a map 960 pixels wide. */
export const SEGMENT_WIDTH: readonly [number, number] = [1.5, 14];
export const PLACE_RADIUS: readonly [number, number] = [3, 16];

/** What the map's lines and circles are sized by. */
export const MAP_MEASURES = ['cases', 'kg'] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];

export interface Counted {
  /** the row's key, as the API gives it */
  key: string;
  cases: number;
  kg: number;
}

/** Cases going from one country to the next on their route (ISO 3166 alpha-2 codes). */
export interface Segment extends Counted {
  from: string;
  to: string;
}

/** Cases seized at one place (rounded to 0.01° by the server). */
export interface Place extends Counted {
  lat: number;
  lon: number;
}

const COUNTRY_PAIR = /^([A-Z]{2})>([A-Z]{2})$/;

/** A `route_segment` key as its two countries; null for an empty or malformed key, or a country to itself. */
export function parseSegment(key: string): { from: string; to: string } | null {
  const m = COUNTRY_PAIR.exec(key.trim());
  if (!m || m[1] === m[2]) return null;
  return { from: m[1]!, to: m[2]! };
}

/** A `place` key (`latitude,longitude`) as numbers; null when empty or not a place on Earth. */
export function parsePlace(key: string): { lat: number; lon: number } | null {
  const parts = key.split(',');
  if (parts.length !== 2) return null;
  const [lat, lon] = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (lat === undefined || lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { lat, lon };
}

export const measureOf = (c: { cases: number; kg: number }, measure: MapMeasure) => (measure === 'kg' ? c.kg : c.cases);

/** Largest first by the measure, then by cases, then by key (a stable order for equal figures). */
export function byMeasure<T extends Counted>(measure: MapMeasure) {
  return (a: T, b: T) => measureOf(b, measure) - measureOf(a, measure) || b.cases - a.cases || a.key.localeCompare(b.key);
}

/**
 * The rows of the `route_segment` grouping as segments (rows of the same pair of countries
 * added up), largest first; `none` the cases with no segment (a route within one country or
 * not recorded: the empty key) and `unreadable` the rows whose key is not a pair of countries.
 */
export function segmentsFrom(rows: readonly StatsRow[], measure: MapMeasure) {
  const byKey = new Map<string, Segment>();
  let none = 0;
  let unreadable = 0;
  for (const r of rows) {
    const key = r.keys[0] ?? '';
    if (key === '') {
      none += r.cases;
      continue;
    }
    const pair = parseSegment(key);
    if (!pair) {
      unreadable += 1;
      continue;
    }
    const id = `${pair.from}>${pair.to}`;
    const seen = byKey.get(id);
    if (seen) {
      seen.cases += r.cases;
      seen.kg += r.kg;
    } else byKey.set(id, { key: id, ...pair, cases: r.cases, kg: r.kg });
  }
  return { segments: [...byKey.values()].sort(byMeasure(measure)), none, unreadable };
}

/** The rows of the `place` grouping as places, largest first; `unrecorded` the cases without a place. */
export function placesFrom(rows: readonly StatsRow[], measure: MapMeasure) {
  const places: Place[] = [];
  let unrecorded = 0;
  for (const r of rows) {
    const key = r.keys[0] ?? '';
    const at = key === '' ? null : parsePlace(key);
    if (!at) {
      unrecorded += r.cases;
      continue;
    }
    places.push({ key, ...at, cases: r.cases, kg: r.kg });
  }
  return { places: places.sort(byMeasure(measure)), unrecorded };
}

/**
 * A square-root scale from 0…`max` onto `min`…`top` (a line's width, a circle's radius), so
 * that the ink grows with the figure rather than with its square. 0 and less give `min`; more
 * than `max` gives `top`.
 */
export function sqrtScale(max: number, [min, top]: readonly [number, number]) {
  return (v: number) => {
    if (!(max > 0) || !(v > 0)) return min;
    return min + (top - min) * Math.sqrt(Math.min(v, max) / max);
  };
}

/** A round figure at most `v` (1, 2, 5 × 10ⁿ), for the legend. */
function roundDown(v: number): number {
  if (v < 1) return v;
  const p = 10 ** Math.floor(Math.log10(v));
  const m = v / p;
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}

/** The figures the legend shows a width for: the largest, and round quarters and sixteenths of it. */
export function legendValues(max: number): number[] {
  if (!(max > 0)) return [];
  const values = [max, roundDown(max / 4), roundDown(max / 16)].filter((v) => v > 0 && (max < 1 || v >= 1));
  return [...new Set(values)].sort((a, b) => b - a);
}

/** A rectangle of the map's plane (the SVG's `viewBox`). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The part of the plane (`width` × `height`) that shows `points` with a margin, of the plane's
 * proportions, at least `minWidth` wide; the whole plane when there are no points.
 */
export function boxAround(points: readonly (readonly [number, number])[], width: number, height: number, minWidth = width / 6): Box {
  const whole = { x: 0, y: 0, w: width, h: height };
  if (points.length === 0) return whole;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const ratio = width / height;
  let w = Math.max((x1 - x0) * 1.3, minWidth);
  let h = Math.max((y1 - y0) * 1.3, minWidth / ratio);
  if (w / h > ratio) h = w / ratio;
  else w = h * ratio;
  if (w >= width) return whole;
  return clampBox({ x: (x0 + x1) / 2 - w / 2, y: (y0 + y1) / 2 - h / 2, w, h }, width, height);
}

/** The box kept within the plane (a box larger than the plane is the plane). */
export function clampBox(box: Box, width: number, height: number): Box {
  if (box.w >= width || box.h >= height) return { x: 0, y: 0, w: width, h: height };
  return { ...box, x: Math.min(Math.max(box.x, 0), width - box.w), y: Math.min(Math.max(box.y, 0), height - box.h) };
}

/** The box zoomed by `factor` (2: twice as close) around `at` (its centre by default). */
export function zoomBox(box: Box, factor: number, width: number, height: number, at?: readonly [number, number], minWidth = width / 64): Box {
  const w = Math.min(Math.max(box.w / factor, minWidth), width);
  const h = (w * box.h) / box.w;
  const [cx, cy] = at ?? [box.x + box.w / 2, box.y + box.h / 2];
  // the point under `at` stays where it is
  const x = cx - ((cx - box.x) * w) / box.w;
  const y = cy - ((cy - box.y) * h) / box.h;
  return clampBox({ x, y, w, h }, width, height);
}

/**
 * A curved line from `a` to `b` (points of the plane): a quadratic curve bent to the left of
 * its direction, so that the two directions between two countries are two lines. Gives the
 * SVG path, and the curve's middle and direction there (for the arrowhead).
 */
export function curve(a: Position, b: Position, bend = 0.2) {
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const [dx, dy] = [bx - ax, by - ay];
  // the left normal on screen (y grows downwards): (dy, -dx)
  const [cx, cy] = [(ax + bx) / 2 + dy * bend, (ay + by) / 2 - dx * bend];
  const mid: [number, number] = [0.25 * ax + 0.5 * cx + 0.25 * bx, 0.25 * ay + 0.5 * cy + 0.25 * by];
  const r = (n: number) => Math.round(n * 100) / 100;
  return { d: `M${r(ax)},${r(ay)}Q${r(cx)},${r(cy)} ${r(bx)},${r(by)}`, mid, angle: Math.atan2(dy, dx) };
}

/** A triangle pointing at `angle` (radians), centred on `at`, `size` long: the SVG `points`. */
export function arrowHead(at: readonly [number, number], angle: number, size: number): string {
  const [x, y] = at;
  const [c, s] = [Math.cos(angle), Math.sin(angle)];
  const pt = (along: number, across: number) => `${Math.round((x + along * c - across * s) * 100) / 100},${Math.round((y + along * s + across * c) * 100) / 100}`;
  return [pt(size / 2, 0), pt(-size / 2, size * 0.45), pt(-size / 2, -size * 0.45)].join(' ');
}
