import { describeApiFailure } from "@/lib/load";
import { parseSearchState } from "@/lib/parse-search-state";
import { toRestExportParams } from "@/lib/search-params";
import { environment } from "@/env";

export const dynamic = "force-dynamic";

/**
 * The documents a search URL matches, as a CSV or NDJSON download: the API's streamed REST export,
 * passed through as it arrives (a large library is never held in the web server's memory).
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const raw: Record<string, string[]> = {};
  for (const key of new Set(url.searchParams.keys())) raw[key] = url.searchParams.getAll(key);
  const format = url.searchParams.get("format") === "csv" ? "csv" : "ndjson";
  const { apiUrl } = environment();
  const upstream = `${apiUrl}/api/v1/documents/export?${toRestExportParams(parseSearchState(raw), format)}`;
  let response: Response;
  try {
    response = await fetch(upstream, { signal: request.signal });
  } catch (error) {
    return plain(502, describeApiFailure(error, apiUrl).message);
  }
  if (!response.ok || !response.body) {
    // The API's error body names the problem (a bad filter, a limit); a reader gets its message.
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    return plain(
      response.status >= 500 ? 502 : response.status,
      `The export could not be made: ${body?.error?.message ?? `the API answered ${response.status}`}.`,
    );
  }
  return new Response(response.body, {
    headers: {
      "content-type": response.headers.get("content-type") ?? "application/octet-stream",
      "content-disposition": `attachment; filename="corpus-search.${format}"`,
    },
  });
}

function plain(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}
