"use client";

import type { SearchQueryInput, SearchSort } from "@corpus/schema";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { plural } from "@/lib/format";
import { isFiltered, type SearchState, searchHref, withChanges } from "@/lib/search-params";
import { useTRPC } from "@/trpc/client";
import { DocumentSummaryItem } from "./document-summary";

const sorts: { value: SearchSort; label: string }[] = [
  { value: "relevance", label: "Relevance" },
  { value: "newest", label: "Newest" },
  { value: "oldest", label: "Oldest" },
];

/**
 * The heading over the results: "52 documents, showing 21–40". A page past the end (a cursor
 * from an old bookmark, a library that has shrunk since) shows no range it does not hold.
 */
export function describeResults(total: number, shown: number, first: number): string {
  if (total === 0) return "No documents match";
  if (shown === 0 || total <= shown) return plural(total, "document");
  return `${plural(total, "document")}, showing ${first}–${first + shown - 1}`;
}

/**
 * The result list, facets, chips and pager. The server prefetches the same query and hydrates
 * it, so the first paint has the results; the browser only fetches if the cache goes stale.
 * Facets, chips and the timeline are server components handed in as slots.
 */
export function SearchResults({
  state,
  input,
  timeline,
  facets,
  chips,
}: {
  state: SearchState;
  input: SearchQueryInput;
  /** Drawn on the server and passed in: they are links only, so they need no hydration. */
  timeline?: ReactNode;
  facets?: ReactNode;
  chips?: ReactNode;
}) {
  const trpc = useTRPC();
  const search = useQuery({
    ...trpc.documents.search.queryOptions(input),
    placeholderData: keepPreviousData,
  });
  if (search.isError && !search.data) {
    return (
      <div className="notice problem" role="alert">
        <h2>Cannot search: the API did not answer</h2>
        <p>{search.error.message}</p>
      </div>
    );
  }
  const result = search.data;
  if (!result) {
    return (
      <p role="status" className="muted">
        Searching…
      </p>
    );
  }
  const page = state.after.length + 1;
  const first = (page - 1) * (input.limit ?? 20) + 1;
  return (
    <div className="search-layout">
      <div className="facet-column" id="filters">
        {/* Dozens of facet links stand between the search box and the results for a keyboard. */}
        <a className="skip-link" href="#results">
          Skip the filters to the results
        </a>
        {facets}
      </div>
      <section aria-labelledby="results-heading" id="results" tabIndex={-1}>
        {chips}
        {timeline}
        <div className="toolbar">
          <h2 id="results-heading" style={{ margin: 0, fontSize: "1rem" }} aria-live="polite">
            {describeResults(result.total, result.hits.length, first)}
          </h2>
          <a className="phone-only small" href="#filters">
            Filters
          </a>
          <ul className="sort-links" aria-label="Sort by">
            {sorts.map((sort) => (
              <li key={sort.value}>
                <Link
                  href={searchHref(withChanges(state, { sort: sort.value }))}
                  aria-current={state.sort === sort.value ? "true" : undefined}
                  prefetch={false}
                >
                  {sort.label}
                </Link>
              </li>
            ))}
          </ul>
        </div>
        {result.fellBackToLiteral ? (
          <p className="notice">
            The query could not be read as an advanced query, so its words were searched as written.
          </p>
        ) : null}
        {result.total === 0 ? (
          <p>
            {isFiltered(state) ? "Try removing a filter" : "Try other words"}
            {state.text ? ", or check the spelling." : "."}
          </p>
        ) : result.hits.length === 0 ? (
          <p>
            This page is past the end of the results.{" "}
            <Link href={searchHref({ ...state, after: [] })} prefetch={false}>
              Show the first page
            </Link>
          </p>
        ) : (
          <ol className="hits" start={first} aria-label="Results">
            {result.hits.map((hit) => (
              <DocumentSummaryItem key={hit.document.id} document={hit.document} snippet={hit.snippet} />
            ))}
          </ol>
        )}
        <nav className="pager" aria-label="Pages">
          {page > 1 ? (
            <Link
              href={searchHref({ ...state, after: state.after.slice(0, -1) })}
              rel="prev"
              prefetch={false}
            >
              ← Previous page
            </Link>
          ) : null}
          {page > 1 || result.nextCursor ? <span className="muted">Page {page}</span> : null}
          {result.nextCursor ? (
            <Link
              href={searchHref({ ...state, after: [...state.after, result.nextCursor] })}
              rel="next"
              prefetch={false}
            >
              Next page →
            </Link>
          ) : null}
        </nav>
      </section>
    </div>
  );
}
