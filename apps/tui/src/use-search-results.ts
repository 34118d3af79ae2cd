import type { SearchResult, TimelineBucket } from "@corpus/schema";
import { useCallback, useEffect, useRef, useState } from "react";
import { type DataSource, describeError } from "./data-source.js";
import { pageKey, type SearchState, toQuery } from "./search-state.js";

/** Typing waits this long after the last key before searching; other changes search at once. */
export const DEBOUNCE_MS = 150;

export interface SearchResults {
  result: SearchResult | undefined;
  timeline: TimelineBucket[];
  loading: boolean;
  error: string | undefined;
  /** pageKey() of the query the shown answer belongs to. */
  answered: string | undefined;
  /** Asks the same question again: after a failure, once the server is back. */
  retry(): void;
}

/**
 * Runs the search for the current state. Answers that arrive after a newer question are dropped,
 * so a slow early keystroke never overwrites the results of the latest one.
 */
export function useSearchResults(dataSource: DataSource, state: SearchState): SearchResults {
  const [results, setResults] = useState<Omit<SearchResults, "loading" | "retry">>({
    result: undefined,
    timeline: [],
    error: undefined,
    answered: undefined,
  });
  const latest = useRef(0);
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => {
    // "Searching…" while it asks again, not the old failure.
    setResults((current) => ({ ...current, error: undefined, answered: undefined }));
    setAttempt((count) => count + 1);
  }, []);
  const lastText = useRef<string | undefined>(undefined);
  const query = toQuery(state);
  const key = pageKey(state);
  const { cursor: _cursor, limit: _limit, ...timelineQuery } = query;
  const timelineKey = JSON.stringify(timelineQuery);

  useEffect(() => {
    const request = ++latest.current;
    const typed = lastText.current !== undefined && lastText.current !== query.text;
    lastText.current = query.text;
    const timer = setTimeout(
      () => {
        dataSource.search(query).then(
          (result) => {
            if (request === latest.current)
              setResults((current) => ({ ...current, result, error: undefined, answered: key }));
          },
          (error: unknown) => {
            // The previous answer's rows must go with it: under "Search failed" they would look like
            // results of the failed query, and Enter would open one of them.
            if (request === latest.current)
              setResults((current) => ({
                ...current,
                result: undefined,
                error: describeError(error),
                answered: key,
              }));
          },
        );
      },
      typed ? DEBOUNCE_MS : 0,
    );
    return () => clearTimeout(timer);
    // The key stands for the query: a new object with the same content must not search again.
  }, [key, dataSource, attempt]);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      dataSource.timeline(timelineQuery).then(
        (timeline) => {
          if (current) setResults((previous) => ({ ...previous, timeline }));
        },
        () => {
          // The sparkline is an extra: without it the results still stand.
          if (current) setResults((previous) => ({ ...previous, timeline: [] }));
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [timelineKey, dataSource, attempt]);

  // Decided while rendering, not in an effect: the very frame that shows new text already says
  // its rows are stale, so Enter cannot open a row of the previous answer.
  return { ...results, loading: results.answered !== key, retry };
}
