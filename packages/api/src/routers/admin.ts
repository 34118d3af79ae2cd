import { isEntity, namesLookAlike, recordSchema } from "@corpus/schema";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import {
  auditEntrySchema,
  auditInputSchema,
  deleteInputSchema,
  ingestInputSchema,
  ingestResultSchema,
  mergeInputSchema,
} from "../schemas.js";
import { notFound, protectedProcedure } from "../trpc.js";
import * as z from "zod";

const encoder = new TextEncoder();

/** What admin.ingest hands the pipeline: the records as one JSON file, or the uploaded file. */
function uploadedFile(input: z.output<typeof ingestInputSchema>): {
  path: string;
  bytes: Uint8Array;
  label: string;
} {
  if (input.records !== undefined) {
    return {
      path: "records.json",
      bytes: encoder.encode(JSON.stringify(input.records)),
      label: "JSON records",
    };
  }
  if (input.file !== undefined) {
    return { path: input.file.name, bytes: encoder.encode(input.file.content), label: input.file.name };
  }
  // Unreachable: ingestInputSchema refuses an input with neither.
  throw new TRPCError({ code: "BAD_REQUEST", message: 'send "records" or "file"' });
}

export const adminRouter = {
  /** Records as JSON, or one file's text; bad records are reported by file and path, the rest are stored. */
  ingest: protectedProcedure
    .input(ingestInputSchema)
    .output(ingestResultSchema)
    .mutation(async ({ ctx, input }) => {
      const { label, ...file } = uploadedFile(input);
      const outcome = await ctx.ingest.prepare([file], ctx.store);
      const recordIds = outcome.batch.records.map((record) => record.id);
      const summary =
        recordIds.length > 0 ? await ctx.store.upsert(outcome.batch) : { added: 0, updated: 0, unchanged: 0 };
      await ctx.store.appendAudit({
        action: "ingest",
        actor: ctx.auth.actor,
        summary: `ingested ${recordIds.length} record(s) from ${label}: ${summary.added} added, ${summary.updated} updated, ${outcome.errors.length} error(s)`,
        details: { ...summary, recordIds: recordIds.slice(0, 100), errors: outcome.errors.length },
      });
      return {
        added: summary.added,
        updated: summary.updated,
        unchanged: summary.unchanged,
        merged: summary.merged ?? [],
        recordIds,
        errors: outcome.errors,
        warnings: outcome.warnings,
      };
    }),

  delete: protectedProcedure
    .input(deleteInputSchema)
    .output(z.strictObject({ deleted: z.int() }))
    .mutation(async ({ ctx, input }) => {
      const deleted = await ctx.store.delete(input.ids);
      await ctx.store.appendAudit({
        action: "delete",
        actor: ctx.auth.actor,
        summary: `deleted ${deleted} of ${input.ids.length} record(s)`,
        details: { ids: input.ids.slice(0, 100), deleted },
      });
      return { deleted };
    }),

  merge: protectedProcedure
    .input(mergeInputSchema)
    .output(recordSchema)
    .mutation(async ({ ctx, input }) => {
      const [into, from] = await Promise.all([ctx.store.get(input.into), ctx.store.get(input.from)]);
      if (!into) throw notFound("record", input.into);
      if (!from) throw notFound("record", input.from);
      if (!isEntity(into) || !isEntity(from) || into.kind !== from.kind) {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `Only two entities of the same kind can be merged: "${input.into}" is a ${into.kind}, "${input.from}" is a ${from.kind}.`,
        });
      }
      if (!input.force && !namesLookAlike(into, from)) {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `"${into.name}" (${input.into}) and "${from.name}" (${input.from}) share no word of their names: a merge sticks, so check both ids, and send force: true if they are one.`,
        });
      }
      const merged = await ctx.store.mergeEntities(input.into, input.from);
      await ctx.store.appendAudit({
        action: "merge",
        actor: ctx.auth.actor,
        summary: `merged ${input.from} into ${input.into}`,
        details: { into: input.into, from: input.from },
      });
      return merged;
    }),

  audit: protectedProcedure
    .input(auditInputSchema)
    .output(z.array(auditEntrySchema))
    .query(({ ctx, input }) =>
      ctx.store.listAudit({ limit: input.limit, ...(input.before ? { before: input.before } : {}) }),
    ),
} satisfies TRPCRouterRecord;
