import type { ServerResponse } from "node:http";
import {
  type AppRouter,
  appRouter,
  type Context,
  exportInputSchema,
  exportMediaTypes,
  exportSearch,
} from "@corpus/api";
import { callTRPCProcedure, getTRPCErrorShape, TRPCError } from "@trpc/server";
import { toTrpcError } from "./to-trpc-error.js";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { decodePathSegment } from "./decode.js";
import { HttpError } from "./http-error.js";
import { type RestRoute, restRoutes, UnknownParameterError } from "./rest-routes.js";

interface CompiledRoute {
  route: RestRoute;
  segments: string[];
}

const compiled: CompiledRoute[] = restRoutes.map((route) => ({ route, segments: route.pattern.split("/") }));

/** Finds the route for the segments after /api/v1; literal segments win over parameters. */
export function matchRestRoute(
  segments: readonly string[],
): { route: RestRoute; params: Record<string, string> } | undefined {
  let best: { route: RestRoute; params: Record<string, string>; literals: number } | undefined;
  for (const candidate of compiled) {
    if (candidate.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    let matches = true;
    for (let index = 0; index < segments.length; index++) {
      const expected = candidate.segments[index] as string;
      const actual = segments[index] as string;
      if (expected.startsWith("{")) params[expected.slice(1, -1)] = actual;
      else if (expected === actual) literals++;
      else {
        matches = false;
        break;
      }
    }
    if (matches && (!best || literals > best.literals)) best = { route: candidate.route, params, literals };
  }
  return best;
}

export function sendRestError(
  response: ServerResponse,
  error: TRPCError,
  context: Context,
  path?: string,
  headers: Record<string, string> = {},
) {
  const shape = getTRPCErrorShape({
    config: appRouter._def._config,
    error,
    type: "query",
    path,
    input: undefined,
    ctx: context,
  });
  const body = {
    error: {
      code: shape.data.code,
      message: shape.message,
      ...(shape.data.issues ? { issues: shape.data.issues } : {}),
    },
  };
  response.writeHead(getHTTPStatusCodeFromError(error), { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

export interface RestHandlerOptions {
  response: ServerResponse;
  route: RestRoute;
  params: Record<string, string>;
  search: URLSearchParams;
  /** A HEAD request: the status and headers of the GET, and no body. */
  head?: boolean;
  context: Context;
  onError(error: TRPCError, path: string | undefined): void;
}

export async function handleRest(options: RestHandlerOptions): Promise<void> {
  const { response, route, context } = options;
  try {
    let input: unknown;
    try {
      const params: Record<string, string> = {};
      for (const [name, value] of Object.entries(options.params)) params[name] = decodePathSegment(value);
      input = route.toInput(params, options.search);
    } catch (error) {
      if (error instanceof UnknownParameterError || error instanceof HttpError) {
        throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
      }
      throw error;
    }
    if (route.output === "stream") return await streamExport(response, input, context, options.head);
    const data = await callTRPCProcedure({
      router: appRouter as AppRouter,
      path: route.procedure,
      getRawInput: async () => input,
      ctx: context,
      type: "query",
      signal: undefined,
      batchIndex: 0,
    });
    const text = JSON.stringify(data);
    response.writeHead(200, { "content-type": "application/json" });
    response.end(text);
  } catch (cause) {
    const error = toTrpcError(cause);
    options.onError(error, route.procedure);
    if (response.headersSent) response.destroy();
    else sendRestError(response, error, context, route.procedure);
  }
}

/** Writes the export as it is produced, waiting for the client to drain, stopping if it leaves. */
async function streamExport(
  response: ServerResponse,
  rawInput: unknown,
  context: Context,
  head = false,
): Promise<void> {
  const parsed = exportInputSchema.safeParse(rawInput);
  if (!parsed.success)
    throw new TRPCError({ code: "BAD_REQUEST", message: "Invalid input", cause: parsed.error });
  const input = parsed.data;
  const chunks = exportSearch(context.store, input.query, input.format, input.max);
  // The first chunk is awaited before the headers go out, so a store failure is still a clean 500.
  const first = await chunks.next();
  response.writeHead(200, {
    "content-type": exportMediaTypes[input.format],
    "content-disposition": `attachment; filename="corpus-export.${input.format}"`,
  });
  if (first.done) return void response.end();
  if (head) {
    // A HEAD has had its answer; going on would run the whole export for a body never sent.
    await chunks.return(undefined);
    return void response.end();
  }
  let closed = false;
  response.once("close", () => {
    closed = true;
  });
  if (!response.write(first.value)) await drainedOrClosed(response);
  for await (const chunk of chunks) {
    if (closed) return;
    if (!response.write(chunk)) await drainedOrClosed(response);
  }
  if (!closed) response.end();
}

/**
 * Resolves when a slow client has taken what was written, or has gone. Both listeners are removed
 * either way: racing two `events.once` left a "close" and an "error" listener behind at every
 * pause of a long export (Node's MaxListenersExceededWarning after ten).
 */
function drainedOrClosed(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off("drain", done);
      response.off("close", done);
      resolve();
    };
    response.on("drain", done);
    response.on("close", done);
  });
}
