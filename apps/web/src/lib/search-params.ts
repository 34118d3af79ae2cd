import type {
  DocumentKind,
  PersonRole,
  PublicationSubtype,
  SearchQueryInput,
  SearchSort,
} from "@corpus/schema";

/** Where the words must match: anywhere, only in titles, or only in sections with one heading. */
export type SearchScope = NonNullable<SearchQueryInput["scope"]>;

/**
 * Everything a search shows lives in the URL, so a search can be shared and the back button
 * works. Entity filters carry the id without its prefix ("person=frank-aum") to keep URLs short.
 * `after` holds the trail of paging cursors: the last one is the current page's, dropping it
 * goes back a page.
 */
export interface SearchState {
  text: string;
  advanced: boolean;
  scope: SearchScope;
  /** The heading of the section searched in; set exactly when `scope` is "section". */
  section?: string;
  kind: DocumentKind[];
  subtype: PublicationSubtype[];
  topic: string[];
  region: string[];
  person: string[];
  organization: string[];
  role: PersonRole[];
  from?: string;
  to?: string;
  sort: SearchSort;
  after: string[];
}

export type RawSearchParams = Record<string, string | string[] | undefined>;

// This module is shared with client components, so it imports only types from @corpus/schema:
// the zod schemas (and zod) stay on the server, in parse-search-state.ts.

export const entityFilterPrefixes = {
  topic: "topic",
  region: "region",
  person: "person",
  organization: "org",
} as const;
export type EntityFilterName = keyof typeof entityFilterPrefixes;
export const entityFilterNames = Object.keys(entityFilterPrefixes) as EntityFilterName[];

export const PAGE_SIZE = 20;

/**
 * As long as the API takes a section heading: @corpus/schema's MAX_SECTION_LENGTH, written out
 * because this module reaches the browser and takes only types from there (a test keeps the two
 * equal).
 */
export const MAX_SECTION_LENGTH = 200;

/**
 * The headings a Peace Science Digest article is written under (the demo library's digest
 * articles use the first two): suggested when the API cannot list the library's own headings
 * (see section-headings.ts), and spelled as the digest does when typed in another case.
 */
export const suggestedSectionHeadings = [
  "In the News",
  "Insight from Peace Science",
  "Practical Implications",
  "Talking Points",
  "Continued Reading",
] as const;

/**
 * A typed section heading as the library keeps headings: spaces trimmed and collapsed, and
 * without the colon a page often prints after it ("In the News:"), which the API would not match.
 * The API compares headings without regard to case; a suggested heading however typed is spelled
 * as the digest does ("in the news" -> "In the News"), others as typed. "" for none.
 */
export function normalizeSectionHeading(heading: string | undefined): string {
  // Cut to length first: a colon the cut leaves at the end goes too, so tidying twice changes nothing.
  const tidy = (heading ?? "")
    .replace(/\s+/g, " ")
    .slice(0, MAX_SECTION_LENGTH)
    .replace(/(\s*:)+\s*$/, "")
    .trim();
  return suggestedSectionHeadings.find((known) => known.toLowerCase() === tidy.toLowerCase()) ?? tidy;
}

/**
 * The scope and section of a search, made consistent: a section scope without a heading searches
 * everywhere (as the API does), and a heading without the section scope is dropped.
 */
export function scopeChanges(scope: SearchScope, section?: string): Pick<SearchState, "scope" | "section"> {
  const heading = normalizeSectionHeading(section);
  if (scope === "section")
    return heading ? { scope, section: heading } : { scope: "all", section: undefined };
  return { scope, section: undefined };
}

export function emptySearchState(): SearchState {
  return {
    text: "",
    advanced: false,
    scope: "all",
    kind: [],
    subtype: [],
    topic: [],
    region: [],
    person: [],
    organization: [],
    role: [],
    sort: "relevance",
    after: [],
  };
}

/** The API input for a search state. */
export function toSearchQuery(
  state: SearchState,
  options: { limit?: number; facets?: boolean } = {},
): SearchQueryInput {
  const filters: NonNullable<SearchQueryInput["filters"]> = {};
  if (state.kind.length) filters.kind = state.kind;
  if (state.subtype.length) filters.subtype = state.subtype;
  for (const name of entityFilterNames) {
    if (state[name].length)
      filters[name] = state[name].map((slug) => `${entityFilterPrefixes[name]}:${slug}`);
  }
  if (state.role.length) filters.role = state.role;
  if (state.from) filters.from = state.from;
  if (state.to) filters.to = state.to;
  const cursor = state.after.at(-1);
  return {
    text: state.text,
    mode: state.advanced ? "advanced" : "simple",
    // Only a narrower scope is sent, so the API's cache keys of every other search stay as they were.
    ...(state.scope === "title" ? { scope: "title" as const } : {}),
    ...(state.scope === "section" && state.section
      ? { scope: "section" as const, section: state.section }
      : {}),
    filters,
    sort: state.sort,
    limit: options.limit ?? PAGE_SIZE,
    facets: options.facets ?? true,
    ...(cursor ? { cursor } : {}),
  };
}

