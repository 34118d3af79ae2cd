import type {
  FacetName,
  Facets,
  SearchFilters,
  SearchQuery,
  SearchQueryInput,
  SearchSort,
} from "@corpus/schema";
import { facetNames, MAX_QUERY_LENGTH, MAX_SECTION_LENGTH } from "@corpus/schema";
import { truncate } from "./format.js";
import { sanitizeLine } from "./sanitize.js";

/** What the search screen remembers while the user opens records and comes back. */
export interface SearchState {
  text: string;
  /** "advanced" reads "phrases", prefix*, OR and -not in the text; "simple" takes every word as typed. */
  mode: SearchQuery["mode"];
  /** Where the text must match: anywhere, in titles, or in the sections headed `section`. */
  scope: SearchQuery["scope"];
  /** The heading searched under when scope is "section"; kept while in titles, so h offers it again. */
  section: string | undefined;
  /** What is being typed in the heading box (focus "section") before Enter makes it the scope. */
  sectionDraft: string;
  /** The row of the library's headings the cursor is on while choosing one (focus "headings"). */
  headingCursor: number;
  filters: SearchFilters;
  /** Chosen by the user; until then relevance when there is text, newest first when there is none. */
  sort: SearchSort | undefined;
  /** cursors[n] is the paging cursor of page n (undefined for the first page). */
  cursors: (string | undefined)[];
  page: number;
  selected: number;
  /**
   * "input": the search box; "section": the heading box (h). Both take printable keys as text.
   * "headings": the library's headings under the heading box, to choose one from (↓ from the box).
   */
  focus: "input" | "results" | "filters" | "section" | "headings";
  facetCursor: number;
  /**
   * The filter value last switched on or off. Its row moves when the answer comes back (active
   * values sort first, counts change), and the cursor goes with it; see facetCursorIn.
   */
  facetAnchor?: { facet: FacetName; value: string };
}

export const PAGE_SIZE = 20;

/** How a search starts: the command line's query, --advanced, --scope and --section. */
export interface SearchStart {
  text?: string;
  mode?: SearchState["mode"];
  scope?: SearchState["scope"];
  section?: string;
}

