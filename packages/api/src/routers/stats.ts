import { statsSchema } from "@corpus/schema";
import type { TRPCRouterRecord } from "@trpc/server";
import { publicProcedure } from "../trpc.js";

export const statsRouter = {
  overview: publicProcedure.output(statsSchema).query(({ ctx }) => ctx.store.stats()),
} satisfies TRPCRouterRecord;
