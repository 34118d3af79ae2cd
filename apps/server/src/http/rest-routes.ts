import {
  citationSchema,
  documentWithSourcesSchema,
  entityListSchema,
  getManyOutputSchema,
  possibleDuplicatesSchema,
  sourceViewSchema,
} from "@corpus/api";
import {
  entityListItemSchema,
  entityViewSchema,
  MAX_SECTION_HEADINGS,
  relatedDocumentSchema,
  searchResultSchema,
  sectionHeadingSchema,
  statsSchema,
  timelineBucketSchema,
} from "@corpus/schema";
import * as z from "zod";

/**
 * The REST face of the read procedures, for Python and R users: each route names the tRPC
 * procedure it calls and how its path and query parameters become that procedure's input, so
 * validation, errors and outputs are the router's own. The OpenAPI document is built from this table.
 */
export interface RestParameter {
  name: string;
  in: "path" | "query";
  description: string;
  schema: Record<string, unknown>;
  repeatable?: boolean;
  /** A query parameter the route cannot answer without (path parameters always are). */
  required?: boolean;
}

export interface RestRoute {
  /** Segments after /api/v1, "{name}" for a path parameter. */
  pattern: string;
  procedure: string;
  summary: string;
  parameters: RestParameter[];
  /** The response body's schema; "stream" for a download. */
  output: z.ZodType | "stream";
  toInput(path: Record<string, string>, query: URLSearchParams): unknown;
}

const string = { type: "string" };
const integer = { type: "integer" };

const repeatable = (name: string, description: string): RestParameter => ({
  name,
  in: "query",
  description: `${description} Repeat the parameter, or separate values with commas.`,
  schema: { type: "array", items: string },
  repeatable: true,
});

export const SEARCH_PARAMETERS: RestParameter[] = [
  { name: "text", in: "query", description: "Words to find (alias: q).", schema: string },
  {
    name: "mode",
    in: "query",
    description: '"simple" (literal) or "advanced" ("phrases", prefix*, OR, -not).',
    schema: string,
  },
  { name: "scope", in: "query", description: '"all", "title" or "section".', schema: string },
  {
    name: "section",
    in: "query",
    description: 'With scope=section: the section heading, e.g. "In the News".',
    schema: string,
  },
  { name: "sort", in: "query", description: '"relevance", "newest" or "oldest".', schema: string },
  { name: "limit", in: "query", description: "Hits per page, 1 to 100.", schema: integer },
  { name: "cursor", in: "query", description: "The nextCursor of the previous page.", schema: string },
  { name: "facets", in: "query", description: "false to skip facet counts.", schema: { type: "boolean" } },
  repeatable("kind", "Document kinds: event, publication, issue, stub."),
  repeatable("subtype", "Publication subtypes."),
  repeatable("topic", "Topic ids."),
  repeatable("region", "Region ids."),
  repeatable("person", "Person ids. With role: those people in those roles."),
  repeatable("organization", "Organization ids."),
  repeatable(
    "role",
    "Person roles (speaker, moderator, author...): documents where someone held one; with person, where those people did.",
  ),
  repeatable("hashtag", "Hashtags."),
  {
    name: "from",
    in: "query",
    description: 'Earliest date: "2021", "2021-04" or "2021-04-29".',
    schema: string,
  },
  { name: "to", in: "query", description: "Latest date, same forms as from.", schema: string },
];

const FILTER_NAMES = ["kind", "subtype", "topic", "region", "person", "organization", "role", "hashtag"];
const SEARCH_NAMES = new Set([...SEARCH_PARAMETERS.map((parameter) => parameter.name), "q"]);

/**
 * "12" → 12, "true" → true: query strings carry only text; zod reports anything still wrong.
 * Decimals become numbers too, so that limit=1.5 is refused as "expected int" rather than as a
 * string, which a caller who sent a number could not make sense of.
 */
