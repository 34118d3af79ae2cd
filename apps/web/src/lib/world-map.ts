import { geoEqualEarth, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import isoCodes from "i18n-iso-countries/codes.json";
import { feature } from "topojson-client";
import atlas from "world-atlas/countries-110m.json";

export interface MapCountry {
  /** ISO 3166-1 numeric code, as world-atlas names its features. */
  numeric: string;
  name: string;
  path: string;
  count: number;
  regionId?: string;
}

export interface WorldMap {
  width: number;
  height: number;
  countries: MapCountry[];
  maximum: number;
}

/**
 * The region counts of a search's documents, from its region facet. The API counts a facet as if
 * its own filter were not set (each value: what choosing it as well would find), so with regions
 * chosen only the chosen ones count this search's documents; the others count documents outside
 * it, and a map of them would show the whole library. `chosen` holds the URL's region slugs.
 */
export function regionCountsOfSearch<T extends { value: string }>(
  facet: readonly T[],
  chosen: readonly string[],
): T[] {
  if (chosen.length === 0) return [...facet];
  const ids = new Set(chosen.map((slug) => `region:${slug}`));
  return facet.filter((item) => ids.has(item.value));
}

let alpha2ToNumeric: Map<string, string> | undefined;
let shapes: { numeric: string; name: string; path: string }[] | undefined;

function countryShapes(width: number, height: number) {
  if (shapes) return shapes;
  type Topology = Parameters<typeof feature>[0];
  type Objects = Parameters<typeof feature>[1];
  const topology = atlas as unknown as Topology & { objects: { countries: Objects } };
  const collection = feature(topology, topology.objects.countries) as unknown as FeatureCollection<
    Geometry,
    { name: string }
  >;
  const projection = geoEqualEarth().fitSize([width, height], collection);
  const path = geoPath(projection);
  shapes = collection.features.map((item: Feature<Geometry, { name: string }>) => ({
    numeric: String(item.id ?? ""),
    name: item.properties.name,
    path: path(item) ?? "",
  }));
  return shapes;
}

/** "region:KR" -> "410"; named regions ("region:korean-peninsula") have no single country. */
export function regionIdToNumeric(regionId: string): string | undefined {
  const code = regionId.startsWith("region:") ? regionId.slice(7) : regionId;
  if (!/^[A-Z]{2}$/.test(code)) return undefined;
  alpha2ToNumeric ??= new Map(
    (isoCodes as string[][]).map(([alpha2, , numeric]) => [alpha2 as string, numeric as string]),
  );
  return alpha2ToNumeric.get(code);
}

/**
 * Shades each country by the documents that name it. The outlines come from world-atlas in the
 * npm package (no download at run time) and are projected once per process.
 */
export function layoutWorldMap(
  counts: readonly { value: string; count: number }[],
  width = 720,
  height = 360,
): WorldMap {
  const byNumeric = new Map<string, { count: number; regionId: string }>();
  for (const { value, count } of counts) {
    const numeric = regionIdToNumeric(value);
    if (!numeric) continue;
    const previous = byNumeric.get(numeric);
    byNumeric.set(numeric, { count: (previous?.count ?? 0) + count, regionId: value });
  }
  const list = countryShapes(width, height).map((shape) => {
    const match = byNumeric.get(shape.numeric);
    return match ? { ...shape, count: match.count, regionId: match.regionId } : { ...shape, count: 0 };
  });
  return { width, height, countries: list, maximum: Math.max(0, ...list.map((country) => country.count)) };
}

/** 0..1 shade for a count: square-root scaled so one busy country does not wash out the rest. */
export function shade(count: number, maximum: number): number {
  if (count <= 0 || maximum <= 0) return 0;
  return Math.sqrt(count / maximum);
}
