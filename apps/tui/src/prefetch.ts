import type { SearchQueryInput } from "@corpus/schema";
import type { DataSource } from "./data-source.js";

/**
 * Starts the first search before the screen is drawn, while Ink is still loading, and hands
 * that answer to the first `search` call that asks the same question. Saves one round trip on
 * the way to the first screen of results.
 */
export function withPrefetchedSearch(dataSource: DataSource, query: SearchQueryInput): DataSource {
  const key = JSON.stringify(query);
  let pending: ReturnType<DataSource["search"]> | undefined = dataSource.search(query);
  // An early failure is reported when the screen asks, not as an unhandled rejection.
  pending.catch(() => {});
  return {
    ...dataSource,
    search(next) {
      if (pending && JSON.stringify(next) === key) {
        const answer = pending;
        pending = undefined;
        return answer;
      }
      pending = undefined;
      return dataSource.search(next);
    },
  };
}