function scalar(value: string): string | number | boolean {
  if (/^-?\d{1,15}(\.\d{1,15})?$/.test(value)) return Number(value);
  if (value === "true") return true;
  if (value === "false") return false;
  return value;
}

function listOf(query: URLSearchParams, name: string): string[] | undefined {
  const values = query
    .getAll(name)
    .flatMap((value) => value.split(","))
    .filter(Boolean);
  return values.length > 0 ? values : undefined;
}

export class UnknownParameterError extends Error {
  override name = "UnknownParameterError";
}

/**
 * Refuses a parameter that takes one value when the query repeats it (text=a&text=b, which a
 * Python list or an R vector gives): answering with the first value alone would hide the rest.
 */
function refuseRepeated(query: URLSearchParams, repeatable: ReadonlySet<string>): void {
  for (const key of new Set(query.keys())) {
    const count = query.getAll(key).length;
    if (count > 1 && !repeatable.has(key))
      throw new UnknownParameterError(
        `The query parameter "${key}" is given ${count} times but takes one value; send it once.`,
      );
  }
}

const REPEATABLE_FILTERS: ReadonlySet<string> = new Set(FILTER_NAMES);

/** Query parameters as a SearchQuery input. `extra` names parameters the route itself takes. */
export function searchQueryFromParameters(
  query: URLSearchParams,
  extra: readonly string[] = [],
): Record<string, unknown> {
  for (const key of query.keys()) {
    if (!SEARCH_NAMES.has(key) && !extra.includes(key)) {
      throw new UnknownParameterError(
        `Unknown query parameter "${key}". The parameters are listed in /api/openapi.json.`,
      );
    }
  }
  refuseRepeated(query, REPEATABLE_FILTERS);
  if (query.has("text") && query.has("q"))
    throw new UnknownParameterError('"q" is another name for "text": send one of them, not both.');
  const input: Record<string, unknown> = {};
  const text = query.get("text") ?? query.get("q");
  if (text !== null) input.text = text;
  for (const name of ["mode", "scope", "section", "sort", "cursor"]) {
    const value = query.get(name);
    if (value !== null) input[name] = value;
  }
  for (const name of ["limit", "facets"]) {
    const value = query.get(name);
    if (value !== null) input[name] = scalar(value);
  }
  const filters: Record<string, unknown> = {};
  for (const name of FILTER_NAMES) {
    const values = listOf(query, name);
    if (values) filters[name] = values;
  }
  for (const name of ["from", "to"]) {
    const value = query.get(name);
    if (value !== null) filters[name] = value;
  }
  if (Object.keys(filters).length > 0) input.filters = filters;
  return input;
}

function pick(
  query: URLSearchParams,
  names: readonly string[],
  repeatableNames: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  for (const key of query.keys()) {
    if (!names.includes(key)) {
      throw new UnknownParameterError(
        `Unknown query parameter "${key}"; this route takes: ${names.join(", ") || "none"}.`,
      );
    }
  }
  refuseRepeated(query, repeatableNames);
  const input: Record<string, unknown> = {};
  for (const name of names) {
    const value = query.get(name);
    if (value !== null) input[name] = scalar(value);
  }
  return input;
}

const idParameter = (what: string): RestParameter => ({
  name: "id",
  in: "path",
  description: `The ${what}'s id.`,
  schema: string,
});

