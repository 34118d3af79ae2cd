import { createAtomFeed } from "@/lib/atom";
import { describeApiFailure } from "@/lib/load";
import { parseSearchState } from "@/lib/parse-search-state";
import { searchHref, toSearchParams, toSearchQuery } from "@/lib/search-params";
import { environment } from "@/env";
import { apiClient } from "@/trpc/server";

export const dynamic = "force-dynamic";

/** The Atom twin of a search URL: same parameters, newest 50 matching documents. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const raw: Record<string, string[]> = {};
  for (const key of new Set(url.searchParams.keys())) raw[key] = url.searchParams.getAll(key);
  const state = { ...parseSearchState(raw), after: [], sort: "newest" as const };
  const host = request.headers.get("host") ?? url.host;
  const base = `${url.protocol}//${host}`;
  try {
    const result = await apiClient.documents.search.query(toSearchQuery(state, { limit: 50, facets: false }));
    const query = toSearchParams(state).toString();
    const xml = createAtomFeed({
      title: state.text ? `Corpus: “${state.text}”` : "Corpus: newest documents",
      feedUrl: `${base}/feed${query ? `?${query}` : ""}`,
      pageUrl: `${base}${searchHref(state)}`,
      baseUrl: base,
      updated: "1970-01-01T00:00:00Z",
      documents: result.hits.map((hit) => hit.document),
    });
    return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8" } });
  } catch (error) {
    return new Response(`${describeApiFailure(error, environment().apiUrl).message}\n`, {
      status: 502,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
}
