import type { FacetName, Facets, SearchFilters, SearchQueryInput, SearchSort } from "@corpus/schema";
import { facetNames, MAX_QUERY_LENGTH } from "@corpus/schema";

/** What the search screen remembers while the user opens records and comes back. */
export interface SearchState {
  text: string;
  filters: SearchFilters;
  /** Chosen by the user; until then relevance when there is text, newest first when there is none. */
  sort: SearchSort | undefined;
  /** cursors[n] is the paging cursor of page n (undefined for the first page). */
  cursors: (string | undefined)[];
  page: number;
  selected: number;
  focus: "input" | "results" | "filters";
  facetCursor: number;
  /**
   * The filter value last switched on or off. Its row moves when the answer comes back (active
   * values sort first, counts change), and the cursor goes with it; see facetCursorIn.
   */
  facetAnchor?: { facet: FacetName; value: string };
}

export const PAGE_SIZE = 20;

export function initialSearchState(text = ""): SearchState {
  return {
    text,
    filters: {},
    sort: undefined,
    cursors: [undefined],
    page: 0,
    selected: 0,
    focus: "results",
    facetCursor: 0,
  };
}

export type SearchAction =
  | { type: "type"; text: string }
  | { type: "append"; text: string }
  | { type: "deleteBackward" }
  | { type: "focus"; focus: SearchState["focus"] }
  | { type: "move"; by: number; count: number }
  /** `from` is the row the cursor is on as drawn (facetCursorIn). */
  | { type: "moveFacet"; from: number; by: number; count: number }
  | { type: "toggleFacet"; facet: FacetName; value: string }
  | { type: "clearFilters" }
  | { type: "cycleSort" }
  /** `after` is pageKey() of the query whose answer held the cursor; see the reducer. */
  | { type: "nextPage"; cursor: string; after: string }
  | { type: "previousPage" };

const SORTS: SearchSort[] = ["relevance", "newest", "oldest"];

/** A new query starts again at the first page, first row. */
const restart = { cursors: [undefined], page: 0, selected: 0 };

/** The sort asked for, except that with no words there is no relevance to rank by: newest then. */
export function effectiveSort(state: Pick<SearchState, "sort" | "text">): SearchSort {
  if (!state.text.trim()) return state.sort && state.sort !== "relevance" ? state.sort : "newest";
  return state.sort ?? "relevance";
}

export function searchReducer(state: SearchState, action: SearchAction): SearchState {
  switch (action.type) {
    case "type":
      return action.text === state.text ? state : { ...state, text: action.text, ...restart };
    case "append": {
      // Typed or pasted text: control characters never enter the query, and it stays within the API's limit.
      const text = (state.text + action.text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "")).slice(
        0,
        MAX_QUERY_LENGTH,
      );
      return searchReducer(state, { type: "type", text });
    }
    case "deleteBackward":
      return searchReducer(state, { type: "type", text: [...state.text].slice(0, -1).join("") });
    case "focus":
      return { ...state, focus: action.focus };
    case "move":
      return { ...state, selected: Math.max(0, Math.min(action.count - 1, state.selected + action.by)) };
    case "moveFacet": {
      const { facetAnchor: _anchor, ...rest } = state;
      return { ...rest, facetCursor: Math.max(0, Math.min(action.count - 1, action.from + action.by)) };
    }
    case "toggleFacet":
      return {
        ...state,
        filters: toggleFilter(state.filters, action.facet, action.value),
        facetAnchor: { facet: action.facet, value: action.value },
        ...restart,
      };
    case "clearFilters":
      return { ...state, filters: {}, ...restart };
    case "cycleSort": {
      // With no words there is nothing to rank by: relevance would be an arbitrary order.
      const sorts = state.text.trim() ? SORTS : SORTS.filter((sort) => sort !== "relevance");
      const next = sorts[(sorts.indexOf(effectiveSort(state)) + 1) % sorts.length]!;
      return { ...state, sort: next, ...restart };
    }
    case "nextPage":
      // Keys typed in one burst are all handled against the same rendered answer: "s" then "n"
      // would page the new sort with the old sort's cursor. Page only from the answer on screen.
      if (pageKey(state) !== action.after) return state;
      return {
        ...state,
        cursors: [...state.cursors.slice(0, state.page + 1), action.cursor],
        page: state.page + 1,
        selected: 0,
      };
    case "previousPage":
      return state.page === 0 ? state : { ...state, page: state.page - 1, selected: 0 };
  }
}

