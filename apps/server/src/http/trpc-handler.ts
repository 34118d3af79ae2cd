import type { IncomingMessage, ServerResponse } from "node:http";
import { type AppRouter, appRouter, type Context } from "@corpus/api";
import { callTRPCProcedure, getTRPCErrorShape, TRPCError } from "@trpc/server";
import { getHTTPStatusCode, getHTTPStatusCodeFromError } from "@trpc/server/http";
import { nodeHTTPRequestHandler } from "@trpc/server/adapters/node-http";
import { toTrpcError } from "./to-trpc-error.js";

/**
 * The tRPC wire protocol (v11, no transformer) answered directly: `GET /trpc/a.b?input=...`,
 * `?batch=1` with several paths, and POST mutations. tRPC's own node adapter converts every
 * request into a Fetch Request and back, which capped this machine at about 2,000 req/s; the
 * procedures, their validation and the error formatter are the same either way. Streaming
 * (`trpc-accept: application/jsonl`) still goes through tRPC's adapter.
 */
export const MAX_BATCH_CALLS = 20;

type ProcedureType = "query" | "mutation";

export interface TrpcCall {
  path: string;
  input: unknown;
}

export interface TrpcHandlerOptions {
  request: IncomingMessage;
  response: ServerResponse;
  /** The part of the path after "/trpc/". */
  procedurePath: string;
  search: URLSearchParams;
  /** The request body (POST), already read within the size limit. */
  body: string | undefined;
  context: Context;
  onError(error: TRPCError, path: string | undefined): void;
}

const procedureTypes = new Map<string, ProcedureType | "subscription">(
  Object.entries(appRouter._def.procedures).map(([path, procedure]) => [
    path,
    (procedure as unknown as { _def: { type: ProcedureType | "subscription" } })._def.type,
  ]),
);

/** Procedures whose result is a stream: only tRPC's streaming adapter can carry them. */
const streamingProcedures = new Set(["documents.export"]);

export function procedureType(path: string): ProcedureType | "subscription" | undefined {
  return procedureTypes.get(path);
}

export function wantsStreaming(request: IncomingMessage, paths: readonly string[]): boolean {
  return (
    request.headers["trpc-accept"] === "application/jsonl" ||
    paths.some((path) => streamingProcedures.has(path))
  );
}

function decodeProcedurePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "The procedure path has a malformed percent-escape.",
    });
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new TRPCError({ code: "PARSE_ERROR", message: `${what} is not valid JSON.` });
  }
}

/** Reads the calls a request asks for, in the shapes httpLink and httpBatchLink send. */
export function parseCalls(
  procedurePath: string,
  search: URLSearchParams,
  body: string | undefined,
): TrpcCall[] {
  const isBatch = search.get("batch") === "1";
  const paths = isBatch ? procedurePath.split(",") : [procedurePath];
  if (paths.length > MAX_BATCH_CALLS) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `A batch may hold at most ${MAX_BATCH_CALLS} calls; this one has ${paths.length}.`,
    });
  }
  const rawInput = body !== undefined && body !== "" ? body : search.get("input");
  const where = body !== undefined && body !== "" ? "The request body" : 'The "input" query parameter';
  const input = rawInput === null || rawInput === undefined ? undefined : parseJson(rawInput, where);
  if (!isBatch) return [{ path: decodeProcedurePath(procedurePath), input }];
  if (input !== undefined && (typeof input !== "object" || input === null || Array.isArray(input))) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `${where} of a batch must be an object keyed by call index.`,
    });
  }
  const inputs = (input ?? {}) as Record<string, unknown>;
  return paths.map((path, index) => ({ path: decodeProcedurePath(path), input: inputs[String(index)] }));
}

function errorEnvelope(
  error: TRPCError,
  type: ProcedureType,
  path: string | undefined,
  input: unknown,
  context: Context,
) {
  return {
    error: getTRPCErrorShape({ config: appRouter._def._config, error, type, path, input, ctx: context }),
  };
}

/** Writes a whole-request failure (bad batch, body too large...) in tRPC's error envelope. */
export function sendTrpcError(
  response: ServerResponse,
  error: TRPCError,
  context: Context,
  headers: Record<string, string> = {},
) {
  const body = JSON.stringify(errorEnvelope(error, "query", undefined, undefined, context));
  response.writeHead(getHTTPStatusCodeFromError(error), { "content-type": "application/json", ...headers });
  response.end(body);
}

async function runCall(
  call: TrpcCall,
  type: ProcedureType,
  options: TrpcHandlerOptions,
): Promise<{ result: { data: unknown } } | ReturnType<typeof errorEnvelope>> {
  try {
    const known = procedureTypes.get(call.path);
    if (known === undefined) {
      throw new TRPCError({
        code: "NOT_FOUND",
        message: `No procedure "${call.path}". See /api/openapi.json for the REST face.`,
      });
    }
    if (known !== type) {
      throw new TRPCError({
        code: "METHOD_NOT_SUPPORTED",
        message: `"${call.path}" is a ${known}: call it with ${known === "mutation" ? "POST" : "GET"}.`,
      });
    }
    const data = await callTRPCProcedure({
      router: appRouter as AppRouter,
      path: call.path,
      getRawInput: async () => call.input,
      ctx: options.context,
      type,
      signal: undefined,
      batchIndex: 0,
    });
    return { result: { data } };
  } catch (cause) {
    const error = toTrpcError(cause);
    options.onError(error, call.path);
    return errorEnvelope(error, type, call.path, call.input, options.context);
  }
}

export async function handleTrpc(options: TrpcHandlerOptions): Promise<void> {
  const { request, response, context } = options;
  const type: ProcedureType = request.method === "POST" ? "mutation" : "query";
  let calls: TrpcCall[];
  try {
    calls = parseCalls(options.procedurePath, options.search, options.body);
  } catch (cause) {
    const error = toTrpcError(cause);
    return sendTrpcError(response, error, context);
  }
  if (
    wantsStreaming(
      request,
      calls.map((call) => call.path),
    )
  ) {
    return streamThroughTrpcAdapter(options);
  }
  const isBatch = options.search.get("batch") === "1";
  const results = await Promise.all(calls.map((call) => runCall(call, type, options)));
  const payload = isBatch ? results : results[0];
  const status = getHTTPStatusCode(payload as Parameters<typeof getHTTPStatusCode>[0]);
  const text = JSON.stringify(payload);
  response.writeHead(status, { "content-type": "application/json" });
  response.end(text);
}

function streamThroughTrpcAdapter(options: TrpcHandlerOptions): Promise<void> {
  const { request, response, context } = options;
  if (options.body !== undefined) (request as IncomingMessage & { body?: string }).body = options.body;
  return nodeHTTPRequestHandler({
    router: appRouter,
    req: request,
    res: response,
    path: options.procedurePath,
    createContext: () => context,
    onError: ({ error, path }) => options.onError(error, path),
  });
}
