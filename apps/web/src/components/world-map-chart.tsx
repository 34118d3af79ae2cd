import Link from "next/link";
import { plural } from "@/lib/format";
import { entityPath } from "@/lib/ids";
import { layoutWorldMap, shade } from "@/lib/world-map";

/** Countries shaded by how many documents name them; shaded countries link to their region page. */
export function WorldMapChart({
  counts,
}: {
  counts: readonly { value: string; label: string; count: number }[];
}) {
  const map = layoutWorldMap(counts);
  const labels = new Map(counts.map((item) => [item.value, item.label]));
  const shaded = map.countries.filter((country) => country.count > 0);
  return (
    <figure style={{ margin: 0 }}>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG of links is a group; there is no HTML element for it */}
      <svg
        className="chart"
        viewBox={`0 0 ${map.width} ${map.height}`}
        role="group"
        aria-label={`World map: ${plural(shaded.length, "country", "countries")} named in these documents`}
      >
        {map.countries.map((country) => {
          if (country.count === 0 || !country.regionId) {
            return (
              <path key={country.numeric || country.name} className="map-country empty" d={country.path} />
            );
          }
          const amount = Math.round(15 + 85 * shade(country.count, map.maximum));
          const name = labels.get(country.regionId) ?? country.name;
          return (
            <Link
              key={country.numeric}
              href={entityPath(country.regionId) ?? "/regions"}
              aria-label={`${name}: ${plural(country.count, "document")}`}
            >
              <path
                className="map-country"
                d={country.path}
                style={{ fill: `color-mix(in srgb, var(--map-high) ${amount}%, var(--map-low))` }}
              >
                <title>{`${name}: ${plural(country.count, "document")}`}</title>
              </path>
            </Link>
          );
        })}
      </svg>
      <figcaption className="small muted">
        {/* The dark theme's scale runs from dim to bright: there "darker" would say the opposite. */}
        <span className="light-scheme-only">Darker</span>
        <span className="dark-scheme-only">Brighter</span> means more documents. Named regions (not single
        countries) are listed below the map.
      </figcaption>
    </figure>
  );
}
