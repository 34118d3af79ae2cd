import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ApiProblemNotice } from "@/components/api-problem";
import { EntityLink } from "@/components/entity-link";
import { PeopleNetwork } from "@/components/people-network";
import { SearchChips } from "@/components/search-chips";
import { TimelineChart } from "@/components/timeline-chart";
import { WorldMapChart } from "@/components/world-map-chart";
import { plural } from "@/lib/format";
import { load } from "@/lib/load";
import { parseSearchState } from "@/lib/parse-search-state";
import {
  type RawSearchParams,
  searchHref,
  toSearchQuery,
  withDateBucket,
  withKeptEntities,
} from "@/lib/search-params";
import { regionCountsOfSearch, regionIdToNumeric } from "@/lib/world-map";
import { getQueryClient, trpc } from "@/trpc/server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Explore" };

type Props = { searchParams: Promise<RawSearchParams> };

/** The visuals of any search: its timeline by month or year, its region map and its people network. */
export default async function ExplorePage({ searchParams }: Props) {
  const raw = await searchParams;
  const state = { ...parseSearchState(raw), after: [] };
  const bucket = raw.bucket === "month" ? "month" : "year";
  const queryClient = getQueryClient();
  // The network reads the top 100 matches; the map and the counts come from the facets of all.
  const input = toSearchQuery(state, { limit: 100 });
  const [search, timeline] = await Promise.all([
    load(queryClient.fetchQuery(trpc.documents.search.queryOptions(input))),
    load(
      queryClient.fetchQuery(
        trpc.documents.timeline.queryOptions({ query: { ...input, facets: false, limit: 1 }, bucket }),
      ),
    ),
  ]);
  if (!search.ok) return <ApiProblemNotice problem={search.problem} what="the visuals" headingLevel={1} />;
  const result = search.data;
  const kept = withKeptEntities(state, result.mergedFilterIds);
  if (kept) {
    const href = searchHref(kept, "/explore");
    redirect(bucket === "month" ? `${href}${href.includes("?") ? "&" : "?"}bucket=month` : href);
  }
  const regions = regionCountsOfSearch(result.facets?.region ?? [], state.region);
  const namedRegions = regions.filter((region) => !regionIdToNumeric(region.value));
  const here = (changes: Record<string, string>) => {
    const params = new URLSearchParams(searchHref(state, "").replace(/^\?/, ""));
    for (const [key, value] of Object.entries(changes)) params.set(key, value);
    return `/explore?${params.toString()}`;
  };
  return (
    <>
      <h1>Explore{state.text ? `: “${state.text}”` : " the library"}</h1>
      <p>
        {plural(result.total, "document")} ·{" "}
        <Link href={searchHref(state)} prefetch={false}>
          Back to the list
        </Link>
      </p>
      <SearchChips state={state} facets={result.facets} />
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <p className="small choices">
          Per{" "}
          <Link href={here({ bucket: "year" })} aria-current={bucket === "year" ? "true" : undefined}>
            year
          </Link>{" "}
          ·{" "}
          <Link href={here({ bucket: "month" })} aria-current={bucket === "month" ? "true" : undefined}>
            month
          </Link>
          . Choose a bar to narrow the search to it.
        </p>
        {timeline.ok ? (
          <TimelineChart
            buckets={timeline.data}
            title={`Documents per ${bucket}, by kind`}
            hrefFor={(value) => searchHref(withDateBucket(state, value), "/explore")}
          />
        ) : (
          <ApiProblemNotice problem={timeline.problem} what="the timeline" headingLevel={3} />
        )}
      </section>
      <section aria-labelledby="map-heading">
        <h2 id="map-heading">Regions</h2>
        {state.region.length ? (
          <p className="small">
            Only the regions chosen in the filter are shown: while it is on, the library does not count the
            other regions these documents name.
          </p>
        ) : null}
        <WorldMapChart counts={regions} />
        {namedRegions.length ? (
          <ul className="plain entity-grid" aria-label="Named regions">
            {namedRegions.map((region) => (
              <li key={region.value}>
                <EntityLink id={region.value} name={region.label} />{" "}
                <span className="muted small">({region.count})</span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="network-heading">
        <h2 id="network-heading">People who appeared together</h2>
        <p className="small muted">From the {plural(result.hits.length, "best match", "best matches")}.</p>
        <PeopleNetwork
          documents={result.hits.map((hit) => hit.document)}
          // The person facet labels each id with the name the library keeps for that person (or
          // with the id itself, for a filter on someone the library does not know).
          names={
            new Map(
              (result.facets?.person ?? [])
                .filter((person) => person.label !== person.value)
                .map((person) => [person.value, person.label]),
            )
          }
        />
      </section>
    </>
  );
}
