/**
 * The world the routes map is drawn on: Natural Earth's country shapes at 1:50 million
 * (`world-atlas`, public domain), shipped with the app as a file of its own, hashed like
 * every asset, and read from this server when the map opens: nothing is loaded from the
 * internet (deployments are on closed networks), and the sign-in route does not carry it.
 * The 1:50 million scale still has the small countries that matter on routes (Singapore,
 * Malta, Hong Kong, Cabo Verde), which the 1:110 million one leaves out.
 */
import { useQuery } from '@tanstack/react-query';
import type { MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlasUrl from 'world-atlas/countries-50m.json?url';
import type { CountryFeature } from './geo';

export interface Atlas {
  /** every country's shape, keyed by its ISO 3166 numeric code (`id`: "250") */
  countries: CountryFeature[];
  /** the borders between countries, drawn once each */
  borders: MultiLineString;
}

type World = Topology<{ countries: GeometryCollection<{ name?: string }> }>;

/** The countries and borders of a world-atlas topology. */
export function atlasOf(world: World): Atlas {
  const countries = feature(world, world.objects.countries).features as CountryFeature[];
  return { countries, borders: mesh(world, world.objects.countries, (a, b) => a !== b) };
}

async function loadAtlas(signal: AbortSignal): Promise<Atlas> {
  const res = await fetch(atlasUrl, { signal });
  if (!res.ok) throw new Error(`map data: HTTP ${res.status}`);
  return atlasOf((await res.json()) as World);
}

/** The atlas, read once per session (it never changes while the app runs). */
export function useAtlas() {
  return useQuery({
    queryKey: ['statistics', 'atlas', atlasUrl],
    queryFn: ({ signal }) => loadAtlas(signal),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}
