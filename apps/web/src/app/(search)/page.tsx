import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ApiProblemNotice } from "@/components/api-problem";
import { SearchBox } from "@/components/search-box";
import { SearchChips } from "@/components/search-chips";
import { SearchFacets } from "@/components/search-facets";
import { SearchResults } from "@/components/search-results";
import { TimelineChart } from "@/components/timeline-chart";
import { load, loadOptional } from "@/lib/load";
import { parseSearchState } from "@/lib/parse-search-state";
import {
  describeDownload,
  type RawSearchParams,
  searchHref,
  toSearchParams,
  toSearchQuery,
  withDateBucket,
  withKeptEntities,
} from "@/lib/search-params";
import { offeredSectionHeadings, SECTION_HEADINGS_OFFERED } from "@/lib/section-headings";
import { chooseBucket } from "@/lib/timeline";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";

// Every search calls the API at request time; nothing here can be built ahead.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const state = parseSearchState(await searchParams);
  const feedQuery = toSearchParams({ ...state, after: [] }).toString();
  return {
    // The layout's "%s · Corpus" template applies to child segments only, not to this page.
    title: { absolute: state.text ? `“${state.text}” · Search · Corpus` : "Search · Corpus" },
    alternates: {
      types: {
        "application/atom+xml": [
          { url: `/feed${feedQuery ? `?${feedQuery}` : ""}`, title: "This search as an Atom feed" },
        ],
      },
    },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const state = parseSearchState(await searchParams);
  const input = toSearchQuery(state);
  const bucket = chooseBucket(state.from, state.to);
  const queryClient = getQueryClient();
  const [search, timeline, sectionHeadings] = await Promise.all([
    load(queryClient.fetchQuery(trpc.documents.search.queryOptions(input))),
    load(
      queryClient.fetchQuery(
        trpc.documents.timeline.queryOptions({
          query: { ...input, cursor: undefined, facets: false, limit: 1 },
          bucket,
        }),
      ),
    ),
    // Suggestions for the heading field of a search already scoped to a section, in the page so
    // that they work without JavaScript (the form asks for them when "One section" is chosen); an
    // API that cannot list them (down, slow, or older than the procedure) leaves the fixed list.
    state.scope === "section"
      ? loadOptional(
          queryClient.fetchQuery(
            trpc.documents.sectionHeadings.queryOptions({ limit: SECTION_HEADINGS_OFFERED }),
          ),
        )
      : null,
  ]);
  // A filter on a person merged into another since the link was made: the URL of the one kept.
  const kept = search.ok ? withKeptEntities(state, search.data.mergedFilterIds) : null;
  if (kept) redirect(searchHref(kept));
  const feedQuery = toSearchParams({ ...state, after: [] }).toString();
  const exploreHref = searchHref({ ...state, after: [] }, "/explore");
  const exportHref = (format: "csv" | "ndjson") =>
    `/export?${new URLSearchParams([...toSearchParams({ ...state, after: [] }), ["format", format]])}`;
  return (
    <>
      <h1>Search the library</h1>
      <SearchBox state={state} sectionHeadings={offeredSectionHeadings(sectionHeadings)} />
      {search.ok ? (
        <HydrateClient>
          <SearchResults
            state={state}
            input={input}
            facets={search.data.facets ? <SearchFacets facets={search.data.facets} state={state} /> : null}
            chips={<SearchChips state={state} facets={search.data.facets} />}
            timeline={
              timeline.ok && timeline.data.length > 1 ? (
                <section aria-label="Timeline of these results">
                  <TimelineChart
                    buckets={timeline.data}
                    title={`Matching documents per ${bucket}`}
                    hrefFor={(value) => searchHref(withDateBucket(state, value))}
                  />
                </section>
              ) : null
            }
          />
        </HydrateClient>
      ) : (
        <ApiProblemNotice problem={search.problem} what="search results">
          {/* A refused page of results is mostly its cursor (an old bookmark, a hand-edited
              address): the same search from its first page is one click away. */}
          {search.problem.kind === "error" && state.after.length > 0 ? (
            <p>
              <Link href={searchHref({ ...state, after: [] })} prefetch={false}>
                Show the first page of this search
              </Link>
            </p>
          ) : null}
        </ApiProblemNotice>
      )}
      <p className="small">
        <Link href={exploreHref} prefetch={false}>
          Map, network and timeline of this search
        </Link>{" "}
        ·{" "}
        <a href={`/feed${feedQuery ? `?${feedQuery}` : ""}`} type="application/atom+xml">
          Follow this search (Atom feed)
        </a>
        {search.ok && search.data.total > 0 ? (
          <>
            {" "}
            · Download {describeDownload(search.data.total)}:{" "}
            {/* No download attribute: the route's attachment header saves the file, and a refusal
                (API down, too many downloads) then shows as a page instead of a failed download. */}
            <a href={exportHref("csv")}>CSV</a> · <a href={exportHref("ndjson")}>NDJSON</a>
          </>
        ) : null}
      </p>
    </>
  );
}