const entityRoutes = (["people", "organizations", "topics", "regions"] as const).flatMap(
  (plural): RestRoute[] => [
    {
      pattern: plural,
      procedure: `${plural}.list`,
      summary: `List ${plural} with their document counts, by count or name, optionally by name prefix.`,
      parameters: [
        { name: "prefix", in: "query", description: "Only names starting with this.", schema: string },
        { name: "limit", in: "query", description: "Items per page, 1 to 200.", schema: integer },
        { name: "cursor", in: "query", description: "The nextCursor of the previous page.", schema: string },
        { name: "sort", in: "query", description: '"count" (default) or "name".', schema: string },
      ],
      output: entityListSchema,
      toInput: (_path, query) => {
        const input = pick(query, ["prefix", "limit", "cursor", "sort"]);
        if (typeof input.prefix !== "undefined") input.prefix = query.get("prefix");
        if (typeof input.cursor !== "undefined") input.cursor = query.get("cursor");
        return input;
      },
    },
    {
      pattern: `${plural}/{id}`,
      procedure: `${plural}.get`,
      summary: `Everything the library knows about one of its ${plural}.`,
      parameters: [idParameter("entity")],
      output: entityViewSchema,
      toInput: (path, query) => ({ ...pick(query, []), id: path.id }),
    },
  ],
);

