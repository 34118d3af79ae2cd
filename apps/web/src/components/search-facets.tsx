import { type FacetName, type Facets, type FacetValue, facetNames } from "@corpus/schema";
import Link from "next/link";
import { humanize, kindLabels } from "@/lib/format";
import {
  facetValueToParam,
  hasValue,
  type ListFilterName,
  type SearchState,
  searchHref,
  toggleValue,
  withChanges,
} from "@/lib/search-params";

const facetTitles: Record<FacetName, string> = {
  kind: "Kind",
  subtype: "Type",
  topic: "Topic",
  region: "Region",
  person: "Person",
  organization: "Organization",
  role: "Role",
  year: "Year",
};

const SHOWN_VALUES = 10;

export function facetLabel(name: FacetName, value: FacetValue): string {
  if (name === "kind") return kindLabels[value.value] ?? value.label;
  if (name === "subtype" || name === "role") return humanize(value.label);
  return value.label;
}

function yearSelected(state: SearchState, year: string): boolean {
  return state.from === year && state.to === year;
}

function facetHref(state: SearchState, name: FacetName, value: string): string {
  if (name === "year") {
    return searchHref(
      yearSelected(state, value)
        ? withChanges(state, { from: undefined, to: undefined })
        : withChanges(state, { from: value, to: value }),
    );
  }
  return searchHref(
    toggleValue(state, name as ListFilterName, facetValueToParam(name as ListFilterName, value)),
  );
}

function isSelected(state: SearchState, name: FacetName, value: string): boolean {
  if (name === "year") return yearSelected(state, value);
  return hasValue(state, name as ListFilterName, facetValueToParam(name as ListFilterName, value));
}

/** Facets with counts; each value is a link that adds (or removes) that filter. */
export function SearchFacets({ facets, state }: { facets: Facets; state: SearchState }) {
  return (
    <nav className="facets" aria-label="Filters">
      <h2 className="visually-hidden">Filters</h2>
      {facetNames.map((name) => {
        const values =
          name === "year" ? [...facets.year].sort((a, b) => b.value.localeCompare(a.value)) : facets[name];
        if (!values.length) return null;
        return (
          <details key={name} open={name !== "role" && name !== "subtype"}>
            <summary>{facetTitles[name]}</summary>
            <ul className="plain">
              {values.slice(0, SHOWN_VALUES).map((value) => {
                const selected = isSelected(state, name, value.value);
                const label = facetLabel(name, value);
                return (
                  <li key={value.value}>
                    <Link
                      href={facetHref(state, name, value.value)}
                      aria-current={selected ? "true" : undefined}
                      prefetch={false}
                    >
                      <span>
                        {selected ? "✓ " : ""}
                        {label}
                      </span>
                      <span className="count">
                        {value.count.toLocaleString("en")}
                        <span className="visually-hidden">
                          {" "}
                          documents{selected ? ", selected: choose to remove" : ""}
                        </span>
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
            {values.length > SHOWN_VALUES ? (
              <p className="small muted">
                and {values.length - SHOWN_VALUES} more: narrow the search to see them
              </p>
            ) : null}
          </details>
        );
      })}
    </nav>
  );
}