export function initialSearchState(start: string | SearchStart = ""): SearchState {
  const { text = "", mode = "simple", scope, section } = typeof start === "string" ? { text: start } : start;
  const heading = section?.trim() || undefined;
  return {
    text,
    mode,
    // A heading alone means "in that section" (as --section does in corpus search); the section
    // scope without a heading would search everywhere while saying otherwise.
    scope: scope === "section" && !heading ? "all" : (scope ?? (heading ? "section" : "all")),
    section: heading,
    sectionDraft: "",
    headingCursor: 0,
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
  | { type: "toggleAdvanced" }
  /** Titles only, or back to everywhere (from a section too: t means "titles" wherever it is pressed). */
  | { type: "toggleTitles" }
  /** Opens the heading box (focus "section") with the current heading in it. */
  | { type: "editSection" }
  /**
   * The heading box's text, or `heading` chosen from the library's, becomes the scope; an empty
   * box searches everywhere again.
   */
  | { type: "applySection"; heading?: string }
  /** From the heading box down to the library's headings, the cursor on the first. */
  | { type: "browseHeadings" }
  | { type: "moveHeading"; by: number; count: number }
  /** From the library's headings back to the heading box, its text as it was. */
  | { type: "typeHeading" }
  /** `after` is pageKey() of the query whose answer held the cursor; see the reducer. */
  | { type: "nextPage"; cursor: string; after: string }
  | { type: "previousPage" };

const SORTS: SearchSort[] = ["relevance", "newest", "oldest"];

/** A cursor on row `from` moved `by` rows, kept on one of `count` rows (the first when none). */
function movedWithin(from: number, by: number, count: number): number {
  return Math.max(0, Math.min(count - 1, from + by));
}

/** The heading box (h) is open: typing a heading or choosing one of the library's under it. */
export function isChoosingHeading(state: SearchState): boolean {
  return state.focus === "section" || state.focus === "headings";
}

/** A new query starts again at the first page, first row. */
const restart = { cursors: [undefined], page: 0, selected: 0 };

/** The sort asked for, except that with no words there is no relevance to rank by: newest then. */
export function effectiveSort(state: Pick<SearchState, "sort" | "text">): SearchSort {
  if (!state.text.trim()) return state.sort && state.sort !== "relevance" ? state.sort : "newest";
  return state.sort ?? "relevance";
}

export function searchReducer(state: SearchState, action: SearchAction): SearchState {
  switch (action.type) {
    // type, append and deleteBackward edit the box in focus: the search box, or the heading box.
    case "type":
      if (state.focus === "section")
        return action.text === state.sectionDraft ? state : { ...state, sectionDraft: action.text };
      return action.text === state.text ? state : { ...state, text: action.text, ...restart };
    case "append": {
      // Typed or pasted text: control characters never enter the query, and it stays within the API's limit.
      const typed = action.text.replace(/[\u0000-\u001f\u007f-\u009f]/g, "");
      const text =
        state.focus === "section"
          ? (state.sectionDraft + typed).slice(0, MAX_SECTION_LENGTH)
          : (state.text + typed).slice(0, MAX_QUERY_LENGTH);
      return searchReducer(state, { type: "type", text });
    }
    case "deleteBackward": {
      const text = state.focus === "section" ? state.sectionDraft : state.text;
      return searchReducer(state, { type: "type", text: [...text].slice(0, -1).join("") });
    }
    case "focus":
      // Leaving the heading box any way but applySection (Esc) leaves the scope as it was.
      return { ...state, focus: action.focus, sectionDraft: "" };
    case "toggleAdvanced":
      return { ...state, mode: state.mode === "advanced" ? "simple" : "advanced", ...restart };
    case "toggleTitles":
      return { ...state, scope: state.scope === "title" ? "all" : "title", ...restart };
    case "editSection":
      return { ...state, focus: "section", sectionDraft: state.section ?? "" };
    case "browseHeadings":
      return { ...state, focus: "headings", headingCursor: 0 };
    case "moveHeading":
      return { ...state, headingCursor: movedWithin(state.headingCursor, action.by, action.count) };
    case "typeHeading":
      return { ...state, focus: "section" };
    case "applySection": {
      const heading = (action.heading ?? state.sectionDraft).trim();
      const leave = { focus: "results" as const, sectionDraft: "" };
      if (!heading) {
        // An empty box turns the section off; a titles-only search it did not start stays so.
        if (state.scope !== "section") return { ...state, ...leave, section: undefined };
        return { ...state, ...leave, scope: "all", section: undefined, ...restart };
      }
      if (state.scope === "section" && state.section === heading) return { ...state, ...leave };
      return { ...state, ...leave, scope: "section", section: heading, ...restart };
    }
    case "move":
      return { ...state, selected: movedWithin(state.selected, action.by, action.count) };
    case "moveFacet": {
      const { facetAnchor: _anchor, ...rest } = state;
      return { ...rest, facetCursor: movedWithin(action.from, action.by, action.count) };
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
    // Only what differs from the API's defaults: the query of a plain search stays as it was.
    ...(state.mode === "advanced" ? { mode: "advanced" as const } : {}),
    ...(state.scope === "title" ? { scope: "title" as const } : {}),
    ...(state.scope === "section" && state.section
      ? { scope: "section" as const, section: state.section }
      : {}),
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

/**
 * What the search line shows next to "Search" while a search is not a plain one everywhere:
 * "advanced", "titles", 'in "In the News"'. The heading is cut to `headingWidth` characters.
 */
export function searchOptionLabels(
  state: Pick<SearchState, "mode" | "scope" | "section">,
  headingWidth = 20,
): string[] {
  const labels: string[] = [];
  if (state.mode === "advanced") labels.push("advanced");
  if (state.scope === "title") labels.push("titles");
  if (state.scope === "section" && state.section)
    labels.push(`in "${truncate(sanitizeLine(state.section), headingWidth)}"`);
  return labels;
}