export const restRoutes: RestRoute[] = [
  {
    pattern: "documents/search",
    procedure: "documents.search",
    summary: "Full-text search with filters, facets, sort and cursor paging.",
    parameters: SEARCH_PARAMETERS,
    output: searchResultSchema,
    toInput: (_path, query) => searchQueryFromParameters(query),
  },
  {
    pattern: "documents/timeline",
    procedure: "documents.timeline",
    summary: "Counts of the documents a search matches, by year or month and kind.",
    parameters: [
      { name: "bucket", in: "query", description: '"year" (default) or "month".', schema: string },
      ...SEARCH_PARAMETERS,
    ],
    output: z.array(timelineBucketSchema),
    toInput: (_path, query) => {
      const bucket = query.get("bucket");
      return { query: searchQueryFromParameters(query, ["bucket"]), ...(bucket ? { bucket } : {}) };
    },
  },
  {
    pattern: "documents/export",
    procedure: "documents.export",
    summary:
      "Download the documents a search matches (the whole library without text or filters) as NDJSON or CSV.",
    parameters: [
      {
        name: "format",
        in: "query",
        description:
          '"ndjson" (full records, one a line; default) or "csv" (one row per document). With no text and no filter, NDJSON is the whole library, entities included, as corpus import reads it.',
        schema: string,
      },
      {
        name: "max",
        in: "query",
        description: "Stop after this many lines (records, or CSV rows after the header); default 100000.",
        schema: integer,
      },
      ...SEARCH_PARAMETERS.filter((parameter) => parameter.name !== "limit" && parameter.name !== "cursor"),
    ],
    output: "stream",
    toInput: (_path, query) => {
      // A search's paging parameters would otherwise be taken and quietly ignored: the export is
      // one download of every match, its size set by max.
      for (const paging of ["limit", "cursor"])
        if (query.has(paging))
          throw new UnknownParameterError(
            `The export takes no "${paging}": it sends every match in one download; use max to stop after that many.`,
          );
      const format = query.get("format");
      const max = query.get("max");
      const search = searchQueryFromParameters(query, ["format", "max"]);
      return { query: search, ...(format ? { format } : {}), ...(max ? { max: scalar(max) } : {}) };
    },
  },
  {
    pattern: "documents/section-headings",
    procedure: "documents.sectionHeadings",
    summary:
      "The section headings of the library's documents, most documented first, with their document counts: what scope=section with section=<heading> can search in.",
    parameters: [
      {
        name: "prefix",
        in: "query",
        description: "Only headings starting with this, in any case.",
        schema: string,
      },
      {
        name: "limit",
        in: "query",
        description: `Headings to list, 1 to ${MAX_SECTION_HEADINGS}; default 20.`,
        schema: integer,
      },
    ],
    output: z.array(sectionHeadingSchema),
    toInput: (_path, query) => {
      const input = pick(query, ["prefix", "limit"]);
      // Taken as written: a heading may be a year or a number ("2021"), never converted to one.
      if (query.get("prefix") !== null) input.prefix = query.get("prefix");
      return input;
    },
  },
  {
    pattern: "documents/{id}",
    procedure: "documents.get",
    summary: "One document, with which of the inputs it was read from are stored.",
    parameters: [idParameter("document")],
    output: documentWithSourcesSchema,
    toInput: (path, query) => ({ ...pick(query, []), id: path.id }),
  },
  {
    pattern: "documents/{id}/related",
    procedure: "documents.related",
    summary: "Documents linked to this one, or sharing its people and topics.",
    parameters: [
      idParameter("document"),
      { name: "limit", in: "query", description: "1 to 100.", schema: integer },
    ],
    output: z.array(relatedDocumentSchema),
    toInput: (path, query) => ({ ...pick(query, ["limit"]), id: path.id }),
  },
  {
    pattern: "documents/{id}/cite",
    procedure: "documents.cite",
    summary: "The document's reference as BibTeX, RIS, CSL-JSON or a formatted APA reference.",
    parameters: [
      idParameter("document"),
      { name: "format", in: "query", description: "bibtex, ris, csl-json or apa.", schema: string },
    ],
    output: citationSchema,
    toInput: (path, query) => ({ ...pick(query, ["format"]), id: path.id }),
  },
  {
    pattern: "documents/{id}/source",
    procedure: "documents.source",
    summary: "The stored text a record was read from, with the record's field spans over it.",
    parameters: [
      idParameter("record"),
      { name: "contentHash", in: "query", description: "Which of its sources.", schema: string },
    ],
    output: sourceViewSchema,
    toInput: (path, query) => ({ ...pick(query, ["contentHash"]), id: path.id }),
  },
  {
    pattern: "sources/{contentHash}",
    procedure: "documents.source",
    summary: "A stored source text by its sha256.",
    parameters: [
      { name: "contentHash", in: "path", description: "sha256 of the input, hex.", schema: string },
    ],
    output: sourceViewSchema,
    toInput: (path, query) => ({ ...pick(query, []), contentHash: path.contentHash }),
  },
  ...entityRoutes,
  {
    pattern: "people/duplicates",
    procedure: "people.duplicates",
    summary:
      "People who may be one person written two ways (names in another order, a middle name or initial more or less), grouped. Nothing is merged; merging is an admin write.",
    parameters: [
      { name: "limit", in: "query", description: "Groups per page, 1 to 200.", schema: integer },
      { name: "cursor", in: "query", description: "The nextCursor of the previous page.", schema: string },
    ],
    output: possibleDuplicatesSchema,
    toInput: (_path, query) => {
      const input = pick(query, ["limit", "cursor"]);
      if (typeof input.cursor !== "undefined") input.cursor = query.get("cursor");
      return input;
    },
  },
  {
    pattern: "entities/autocomplete",
    procedure: "entities.autocomplete",
    summary: "People, organizations, topics and regions whose names start with a prefix, for typeahead.",
    parameters: [
      {
        name: "prefix",
        in: "query",
        description: "At least one character.",
        schema: string,
        required: true,
      },
      { name: "limit", in: "query", description: "1 to 50.", schema: integer },
    ],
    output: z.array(entityListItemSchema),
    toInput: (_path, query) => {
      const input = pick(query, ["prefix", "limit"]);
      if (query.get("prefix") !== null) input.prefix = query.get("prefix");
      return input;
    },
  },
  {
    pattern: "records",
    procedure: "entities.getMany",
    summary: "Many records (documents or entities) at once, by id.",
    parameters: [{ ...repeatable("ids", "Record ids, at most 100."), required: true }],
    output: getManyOutputSchema,
    toInput: (_path, query) => {
      pick(query, ["ids"], new Set(["ids"]));
      return { ids: listOf(query, "ids") ?? [] };
    },
  },
  {
    pattern: "stats",
    procedure: "stats.overview",
    summary: "Counts by kind and year, and the newest additions.",
    parameters: [],
    output: statsSchema,
    toInput: (_path, query) => {
      pick(query, []);
      return undefined;
    },
  },
];
