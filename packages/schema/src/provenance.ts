import * as z from "zod";

/** A half-open range [start, end) of UTF-16 code units in a normalised source text. */
export const spanSchema = z
  .strictObject({
    start: z.int().min(0),
    end: z.int().min(0),
  })
  .refine((span) => span.end >= span.start, {
    message: "a span must not end before it starts",
    path: ["end"],
  })
  .meta({
    id: "Span",
    description: "A half-open range [start, end) of UTF-16 code units in the normalised source text.",
  });

export type Span = z.infer<typeof spanSchema>;

export const mediaTypeSchema = z
  .enum(["text/plain", "text/html", "application/json", "application/x-ndjson"])
  .meta({ id: "MediaType", description: "The kind of input a record was read from." });

export type MediaType = z.infer<typeof mediaTypeSchema>;

/** sha256 of the raw input bytes, lowercase hex. */
export const contentHashSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, "expected a sha256: 64 lowercase hex characters (0-9, a-f)")
  .meta({ id: "ContentHash", description: "sha256 of the input bytes, 64 lowercase hex characters." });

export const provenanceSchema = z
  .strictObject({
    input: z.strictObject({
      path: z.string().min(1).optional().describe("Where the input was read from, as given to the parser."),
      contentHash: contentHashSchema,
      mediaType: mediaTypeSchema,
    }),
    parser: z.strictObject({
      name: z.string().min(1),
      version: z.string().min(1),
    }),
    parsedAt: z.iso.datetime({ offset: true }),
    /**
     * Field path ("title", "people[2].title", "regions[0]") to the spans of the normalised
     * source text that support it. A field with no entry was not read from text (e.g. JSON input).
     */
    fields: z.record(z.string(), z.array(spanSchema)),
  })
  .meta({
    id: "Provenance",
    description:
      "Which input and parser produced a record, and for each extracted field the character spans of the normalised source text that support it.",
  });

export type Provenance = z.infer<typeof provenanceSchema>;

/** The normalised text a parser read, kept so that provenance spans can be shown in context. */
export const sourceTextSchema = z
  .strictObject({
    contentHash: contentHashSchema,
    mediaType: mediaTypeSchema,
    path: z.string().min(1).optional(),
    text: z.string(),
  })
  .meta({
    id: "SourceText",
    description: "The normalised text of one input; provenance spans index into `text`.",
  });

export type SourceText = z.infer<typeof sourceTextSchema>;
