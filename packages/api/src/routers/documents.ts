import {
  type CorpusRecord,
  type Document,
  isDocument,
  relatedDocumentSchema,
  searchQuerySchema,
  searchResultSchema,
  sectionHeadingSchema,
  sectionHeadingsInputSchema,
  timelineBucketSchema,
} from "@corpus/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import * as z from "zod";
import { cite } from "../cite.js";
import type { Context } from "../context.js";
import { exportSearch } from "../export.js";
import {
  citationSchema,
  citeInputSchema,
  documentByIdInputSchema,
  documentWithSourcesSchema,
  exportInputSchema,
  relatedInputSchema,
  sourceInputSchema,
  sourceViewSchema,
  timelineInputSchema,
} from "../schemas.js";
import { notFound, pagedProcedure, publicProcedure } from "../trpc.js";

export async function getDocument(context: Context, id: string): Promise<Document> {
  const record = await context.store.get(id);
  if (!record || !isDocument(record)) throw notFound("document", id);
  return record;
}

function recordLabel(record: CorpusRecord): string {
  return isDocument(record) ? record.title : record.name;
}

export const documentsRouter = {
  search: pagedProcedure
    .input(searchQuerySchema)
    .output(searchResultSchema)
    .query(({ ctx, input }) => ctx.store.search(input)),

  /** The headings a search can be scoped to (`scope: "section"`), most documented first. */
  sectionHeadings: publicProcedure
    .input(sectionHeadingsInputSchema)
    .output(z.array(sectionHeadingSchema))
    .query(({ ctx, input }) =>
      ctx.store.sectionHeadings({ limit: input.limit, ...(input.prefix ? { prefix: input.prefix } : {}) }),
    ),

  get: publicProcedure
    .input(documentByIdInputSchema)
    .output(documentWithSourcesSchema)
    .query(async ({ ctx, input }) => {
      const document = await getDocument(ctx, input.id);
      const sources = await Promise.all(
        document.provenance.map(async (provenance) => ({
          contentHash: provenance.input.contentHash,
          mediaType: provenance.input.mediaType,
          ...(provenance.input.path ? { path: provenance.input.path } : {}),
          parser: `${provenance.parser.name}@${provenance.parser.version}`,
          available: (await ctx.store.getSourceText(provenance.input.contentHash)) !== null,
        })),
      );
      return { document, sources };
    }),

  source: publicProcedure
    .input(sourceInputSchema)
    .output(sourceViewSchema)
    .query(async ({ ctx, input }) => {
      if (input.id === undefined) {
        const source = await ctx.store.getSourceText(input.contentHash as string);
        if (!source) throw notFound("source text", input.contentHash as string);
        return { source, record: null, provenance: null };
      }
      const record = await ctx.store.get(input.id);
      if (!record) throw notFound("record", input.id);
      const candidates = record.provenance.filter(
        (provenance) => input.contentHash === undefined || provenance.input.contentHash === input.contentHash,
      );
      for (const provenance of candidates) {
        const source = await ctx.store.getSourceText(provenance.input.contentHash);
        if (source) {
          return {
            source,
            record: { id: record.id, kind: record.kind, label: recordLabel(record) },
            provenance,
          };
        }
      }
      throw notFound("stored source text for record", input.id);
    }),

  related: publicProcedure
    .input(relatedInputSchema)
    .output(z.array(relatedDocumentSchema))
    .query(async ({ ctx, input }) => {
      await getDocument(ctx, input.id);
      return ctx.store.related(input.id, input.limit);
    }),

  timeline: pagedProcedure
    .input(timelineInputSchema)
    .output(z.array(timelineBucketSchema))
    .query(({ ctx, input }) => ctx.store.timeline(input.query, input.bucket)),

  cite: publicProcedure
    .input(citeInputSchema)
    .output(citationSchema)
    .query(async ({ ctx, input }) => {
      const document = await getDocument(ctx, input.id);
      return { id: document.id, format: input.format, ...cite(document, input.format) };
    }),

  /**
   * Streams the export as chunks of text (NDJSON lines or CSV rows). Over HTTP the server also
   * serves it as a plain download at /api/v1/documents/export, which is what browsers and
   * scripts want; through tRPC it needs httpBatchStreamLink.
   */
  export: pagedProcedure.input(exportInputSchema).query(async function* ({ ctx, input }) {
    yield* exportSearch(ctx.store, input.query, input.format, input.max);
  }),
} satisfies TRPCRouterRecord;