/** How many documents a download of a search holds at most (the search page says so above it). */
export const EXPORT_MAX = 100_000;

/**
 * What the search page's download links offer: "this document", "these 12 documents", or "the
 * first 100,000 documents" when the search finds more than one download holds.
 */
export function describeDownload(total: number): string {
  if (total > EXPORT_MAX) return `the first ${EXPORT_MAX.toLocaleString("en")} documents`;
  return total === 1 ? "this document" : `these ${total.toLocaleString("en")} documents`;
}

/**
 * The API's REST export parameters for a search (/api/v1/documents/export): every filter of the
 * state, sorted as shown, without paging.
 */
export function toRestExportParams(
  state: SearchState,
  format: "csv" | "ndjson",
  max?: number,
): URLSearchParams {
  const query = toSearchQuery(state, { facets: false });
  const params = new URLSearchParams({ format });
  if (max !== undefined) params.set("max", String(max));
  if (query.text) params.set("text", query.text);
  if (query.mode === "advanced") params.set("mode", "advanced");
  if (query.scope) params.set("scope", query.scope);
  if (query.section) params.set("section", query.section);
  if (query.sort) params.set("sort", query.sort);
  for (const [name, value] of Object.entries(query.filters ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, String(item));
  }
  return params;
}

/** URL parameters for a state, in a stable order so equal searches have equal URLs. */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.text) params.set("q", state.text);
  if (state.advanced) params.set("mode", "advanced");
  if (state.scope !== "all") params.set("scope", state.scope);
  if (state.scope === "section" && state.section) params.set("section", state.section);
  for (const value of state.kind) params.append("kind", value);
  for (const value of state.subtype) params.append("subtype", value);
  for (const name of entityFilterNames) for (const value of state[name]) params.append(name, value);
  for (const value of state.role) params.append("role", value);
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  if (state.sort !== "relevance") params.set("sort", state.sort);
  for (const cursor of state.after) params.append("after", cursor);
  return params;
}

export function searchHref(state: SearchState, path = "/"): string {
  const query = toSearchParams(state).toString();
  return query ? `${path}?${query}` : path;
}

/**
 * The state with filter ids that the API reports as merged into another entity (an old link, a
 * saved search) replaced by the entity kept, so the URL names it and its facet is ticked; null
 * when nothing was merged. Back to the first page: the old cursors belong to the old URL.
 */
export function withKeptEntities(
  state: SearchState,
  merged: readonly { from: string; to: string }[] | undefined,
): SearchState | null {
  if (!merged || merged.length === 0) return null;
  const keptFor = new Map(merged.map(({ from, to }) => [from, to]));
  const changes: Partial<Record<EntityFilterName, string[]>> = {};
  for (const name of entityFilterNames) {
    const prefix = `${entityFilterPrefixes[name]}:`;
    const slugs = state[name].map((slug) => {
      const kept = keptFor.get(`${prefix}${slug}`);
      return kept?.startsWith(prefix) ? kept.slice(prefix.length) : slug;
    });
    if (slugs.some((slug, index) => slug !== state[name][index])) changes[name] = [...new Set(slugs)];
  }
  return Object.keys(changes).length > 0 ? withChanges(state, changes) : null;
}

/** Every change of what is searched goes back to the first page. */
export function withChanges(state: SearchState, changes: Partial<SearchState>): SearchState {
  return { ...state, after: [], ...changes };
}

export type ListFilterName = "kind" | "subtype" | "role" | EntityFilterName;

export function hasValue(state: SearchState, name: ListFilterName, value: string): boolean {
  return (state[name] as string[]).includes(value);
}

export function toggleValue(state: SearchState, name: ListFilterName, value: string): SearchState {
  const current = state[name] as string[];
  const next = current.includes(value) ? current.filter((item) => item !== value) : [...current, value];
  return withChanges(state, { [name]: next } as Partial<SearchState>);
}

/** A facet value from the API is a full id for entity facets; the URL keeps the slug. */
export function facetValueToParam(name: ListFilterName, value: string): string {
  if (name in entityFilterPrefixes) {
    const prefix = `${entityFilterPrefixes[name as EntityFilterName]}:`;
    return value.startsWith(prefix) ? value.slice(prefix.length) : value;
  }
  return value;
}

/** True when anything narrows the search besides its words: a filter, or titles or a section only. */
export function isFiltered(state: SearchState): boolean {
  return (
    state.scope !== "all" ||
    state.kind.length + state.subtype.length + state.role.length > 0 ||
    entityFilterNames.some((name) => state[name].length > 0) ||
    Boolean(state.from || state.to)
  );
}

/** "2021" -> from=2021, to=2021; "2021-04" likewise: the range of one timeline bucket or year facet. */
export function withDateBucket(state: SearchState, bucket: string): SearchState {
  return withChanges(state, { from: bucket, to: bucket });
}
