import { type FacetName, type Facets, type FacetValue, facetNames } from "@corpus/schema";
import Link from "next/link";
import { humanize, kindLabels, plural } from "@/lib/format";
import { idSlug } from "@/lib/ids";
import {
  facetValueToParam,
  hasValue,
  type ListFilterName,
  type SearchState,
  searchHref,
  toggleValue,
  toSearchParams,
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
  // The API echoes a selected id it does not know (a stale or hand-made URL) with the id as its
  // label: "region:antarctica" reads better as "antarctica".
  return value.label === value.value ? idSlug(value.value) : value.label;
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

/**
 * The values a facet lists: the most frequent ones, and every selected one however rare, so a
 * filter chosen elsewhere (typeahead, an entity page, a shared URL) shows its tick and can be
 * removed where it is listed. In the API's order.
 */
export function shownFacetValues(
  name: FacetName,
  values: readonly FacetValue[],
  state: SearchState,
  limit = SHOWN_VALUES,
): FacetValue[] {
  return values.filter((value, index) => index < limit || isSelected(state, name, value.value));
}

/** From and to: a year, a month or a day; the other filters ride along as hidden fields. */
function DateRangeForm({ state }: { state: SearchState }) {
  const kept = [...toSearchParams(withChanges(state, { from: undefined, to: undefined })).entries()];
  const pattern = "\\d{4}(-\\d{2}(-\\d{2})?)?";
  return (
    <details open>
      <summary>Date range</summary>
      <form method="get" action="/" className="date-range">
        {kept.map(([name, value], index) => (
          <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
        ))}
        <DateBoundInput name="from" label="From" value={state.from} pattern={pattern} />
        <DateBoundInput name="to" label="To" value={state.to} pattern={pattern} />
        <button type="submit" className="secondary">
          Apply
        </button>
      </form>
    </details>
  );
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
        const shown = shownFacetValues(name, values, state);
        return (
          <details key={name} open={name !== "role" && name !== "subtype"}>
            <summary>{facetTitles[name]}</summary>
            <FacetValueList name={name} values={shown} state={state} />
            {values.length > shown.length ? (
              // The rest, one click away and with no script: the API sends up to 100 values a facet.
              <details className="more-values">
                <summary className="small">Show {values.length - shown.length} more</summary>
                <FacetValueList
                  name={name}
                  values={values.filter((value) => !shown.includes(value))}
                  state={state}
                />
              </details>
            ) : null}
          </details>
        );
      })}
      <DateRangeForm state={state} />
    </nav>
  );
}

function FacetValueList({
  name,
  values,
  state,
}: {
  name: FacetName;
  values: readonly FacetValue[];
  state: SearchState;
}) {
  return (
    <ul className="plain">
      {values.map((value) => {
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
                <span aria-hidden="true">{value.count.toLocaleString("en")}</span>
                <span className="visually-hidden">
                  {` ${plural(value.count, "document")}`}
                  {selected ? ", selected: choose to remove" : ""}
                </span>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

function DateBoundInput(props: { name: "from" | "to"; label: string; value?: string; pattern: string }) {
  return (
    <label>
      {props.label}
      <input
        type="text"
        name={props.name}
        inputMode="numeric"
        pattern={props.pattern}
        placeholder="YYYY"
        title="A year (2021), a month (2021-04) or a day (2021-04-29)"
        defaultValue={props.value ?? ""}
      />
    </label>
  );
}
