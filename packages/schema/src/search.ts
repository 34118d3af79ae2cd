import * as z from "zod";
import { personRoleSchema } from "./document.js";
import { entitySchema } from "./record.js";
import { documentIdSchema, idSchema } from "./ids.js";
import { type PartialDate, partialDateBounds, partialDateSchema } from "./partial-date.js";
import { publicationSubtypeSchema } from "./publication.js";

// The shapes of searching and browsing a library. The store returns them, the API validates
// its inputs and outputs with them, and the web app and the TUI render them.

export const documentKindSchema = z
  .enum(["event", "publication", "issue", "stub"])
  .meta({ id: "DocumentKind", description: "The kinds of document." });

/** "2021", "2021-04" or "2021-04-29": the bounds of a date range filter, inclusive. */
export const dateBoundSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected "YYYY", "YYYY-MM" or "YYYY-MM-DD"')
  .meta({ id: "DateBound", description: 'A year, month or day: "2021", "2021-04", "2021-04-29".' });

function boundDate(bound: string): PartialDate {
  const [year, month, day] = bound.split("-").map(Number);
  return { year, ...(month ? { month } : {}), ...(day ? { day } : {}) };
}

/** True when the earliest day `from` can mean is after the latest day `to` can mean. */
function isInvertedRange(from: string | undefined, to: string | undefined): boolean {
  if (!from || !to) return false;
  const start = partialDateBounds(boundDate(from));
  const end = partialDateBounds(boundDate(to));
  return start !== null && end !== null && start.earliest > end.latest;
}

export const searchFiltersSchema = z
  .strictObject({
    kind: z.array(documentKindSchema).max(10).optional(),
    subtype: z.array(publicationSubtypeSchema).max(20).optional(),
    topic: z.array(idSchema).max(50).optional(),
    region: z.array(idSchema).max(50).optional(),
    person: z.array(idSchema).max(50).optional(),
    organization: z.array(idSchema).max(50).optional(),
    role: z
      .array(personRoleSchema)
      .max(20)
      .optional()
      .describe("Documents where someone held one of these roles; with person, where those people did."),
    hashtag: z.array(z.string().min(1).max(100)).max(20).optional(),
    from: dateBoundSchema.optional(),
    to: dateBoundSchema.optional(),
  })
  // An inverted range can match nothing; saying so beats an empty result that looks like a miss.
  .refine((filters) => !isInvertedRange(filters.from, filters.to), {
    path: ["from"],
    message: '"from" is later than "to": the date range starts after it ends',
  })
  .meta({
    id: "SearchFilters",
    description:
      "Values of one filter combine with OR, different filters with AND. A partial date matches a range when the day it can mean overlap it.",
  });

export type SearchFilters = z.infer<typeof searchFiltersSchema>;

export const searchSortSchema = z.enum(["relevance", "newest", "oldest"]).meta({ id: "SearchSort" });
export type SearchSort = z.infer<typeof searchSortSchema>;

export const MAX_QUERY_LENGTH = 500;
/** The longest section heading a search can be scoped to. */
export const MAX_SECTION_LENGTH = 200;

export const searchQuerySchema = z
  .strictObject({
    text: z.string().max(MAX_QUERY_LENGTH).default(""),
    /** "simple" treats every character literally; "advanced" allows "phrases", prefix*, OR, -not, falling back to simple. */
    mode: z.enum(["simple", "advanced"]).default("simple"),
    /** Where the text must match: anywhere, only in titles, or only in sections whose heading is `section`. */
    scope: z.enum(["all", "title", "section"]).default("all"),
    section: z.string().min(1).max(MAX_SECTION_LENGTH).optional(),
    filters: searchFiltersSchema.default({}),
    sort: searchSortSchema.default("relevance"),
    limit: z.int().min(1).max(100).default(20),
    cursor: z.string().max(500).optional(),
    facets: z.boolean().default(true),
  })
  .meta({
    id: "SearchQuery",
    description: "A full-text search with filters, facets, sort and cursor paging.",
  });

export type SearchQuery = z.infer<typeof searchQuerySchema>;
export type SearchQueryInput = z.input<typeof searchQuerySchema>;

export const documentSummarySchema = z
  .strictObject({
    id: documentIdSchema,
    kind: documentKindSchema,
    subtype: publicationSubtypeSchema.optional(),
    title: z.string(),
    date: partialDateSchema.optional(),
    extent: z.enum(["full", "teaser"]),
    summary: z.string().optional(),
    site: z.string().optional(),
    people: z.array(z.strictObject({ id: idSchema, name: z.string(), role: personRoleSchema })),
  })
  .meta({ id: "DocumentSummary", description: "What a list of documents shows for each one." });

export type DocumentSummary = z.infer<typeof documentSummarySchema>;

/** Text cut into runs, `highlight` marking the words that matched. Render as text, never as markup. */
export const snippetSchema = z.array(z.strictObject({ text: z.string(), highlight: z.boolean() })).meta({
  id: "Snippet",
  description: "A passage around the match, as runs of text with the matched words flagged.",
});

export type Snippet = z.infer<typeof snippetSchema>;

export const facetValueSchema = z
  .strictObject({ value: z.string(), label: z.string(), count: z.int().min(0) })
  .meta({ id: "FacetValue" });

export type FacetValue = z.infer<typeof facetValueSchema>;

export const facetNames = [
  "kind",
  "subtype",
  "topic",
  "region",
  "person",
  "organization",
  "role",
  "year",
] as const;
export type FacetName = (typeof facetNames)[number];

