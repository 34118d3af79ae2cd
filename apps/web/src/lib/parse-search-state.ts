import {
  type DocumentKind,
  dateBoundSchema,
  documentKindSchema,
  idSchema,
  MAX_QUERY_LENGTH,
  type PersonRole,
  type PublicationSubtype,
  personRoleSchema,
  publicationSubtypeSchema,
  searchFiltersSchema,
  searchQuerySchema,
  searchSortSchema,
} from "@corpus/schema";
import {
  type EntityFilterName,
  entityFilterPrefixes,
  type RawSearchParams,
  type SearchState,
  scopeChanges,
} from "./search-params";

const MAX_VALUES = 20;
const MAX_CURSORS = 50;

function all(raw: RawSearchParams, name: string): string[] {
  const value = raw[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).slice(0, 200);
}

function first(raw: RawSearchParams, name: string): string | undefined {
  return all(raw, name)[0];
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)].slice(0, MAX_VALUES);
}

function slugsFor(raw: RawSearchParams, name: EntityFilterName): string[] {
  const prefix = entityFilterPrefixes[name];
  return unique(
    all(raw, name)
      .map((value) => (value.startsWith(`${prefix}:`) ? value.slice(prefix.length + 1) : value))
      .filter((slug) => idSchema.safeParse(`${prefix}:${slug}`).success),
  );
}

/**
 * The date range of the URL, with "from 2024 to 2019" read as 2019 to 2024: the API refuses an
 * inverted range, and a reader who typed the years the other way round meant the same years.
 */
function dateRange(raw: RawSearchParams): { from?: string; to?: string } {
  const from = dateBoundSchema.safeParse(first(raw, "from"));
  const to = dateBoundSchema.safeParse(first(raw, "to"));
  const range = { ...(from.success ? { from: from.data } : {}), ...(to.success ? { to: to.data } : {}) };
  if (range.from && range.to && !searchFiltersSchema.safeParse(range).success) {
    return { from: range.to, to: range.from };
  }
  return range;
}

/** Reads a search from URL parameters. Anything malformed is dropped, never an error. */
export function parseSearchState(raw: RawSearchParams): SearchState {
  const sort = searchSortSchema.safeParse(first(raw, "sort"));
  const scope = searchQuerySchema.shape.scope.safeParse(first(raw, "scope"));
  return {
    text: (first(raw, "q") ?? "").slice(0, MAX_QUERY_LENGTH),
    advanced: first(raw, "mode") === "advanced",
    ...scopeChanges(scope.success ? scope.data : "all", first(raw, "section")),
    kind: unique(
      all(raw, "kind").filter((value) => documentKindSchema.safeParse(value).success),
    ) as DocumentKind[],
    subtype: unique(
      all(raw, "subtype").filter((value) => publicationSubtypeSchema.safeParse(value).success),
    ) as PublicationSubtype[],
    topic: slugsFor(raw, "topic"),
    region: slugsFor(raw, "region"),
    person: slugsFor(raw, "person"),
    organization: slugsFor(raw, "organization"),
    role: unique(
      all(raw, "role").filter((value) => personRoleSchema.safeParse(value).success),
    ) as PersonRole[],
    ...dateRange(raw),
    sort: sort.success ? sort.data : "relevance",
    // The last cursors: the newest is the page shown, the ones before it lead back.
    after: ([] as string[])
      .concat(raw.after ?? [])
      .filter((cursor) => cursor.length > 0 && cursor.length <= 500)
      .slice(-MAX_CURSORS),
  };
}
