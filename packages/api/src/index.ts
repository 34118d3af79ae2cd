/**
 * @corpus/api: the tRPC router of a Corpus library, with no HTTP. apps/server hosts it; the web
 * app and the TUI import its types (`AppRouter`, `RouterInputs`, `RouterOutputs`) to call it.
 */
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { type AppRouter, appRouter } from "./root.js";
import { createCallerFactory } from "./trpc.js";

export { appRouter, type AppRouter };
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** `createCaller(createContextInner({ store }))` calls procedures directly, without HTTP. */
export const createCaller = createCallerFactory(appRouter);

export {
  type Auth,
  anonymousAuth,
  type Context,
  type ContextInnerOptions,
  createContextInner,
} from "./context.js";
export { cite, toCsl, type CslItem, warmUpCitations } from "./cite.js";
export { CSV_COLUMNS, csvCell, csvRow, exportMediaTypes, exportSearch } from "./export.js";
export type { IngestOutcome, IngestPipeline, IngestProblem } from "./ingest-pipeline.js";
export * from "./schemas.js";
export { INTERNAL_ERROR_MESSAGE } from "./trpc.js";
