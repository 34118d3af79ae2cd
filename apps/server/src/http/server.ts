import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  createContextInner,
  INTERNAL_ERROR_MESSAGE,
  type IngestPipeline,
  warmUpCitations,
} from "@corpus/api";
import type { Store } from "@corpus/store";
import { TRPCError } from "@trpc/server";
import { createAuthenticator, hasCredentialInQuery } from "./auth.js";
import { readBody } from "./body.js";
import { applyCors, DEFAULT_CORS_ORIGINS } from "./cors.js";
import { HttpError } from "./http-error.js";
import type { Logger } from "./logger.js";
import { createOpenApiDocument } from "./openapi.js";
import { createRateLimiter, type RateLimitOptions } from "./rate-limit.js";
import { handleRest, matchRestRoute, sendRestError } from "./rest-handler.js";
import { handleTrpc, sendTrpcError } from "./trpc-handler.js";

export interface ApiServerOptions {
  store: Store;
  logger: Logger;
  /** From CORPUS_ADMIN_TOKEN. Unset: writes are off. */
  adminToken?: string | undefined;
  corsOrigins?: readonly string[];
  /** Largest request body accepted (413 above). Default 12 MiB: one 10 MB page plus JSON quoting. */
  maxBodyBytes?: number;
  /** Per client address; `false` turns rate limiting off (benchmarks). */
  rateLimit?: RateLimitOptions | false;
  /** How long in-flight requests get to finish on shutdown before their connections are cut. */
  shutdownDeadlineMs?: number;
  ingest?: IngestPipeline;
}

export const DEFAULT_MAX_BODY_BYTES = 12 * 1024 * 1024;
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perSecond: 200, burst: 400 };
const MAX_URL_LENGTH = 8 * 1024;

export interface ApiServer {
  server: Server;
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops accepting, lets in-flight requests finish within the deadline, then closes the store. */
  close(): Promise<void>;
}

const REQUEST_ID = /^[\w.:-]{1,64}$/;

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

const errorCodes: Record<number, TRPCError["code"]> = {
  400: "BAD_REQUEST",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "METHOD_NOT_SUPPORTED",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "TOO_MANY_REQUESTS",
  500: "INTERNAL_SERVER_ERROR",
};

