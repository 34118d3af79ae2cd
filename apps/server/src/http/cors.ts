import type { IncomingMessage, ServerResponse } from "node:http";

/** The web app's origins, when it runs next to the API as `npm start` starts it. */
export const DEFAULT_CORS_ORIGINS = ["http://127.0.0.1:3000", "http://localhost:3000"];

const ALLOWED_HEADERS = "authorization, content-type, trpc-accept, x-request-id";

export type CorsVerdict = "no-origin" | "allowed" | "refused";

/**
 * Sets CORS headers for an allowlisted Origin. A request from any other origin gets no CORS
 * headers (so browsers keep its response from the page) and is refused outright when it could
 * change something or is a preflight.
 */
export function applyCors(
  request: IncomingMessage,
  response: ServerResponse,
  allowlist: ReadonlySet<string>,
): CorsVerdict {
  const origin = request.headers.origin;
  if (!origin) return "no-origin";
  if (!allowlist.has(origin)) return "refused";
  response.setHeader("access-control-allow-origin", origin);
  response.setHeader("vary", "Origin");
  response.setHeader("access-control-expose-headers", "x-request-id, retry-after");
  if (request.method === "OPTIONS") {
    response.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
    response.setHeader("access-control-allow-headers", ALLOWED_HEADERS);
    response.setHeader("access-control-max-age", "600");
  }
  return "allowed";
}
