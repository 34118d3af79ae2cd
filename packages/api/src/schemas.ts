import {
  contentHashSchema,
  documentIdSchema,
  documentKindSchema,
  documentSchema,
  entityListItemSchema,
  idSchema,
  mediaTypeSchema,
  provenanceSchema,
  recordSchema,
  searchQuerySchema,
  sourceTextSchema,
} from "@corpus/schema";
import * as z from "zod";

// The API's own input and output shapes: what is not already a record or a search shape in
// @corpus/schema. Inputs are strict (unknown keys are a 400), outputs list every field.

export const MAX_BATCH_IDS = 100;
export const MAX_INGEST_RECORDS = 1000;
/** Page text or HTML uploaded as one string: the ingest pipeline's own default file limit. */
export const MAX_INGEST_FILE_CHARACTERS = 10 * 1024 * 1024;
export const MAX_PREFIX_LENGTH = 100;

export const byIdInputSchema = z.strictObject({ id: idSchema }).meta({ id: "ByIdInput" });
export const documentByIdInputSchema = z
  .strictObject({ id: documentIdSchema })
  .meta({ id: "DocumentByIdInput" });

export const sourceAvailabilitySchema = z
  .strictObject({
    contentHash: contentHashSchema,
    mediaType: mediaTypeSchema,
    path: z.string().optional(),
    parser: z.string(),
    available: z
      .boolean()
      .describe("Whether the normalised text is stored, so the provenance view can show it."),
  })
  .meta({ id: "SourceAvailability" });

export const documentWithSourcesSchema = z
  .strictObject({ document: documentSchema, sources: z.array(sourceAvailabilitySchema) })
  .meta({
    id: "DocumentWithSources",
    description: "A document and which of the inputs it was read from are stored.",
  });

// Inputs that take one field or another are one object with optional fields and a check, not a
// z.union: when every branch of a union fails, zod reports a bare "Invalid input" with no path,
// hiding which field was wrong and why (a guard in input-errors.test.ts keeps it that way).
export const sourceInputSchema = z
  .strictObject({
    id: idSchema.optional(),
    contentHash: contentHashSchema.optional(),
  })
  .refine((input) => input.id !== undefined || input.contentHash !== undefined, {
    message:
      'send "id" (the record whose source to show), "contentHash" (a source\'s sha256, as documents.get lists it under sources) or both',
  })
  .meta({
    id: "SourceInput",
    // The refine above, for JSON Schema and OpenAPI readers: at least one of the two.
    anyOf: [{ required: ["id"] }, { required: ["contentHash"] }],
    description:
      "A source text by its hash, or the (first stored) source a record was read from by the record's id.",
  });

export const sourceViewSchema = z
  .strictObject({
    source: sourceTextSchema,
    record: z.strictObject({ id: idSchema, kind: z.string(), label: z.string() }).nullable(),
    provenance: provenanceSchema
      .nullable()
      .describe("The record's provenance from this source: field spans into `source.text`."),
  })
  .meta({
    id: "SourceView",
    description: "A normalised source text with the provenance of one record over it.",
  });

export const relatedInputSchema = z
  .strictObject({ id: documentIdSchema, limit: z.int().min(1).max(100).default(20) })
  .meta({ id: "RelatedInput" });

export const timelineInputSchema = z
  .strictObject({
    query: searchQuerySchema.default(searchQuerySchema.parse({})),
    bucket: z.enum(["month", "year"]).default("year"),
  })
  .prefault({})
  .meta({ id: "TimelineInput" });

export const citationFormatSchema = z
  .enum(["bibtex", "ris", "csl-json", "apa"])
  .meta({ id: "CitationFormat" });
export type CitationFormat = z.infer<typeof citationFormatSchema>;

export const citeInputSchema = z
  .strictObject({ id: documentIdSchema, format: citationFormatSchema.default("bibtex") })
  .meta({ id: "CiteInput" });

export const citationSchema = z
  .strictObject({
    id: documentIdSchema,
    format: citationFormatSchema,
    mediaType: z.string(),
    text: z.string(),
  })
  .meta({ id: "Citation", description: "A document's reference in one citation format, as text." });

export const exportFormatSchema = z.enum(["ndjson", "csv"]).meta({ id: "ExportFormat" });
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const exportInputSchema = z
  .strictObject({
    query: searchQuerySchema.default(searchQuerySchema.parse({})),
    format: exportFormatSchema.default("ndjson"),
    /** Stops after this many documents; the whole library when the query is empty and no filter is set. */
    max: z.int().min(1).max(1_000_000).default(100_000),
  })
  .prefault({})
  .meta({ id: "ExportInput" });

