import {
  entityListItemSchema,
  entityViewSchema,
  organizationIdSchema,
  personIdSchema,
  regionIdSchema,
  topicIdSchema,
} from "@corpus/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import * as z from "zod";
import {
  autocompleteInputSchema,
  entityListInputSchema,
  entityListSchema,
  getManyInputSchema,
  getManyOutputSchema,
  possibleDuplicatesInputSchema,
  possibleDuplicatesSchema,
} from "../schemas.js";
import { notFound, pagedProcedure, publicProcedure } from "../trpc.js";

type EntityKind = "person" | "organization" | "topic" | "region";

/** list + get for one entity kind: the four entity routers differ only in kind and id shape. */
function createEntityRouter(kind: EntityKind, idSchema: z.ZodType<string>) {
  return {
    list: pagedProcedure
      .input(entityListInputSchema)
      .output(entityListSchema)
      .query(({ ctx, input }) =>
        ctx.store.listEntities({
          kind,
          limit: input.limit,
          sort: input.sort,
          ...(input.prefix ? { prefix: input.prefix } : {}),
          ...(input.cursor ? { cursor: input.cursor } : {}),
        }),
      ),
    get: publicProcedure
      .input(z.strictObject({ id: idSchema }))
      .output(entityViewSchema)
      .query(async ({ ctx, input }) => {
        const view = await ctx.store.entity(input.id);
        if (!view || view.entity.kind !== kind) throw notFound(kind, input.id);
        return view;
      }),
  } satisfies TRPCRouterRecord;
}

export const peopleRouter = {
  ...createEntityRouter("person", personIdSchema),
  /** People who may be one person written two ways (decision 0013), for a curator to merge or not. */
  duplicates: pagedProcedure
    .input(possibleDuplicatesInputSchema)
    .output(possibleDuplicatesSchema)
    .query(({ ctx, input }) =>
      ctx.store.possibleDuplicates({ limit: input.limit, ...(input.cursor ? { cursor: input.cursor } : {}) }),
    ),
} satisfies TRPCRouterRecord;
export const organizationsRouter = createEntityRouter("organization", organizationIdSchema);
export const topicsRouter = createEntityRouter("topic", topicIdSchema);
export const regionsRouter = createEntityRouter("region", regionIdSchema);

export const entitiesRouter = {
  autocomplete: publicProcedure
    .input(autocompleteInputSchema)
    .output(z.array(entityListItemSchema))
    .query(({ ctx, input }) => ctx.store.autocomplete(input.prefix, input.limit)),

  getMany: publicProcedure
    .input(getManyInputSchema)
    .output(getManyOutputSchema)
    .query(async ({ ctx, input }) => {
      const found = await ctx.store.getMany(input.ids);
      const byId = new Map(found.map((record) => [record.id, record]));
      const records = input.ids.flatMap((id) => byId.get(id) ?? []);
      const missing = input.ids.filter((id) => !byId.has(id));
      return { records, missing };
    }),
} satisfies TRPCRouterRecord;