export function createApiServer(options: ApiServerOptions): ApiServer {
  const { store, logger } = options;
  const authenticate = createAuthenticator(options.adminToken);
  const allowlist = new Set(options.corsOrigins ?? DEFAULT_CORS_ORIGINS);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const rateLimit =
    options.rateLimit === false ? undefined : createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const shutdownDeadlineMs = options.shutdownDeadlineMs ?? 10_000;
  let openApiText: string | undefined;
  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | undefined;

  function logError(error: TRPCError, path: string | undefined, requestId: string) {
    if (error.code === "INTERNAL_SERVER_ERROR") {
      const cause = error.cause ?? error;
      logger.error({ requestId, path, err: cause }, "procedure failed");
    }
  }

  async function route(request: IncomingMessage, response: ServerResponse, requestId: string): Promise<void> {
    const url = request.url ?? "/";
    const questionMark = url.indexOf("?");
    const pathname = questionMark === -1 ? url : url.slice(0, questionMark);
    const search = new URLSearchParams(questionMark === -1 ? "" : url.slice(questionMark + 1));
    const isTrpc = pathname.startsWith("/trpc/");
    // The citation engine is built in the server's first quiet moment (including after its
    // readiness probe), not on the first citation's request (warmUpCitations).
    void warmUpCitations();
    const context = createContextInner({
      store,
      auth: authenticate(request.headers.authorization),
      ...(options.ingest ? { ingest: options.ingest } : {}),
    });
    const fail = (error: HttpError) => {
      const trpcError = new TRPCError({
        code: errorCodes[error.status] ?? "BAD_REQUEST",
        message: error.message,
      });
      if (isTrpc) sendTrpcError(response, trpcError, context, error.headers);
      else sendRestError(response, trpcError, context, undefined, error.headers);
    };

    try {
      if (pathname === "/healthz") return sendJson(response, 200, { status: "ok" });
      if (pathname === "/readyz") {
        if (draining) return sendJson(response, 503, { status: "shutting down" });
        try {
          await store.get("doc:readiness-probe");
        } catch (error) {
          logger.warn({ requestId, err: error }, "readiness probe failed");
          return sendJson(response, 503, {
            status: "unavailable",
            message: "The library's database is not answering.",
          });
        }
        return sendJson(response, 200, { status: "ready", engine: store.engine });
      }
      const cors = applyCors(request, response, allowlist);
      if (request.method === "OPTIONS") {
        response.writeHead(cors === "allowed" ? 204 : 403);
        return void response.end();
      }
      if (cors === "refused" && request.method !== "GET" && request.method !== "HEAD") {
        throw new HttpError(
          403,
          "FORBIDDEN",
          `Origin "${request.headers.origin}" may not call this API. Add it with --cors-origin.`,
        );
      }
      if (url.length > MAX_URL_LENGTH) {
        throw new HttpError(
          400,
          "BAD_REQUEST",
          `The URL is longer than ${MAX_URL_LENGTH} characters; shorten the query.`,
        );
      }
      if (hasCredentialInQuery(search)) {
        throw new HttpError(
          400,
          "BAD_REQUEST",
          "Tokens are never accepted in URLs: send 'Authorization: Bearer <token>' instead.",
        );
      }
      if (rateLimit) {
        const wait = rateLimit.take(request.socket.remoteAddress ?? "unknown");
        if (wait > 0) {
          throw new HttpError(
            429,
            "TOO_MANY_REQUESTS",
            `Too many requests from this client; retry in ${wait} s.`,
            {
              "retry-after": String(wait),
            },
          );
        }
      }

      if (isTrpc) {
        let body: string | undefined;
        if (request.method === "POST") {
          const contentType = request.headers["content-type"] ?? "";
          if (!/^application\/json\b/i.test(contentType)) {
            throw new HttpError(
              415,
              "UNSUPPORTED_MEDIA_TYPE",
              "Mutations accept JSON only: send 'Content-Type: application/json'.",
            );
          }
          body = await readBody(request, maxBodyBytes);
        } else if (request.method !== "GET") {
          throw new HttpError(
            405,
            "METHOD_NOT_SUPPORTED",
            "tRPC takes GET for queries and POST for mutations.",
            { allow: "GET, POST" },
          );
        }
        return await handleTrpc({
          request,
          response,
          procedurePath: pathname.slice(6),
          search,
          body,
          context,
          onError: (error, path) => logError(error, path, requestId),
        });
      }
      if (pathname.startsWith("/api/v1/")) {
        // HEAD is GET without the body (Node leaves it out): what clients use to check a
        // download's headers or that a record exists before fetching it.
        const head = request.method === "HEAD";
        if (request.method !== "GET" && !head)
          throw new HttpError(405, "METHOD_NOT_SUPPORTED", "The REST face is read-only: use GET.", {
            allow: "GET, HEAD",
          });
        const match = matchRestRoute(pathname.slice(8).split("/"));
        if (!match) {
          // Clients that build URLs by joining parts often leave a slash at the end.
          const trimmed = pathname.replace(/\/+$/, "");
          const hint =
            trimmed !== pathname && matchRestRoute(trimmed.slice(8).split("/"))
              ? ` Without the slash at the end, ${trimmed} is one.`
              : "";
          throw new HttpError(
            404,
            "NOT_FOUND",
            `No route ${pathname}.${hint} The routes are listed in /api/openapi.json.`,
          );
        }
        return await handleRest({
          response,
          route: match.route,
          params: match.params,
          search,
          head,
          context,
          onError: (error, path) => logError(error, path, requestId),
        });
      }
      if (pathname === "/api/openapi.json") {
        openApiText ??= JSON.stringify(createOpenApiDocument());
        response.writeHead(200, { "content-type": "application/json" });
        return void response.end(openApiText);
      }
      throw new HttpError(
        404,
        "NOT_FOUND",
        `Nothing at ${pathname}. The API is at /trpc and /api/v1 (see /api/openapi.json).`,
      );
    } catch (error) {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      if (error instanceof HttpError) return fail(error);
      logger.error({ requestId, err: error }, "request failed");
      fail(new HttpError(500, "INTERNAL_SERVER_ERROR", INTERNAL_ERROR_MESSAGE));
    }
  }

  const server = createServer({ keepAliveTimeout: 5_000 }, (request, response) => {
    const started = performance.now();
    const given = request.headers["x-request-id"];
    const requestId = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    response.setHeader("x-request-id", requestId);
    response.setHeader("x-content-type-options", "nosniff");
    if (draining) response.setHeader("connection", "close");
    inFlight++;
    response.once("close", () => {
      inFlight--;
      const url = request.url ?? "";
      const questionMark = url.indexOf("?");
      logger.info(
        {
          requestId,
          method: request.method,
          path: questionMark === -1 ? url : url.slice(0, questionMark),
          status: response.statusCode,
          ms: Math.round((performance.now() - started) * 100) / 100,
        },
        "request",
      );
      if (inFlight === 0) idle?.();
    });
    route(request, response, requestId).catch((error: unknown) => {
      logger.error({ requestId, err: error }, "request handler crashed");
      if (!response.headersSent)
        sendJson(response, 500, { error: { code: "INTERNAL_SERVER_ERROR", message: "Internal error." } });
      else response.destroy();
    });
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;

  let closing: Promise<void> | undefined;
  return {
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve(server.address() as AddressInfo);
        });
      });
    },
    close() {
      closing ??= (async () => {
        draining = true;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        if (inFlight > 0) {
          const finished = new Promise<void>((resolve) => {
            idle = resolve;
          });
          let timer: NodeJS.Timeout | undefined;
          const deadline = new Promise<void>((resolve) => {
            timer = setTimeout(resolve, shutdownDeadlineMs);
          });
          await Promise.race([finished, deadline]);
          clearTimeout(timer);
          if (inFlight > 0)
            logger.warn({ inFlight }, "shutdown deadline passed; closing remaining connections");
        }
        server.closeAllConnections();
        await closed;
        rateLimit?.close();
        await store.close();
      })();
      return closing;
    },
  };
}