export const entityListInputSchema = z
  .strictObject({
    prefix: z.string().max(MAX_PREFIX_LENGTH).optional(),
    limit: z.int().min(1).max(200).default(50),
    cursor: z.string().max(500).optional(),
    sort: z.enum(["name", "count"]).default("count"),
  })
  .prefault({})
  .meta({ id: "EntityListInput" });

export const entityListSchema = z
  .strictObject({ items: z.array(entityListItemSchema), nextCursor: z.string().nullable() })
  .meta({ id: "EntityList" });

export const possibleDuplicatesInputSchema = z
  .strictObject({
    limit: z.int().min(1).max(200).default(50),
    cursor: z.string().max(500).optional(),
  })
  .prefault({})
  .meta({ id: "PossibleDuplicatesInput" });

export const possibleDuplicatesSchema = z
  .strictObject({
    groups: z
      .array(z.array(entityListItemSchema).min(2))
      .describe("Each group: people who may be one, the most documented first. Nothing is merged."),
    total: z.int().min(0).describe("How many groups the whole library has."),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "PossibleDuplicates" });

export const autocompleteInputSchema = z
  .strictObject({
    prefix: z.string().min(1).max(MAX_PREFIX_LENGTH),
    limit: z.int().min(1).max(50).default(10),
  })
  .meta({ id: "AutocompleteInput" });

export const getManyInputSchema = z
  .strictObject({ ids: z.array(idSchema).min(1).max(MAX_BATCH_IDS) })
  .meta({ id: "GetManyInput", description: `At most ${MAX_BATCH_IDS} ids.` });

export const getManyOutputSchema = z
  .strictObject({ records: z.array(recordSchema), missing: z.array(idSchema) })
  .meta({
    id: "GetManyOutput",
    description: "The records found, in the order asked, and the ids not in the library.",
  });

export const ingestInputSchema = z
  .strictObject({
    records: z.array(z.unknown()).min(1).max(MAX_INGEST_RECORDS).optional(),
    file: z
      .strictObject({
        name: z.string().min(1).max(255),
        content: z.string().max(MAX_INGEST_FILE_CHARACTERS),
      })
      .optional(),
  })
  .superRefine((input, context) => {
    if (input.records === undefined && input.file === undefined) {
      context.addIssue({
        code: "custom",
        message: 'send "records" (an array of records) or "file" ({ name, content }): the input has neither',
      });
    } else if (input.records !== undefined && input.file !== undefined) {
      context.addIssue({
        code: "custom",
        path: ["file"],
        message: 'send "records" or "file", not both: ingest them in two calls',
      });
    }
  })
  .meta({
    id: "IngestInput",
    // The check above, for JSON Schema and OpenAPI readers: exactly one of the two.
    oneOf: [{ required: ["records"] }, { required: ["file"] }],
    description: `Records in the schema's shape (at most ${MAX_INGEST_RECORDS}), or one file's text (.txt, .html, .json, .ndjson) with its name.`,
  });

export const ingestProblemSchema = z
  .strictObject({
    file: z.string(),
    line: z.int().optional(),
    path: z.string().optional(),
    message: z.string(),
  })
  .meta({ id: "IngestProblem" });

export const ingestResultSchema = z
  .strictObject({
    added: z.int(),
    updated: z.int(),
    unchanged: z.int(),
    /** Entities folded into the entity that names them as an alias (the store's decision 0025). */
    merged: z.array(z.strictObject({ into: idSchema, from: idSchema })),
    recordIds: z.array(idSchema),
    errors: z.array(ingestProblemSchema),
    warnings: z.array(ingestProblemSchema),
  })
  .meta({ id: "IngestResult" });

export const deleteInputSchema = z
  .strictObject({ ids: z.array(idSchema).min(1).max(MAX_INGEST_RECORDS) })
  .meta({ id: "DeleteInput" });

export const mergeInputSchema = z
  .strictObject({
    into: idSchema,
    from: idSchema,
    force: z
      .boolean()
      .default(false)
      .describe("Merge even when the two names share no word (refused otherwise: a merge sticks)."),
  })
  .refine((input) => input.into !== input.from, {
    message: "cannot merge an entity into itself",
    path: ["from"],
  })
  .meta({ id: "MergeInput", description: "Fold entity `from` into `into` (same kind)." });

export const auditInputSchema = z
  .strictObject({ limit: z.int().min(1).max(500).default(50), before: z.int().min(1).optional() })
  .prefault({})
  .meta({ id: "AuditInput" });

export const auditEntrySchema = z
  .strictObject({
    id: z.int(),
    at: z.string(),
    action: z.enum(["ingest", "delete", "merge"]),
    actor: z.string(),
    summary: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "AuditEntry" });

export { documentKindSchema };