export const facetsSchema = z
  .strictObject({
    kind: z.array(facetValueSchema),
    subtype: z.array(facetValueSchema),
    topic: z.array(facetValueSchema),
    region: z.array(facetValueSchema),
    person: z.array(facetValueSchema),
    organization: z.array(facetValueSchema),
    role: z.array(facetValueSchema),
    year: z.array(facetValueSchema),
  })
  .meta({
    id: "Facets",
    description:
      "Exact counts over the whole match set. Each facet is counted with every other filter applied but its own, so its values stay selectable.",
  });

export type Facets = z.infer<typeof facetsSchema>;

export const searchHitSchema = z
  .strictObject({
    document: documentSummarySchema,
    score: z.number().optional(),
    snippet: snippetSchema.optional(),
  })
  .meta({ id: "SearchHit" });

export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z
  .strictObject({
    total: z.int().min(0),
    hits: z.array(searchHitSchema),
    facets: facetsSchema.optional(),
    nextCursor: z.string().nullable(),
    /** Set when an advanced query did not parse and the text was searched literally instead. */
    fellBackToLiteral: z.boolean().default(false),
    /**
     * Filter ids that name an entity since merged into another, or another spelling's id (an old
     * link, a saved search), each with the id that was searched instead; absent when none.
     */
    mergedFilterIds: z
      .array(z.strictObject({ from: idSchema, to: idSchema }))
      .optional()
      .describe(
        "Filter ids merged into another entity (or another spelling's), and the id searched instead.",
      ),
  })
  .meta({ id: "SearchResult" });

export type SearchResult = z.infer<typeof searchResultSchema>;

export const timelineBucketSchema = z
  .strictObject({
    bucket: z.string().describe('"2021" or "2021-04".'),
    total: z.int().min(0),
    byKind: z.record(z.string(), z.int().min(0)),
  })
  .meta({ id: "TimelineBucket" });

export type TimelineBucket = z.infer<typeof timelineBucketSchema>;

export const entityCountSchema = z
  .strictObject({ id: idSchema, name: z.string(), count: z.int().min(0) })
  .meta({ id: "EntityCount" });

export type EntityCount = z.infer<typeof entityCountSchema>;

export const entityListItemSchema = z
  .strictObject({
    id: idSchema,
    kind: z.enum(["person", "organization", "topic", "region"]),
    name: z.string(),
    documentCount: z.int().min(0),
  })
  .meta({ id: "EntityListItem" });

export type EntityListItem = z.infer<typeof entityListItemSchema>;

/** The most headings one call lists (a list to choose from, not an export). */
export const MAX_SECTION_HEADINGS = 100;

export const sectionHeadingsInputSchema = z
  .strictObject({
    prefix: z
      .string()
      .max(MAX_SECTION_LENGTH)
      .optional()
      .describe("Only headings starting with this, in any case; every heading when absent or empty."),
    limit: z.int().min(1).max(MAX_SECTION_HEADINGS).default(20),
  })
  .prefault({})
  .meta({
    id: "SectionHeadingsInput",
    description: "Which of the library's section headings to list, most documented first.",
  });

export type SectionHeadingsInput = z.input<typeof sectionHeadingsInputSchema>;

export const sectionHeadingSchema = z
  .strictObject({
    heading: z
      .string()
      .describe(
        "As most of its documents spell it; SearchQuery.section matches it in any case, so any spelling finds them all.",
      ),
    documentCount: z.int().min(0).describe("Documents with at least one section under this heading."),
  })
  .meta({
    id: "SectionHeading",
    description: "A section heading of the library, headings that differ only in case counted as one.",
  });

export type SectionHeading = z.infer<typeof sectionHeadingSchema>;

export const entityViewSchema = z
  .strictObject({
    entity: entitySchema,
    documentCount: z.int().min(0),
    roles: z.array(z.strictObject({ role: z.string(), count: z.int().min(0) })),
    documents: z.array(z.strictObject({ document: documentSummarySchema, roles: z.array(z.string()) })),
    /** For people: the titles and affiliations they held, oldest first. */
    positions: z.array(
      z.strictObject({
        title: z.string().optional(),
        affiliations: z.array(z.strictObject({ id: idSchema, name: z.string() })),
        date: partialDateSchema.optional(),
        document: z.strictObject({ id: documentIdSchema, title: z.string() }),
      }),
    ),
    /** People, organizations, topics and regions that share documents with this entity, most shared first. */
    people: z.array(entityCountSchema),
    organizations: z.array(entityCountSchema),
    topics: z.array(entityCountSchema),
    regions: z.array(entityCountSchema),
    timeline: z.array(timelineBucketSchema),
    /**
     * For people: others whose names may be this person written another way (another order, a
     * middle name or initial more or less). Not merged: for a reader or an editor to judge.
     */
    possibleDuplicates: z.array(entityListItemSchema).optional(),
  })
  .meta({
    id: "EntityView",
    description: "Everything the library knows about one person, organization, topic or region.",
  });

export type EntityView = z.infer<typeof entityViewSchema>;

export const relatedDocumentSchema = z
  .strictObject({
    relation: z.enum([
      "related",
      "next",
      "previous",
      "part-of",
      "has-part",
      "linked-from",
      "shared-people",
      "shared-topics",
    ]),
    document: documentSummarySchema,
  })
  .meta({ id: "RelatedDocument" });

export type RelatedDocument = z.infer<typeof relatedDocumentSchema>;

export const statsSchema = z
  .strictObject({
    documents: z.int().min(0),
    byKind: z.record(z.string(), z.int().min(0)),
    byYear: z.array(z.strictObject({ year: z.int(), count: z.int().min(0) })),
    entities: z.strictObject({ person: z.int(), organization: z.int(), topic: z.int(), region: z.int() }),
    newest: z.array(documentSummarySchema),
  })
  .meta({ id: "Stats", description: "Counts by kind and year, and the newest additions." });

export type Stats = z.infer<typeof statsSchema>;
