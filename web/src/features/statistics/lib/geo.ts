/**
 * Where a country's lines start and end on the routes map: the countries of the atlas found by
 * the ISO 3166 numeric code the `countries` code list gives each alpha-2 code, and the centroid
 * of each one's main land (d3-geo, on the sphere).
 */
import { geoArea, geoCentroid } from 'd3-geo';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';

/** The polygon of largest area of a country's shape (France's mainland, not French Guiana). */
export function mainPolygon(geometry: Polygon | MultiPolygon): Polygon {
  if (geometry.type === 'Polygon') return geometry;
  let best: Polygon = { type: 'Polygon', coordinates: geometry.coordinates[0] ?? [] };
  let bestArea = -1;
  for (const coordinates of geometry.coordinates) {
    const polygon: Polygon = { type: 'Polygon', coordinates };
    const area = geoArea(polygon);
    if (area > bestArea) {
      best = polygon;
      bestArea = area;
    }
  }
  return best;
}

/**
 * Where a country's lines start and end, `[longitude, latitude]`: the centroid of its main
 * land, so that overseas parts (France's, Norway's, the United States') do not pull it into
 * the sea. Null for a shape that is not a polygon.
 */
export function countryAnchor(geometry: Geometry | null): [number, number] | null {
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) return null;
  const [lon, lat] = geoCentroid(mainPolygon(geometry));
  return Number.isFinite(lon) && Number.isFinite(lat) ? [lon, lat] : null;
}

export type CountryFeature = Feature<Polygon | MultiPolygon, { name?: string }> & { id?: string | number };

/** The ISO 3166 numeric code of a `countries` code-list entry (its `numeric` attribute: "250"). */
export function numericOf(entry: { attributes?: unknown }): string | null {
  const n = (entry.attributes as Record<string, unknown> | null | undefined)?.numeric;
  return typeof n === 'string' && /^\d{1,3}$/.test(n) ? n.padStart(3, '0') : typeof n === 'number' ? String(n).padStart(3, '0') : null;
}

export interface Country {
  feature: CountryFeature;
  anchor: [number, number];
}

/**
 * Finds a country of the atlas by its alpha-2 code: the code list gives its numeric code, the
 * atlas's shapes are keyed by it. Null for a country the atlas has no shape of (a small
 * territory drawn with a larger country, a code the list lacks).
 */
export function countryLocator(features: readonly CountryFeature[], entries: readonly { code: string; attributes?: unknown }[]) {
  const byNumeric = new Map<string, CountryFeature>();
  for (const f of features) if (f.id !== undefined && f.id !== null) byNumeric.set(String(f.id).padStart(3, '0'), f);
  const found = new Map<string, Country | null>();
  for (const e of entries) {
    const numeric = numericOf(e);
    const feature = numeric ? byNumeric.get(numeric) : undefined;
    const anchor = feature ? countryAnchor(feature.geometry) : null;
    found.set(e.code, feature && anchor ? { feature, anchor } : null);
  }
  return (code: string): Country | null => found.get(code) ?? null;
}
