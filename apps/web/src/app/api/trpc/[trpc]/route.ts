import { environment } from "@/env";

export const dynamic = "force-dynamic";

/**
 * Forwards the browser's tRPC queries to the API server, so the page only ever talks to its own
 * origin. Only queries (GET) pass: the web app never writes.
 */
export async function GET(request: Request, context: { params: Promise<{ trpc: string }> }) {
  const { trpc: procedurePath } = await context.params;
  const url = new URL(request.url);
  const target = `${environment().apiUrl}/trpc/${encodeURIComponent(procedurePath).replace(/%2C/g, ",")}${url.search}`;
  try {
    const response = await fetch(target, {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(10_000),
      cache: "no-store",
    });
    return new Response(response.body, {
      status: response.status,
      headers: { "content-type": response.headers.get("content-type") ?? "application/json" },
    });
  } catch {
    const message = `The library's API at ${environment().apiUrl} is not answering.`;
    return Response.json(
      { error: { message, code: -32603, data: { code: "INTERNAL_SERVER_ERROR", httpStatus: 502 } } },
      { status: 502 },
    );
  }
}
