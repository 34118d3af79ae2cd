import { describeApiFailure } from "@/lib/load";
import { parseSearchState } from "@/lib/parse-search-state";
import { EXPORT_MAX, toRestExportParams } from "@/lib/search-params";
import { environment } from "@/env";

export const dynamic = "force-dynamic";

// Each download holds an API export (up to EXPORT_MAX documents) open for as long as the reader
// takes. The API's per-client rate limit sees only this server's address, so the web app bounds
// how many run at once itself.
const MAX_RUNNING = 4;
// Until the API sends its headers (it does so once the search behind the export has run).
const HEADERS_TIMEOUT_MS = 15_000;
let running = 0;

/**
 * The documents a search URL matches, as a CSV or NDJSON download: the API's streamed REST export,
 * passed through as it arrives (a large library is never held in the web server's memory).
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const raw: Record<string, string[]> = {};
  for (const key of new Set(url.searchParams.keys())) raw[key] = url.searchParams.getAll(key);
  const asked = url.searchParams.get("format");
  // Without a format the download is NDJSON; a format it does not make is said so, not swapped for
  // NDJSON under a name the reader did not ask for.
  if (asked !== null && asked !== "csv" && asked !== "ndjson")
    return plain(400, `Unknown download format "${asked.slice(0, 40)}": use format=csv or format=ndjson.`);
  const format = asked === "csv" ? "csv" : "ndjson";
  if (running >= MAX_RUNNING)
    return plain(503, "Too many downloads are running at once. Try again in a minute.", {
      "retry-after": "60",
    });
  running++;
  let released = false;
  const release = () => {
    if (!released) {
      released = true;
      running--;
    }
  };
  const { apiUrl } = environment();
  const upstream = `${apiUrl}/api/v1/documents/export?${toRestExportParams(parseSearchState(raw), format, EXPORT_MAX)}`;
  const headersTimeout = new AbortController();
  const timer = setTimeout(() => headersTimeout.abort(), HEADERS_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(upstream, { signal: AbortSignal.any([request.signal, headersTimeout.signal]) });
  } catch (error) {
    release();
    return plain(
      502,
      headersTimeout.signal.aborted
        ? `The library's API at ${apiUrl} did not start the export within ${HEADERS_TIMEOUT_MS / 1000} s. Try again, or narrow the search.`
        : describeApiFailure(error, apiUrl).message,
    );
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok || !response.body) {
    release();
    // The API's error body names the problem (a bad filter, a limit); a reader gets its message.
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    return plain(
      response.status >= 500 ? 502 : response.status,
      `The export could not be made: ${body?.error?.message ?? `the API answered ${response.status}`}.`,
    );
  }
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          release();
          controller.close();
        } else controller.enqueue(value);
      } catch (error) {
        release();
        controller.error(error);
      }
    },
    cancel(reason) {
      release();
      return reader.cancel(reason);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": response.headers.get("content-type") ?? "application/octet-stream",
      "content-disposition": `attachment; filename="corpus-search.${format}"`,
    },
  });
}

function plain(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", ...headers },
  });
}