type ListFilter = Exclude<keyof SearchFilters, "from" | "to">;

/** Whether a facet value is one of the active filters. A year is active when from = to = it. */
export function isActive(filters: SearchFilters, facet: FacetName, value: string): boolean {
  if (facet === "year") return filters.from === value && filters.to === value;
  const list = filters[facet as ListFilter] as string[] | undefined;
  return list?.includes(value) ?? false;
}

export function toggleFilter(filters: SearchFilters, facet: FacetName, value: string): SearchFilters {
  if (facet === "year") {
    if (isActive(filters, facet, value)) {
      const { from: _from, to: _to, ...rest } = filters;
      return rest;
    }
    return { ...filters, from: value, to: value };
  }
  const key = facet as ListFilter;
  const current = (filters[key] as string[] | undefined) ?? [];
  const next = current.includes(value) ? current.filter((item) => item !== value) : [...current, value];
  const { [key]: _removed, ...rest } = filters;
  return next.length > 0 ? { ...rest, [key]: next } : rest;
}

/**
 * The facet row the cursor is on for these rows: the value last toggled, wherever it now sorts,
 * else the remembered row, kept within the rows there are (fewer after a narrower answer).
 */
export function facetCursorIn(state: SearchState, rows: readonly FacetRow[]): number {
  const anchor = state.facetAnchor;
  if (anchor) {
    const index = rows.findIndex((row) => row.facet === anchor.facet && row.value === anchor.value);
    if (index !== -1) return index;
  }
  return Math.max(0, Math.min(rows.length - 1, state.facetCursor));
}

/** Identifies the page a state shows: its query, including the page's cursor. */
export function pageKey(state: SearchState): string {
  return JSON.stringify(toQuery(state));
}

/** The query the API receives for this state: the current page's cursor, facets on. */
export function toQuery(state: SearchState): SearchQueryInput {
  const cursor = state.cursors[state.page];
  return {
    text: state.text.trim(),
    filters: state.filters,
    sort: effectiveSort(state),
    limit: PAGE_SIZE,
    facets: true,
    ...(cursor ? { cursor } : {}),
  };
}

export interface FacetRow {
  facet: FacetName;
  value: string;
  label: string;
  count: number;
  active: boolean;
}

/** The facet panel's selectable rows, facet by facet, active filters first within each. */
export function facetRows(facets: Facets | undefined, filters: SearchFilters): FacetRow[] {
  if (!facets) return [];
  return facetNames.flatMap((facet) =>
    facets[facet]
      .map((value) => ({
        facet,
        value: value.value,
        label: value.label,
        count: value.count,
        active: isActive(filters, facet, value.value),
      }))
      .sort((left, right) => Number(right.active) - Number(left.active)),
  );
}

/** "topic: Nuclear Security, year: 2021": the active filters in words, with labels where known. */
export function describeFilters(filters: SearchFilters, rows: readonly FacetRow[]): string {
  const parts: string[] = [];
  const label = (facet: FacetName, value: string) =>
    rows.find((row) => row.facet === facet && row.value === value)?.label ?? value;
  for (const facet of facetNames) {
    if (facet === "year") continue;
    const values = filters[facet as ListFilter] as string[] | undefined;
    if (values?.length) parts.push(`${facet}: ${values.map((value) => label(facet, value)).join(" or ")}`);
  }
  if (filters.from || filters.to) {
    parts.push(
      filters.from === filters.to
        ? `year: ${filters.from}`
        : `dates: ${filters.from ?? "…"} to ${filters.to ?? "…"}`,
    );
  }
  return parts.join(", ");
}
