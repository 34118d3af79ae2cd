import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";

/**
 * Only a request that got no answer is worth repeating. When the API answered with an error
 * (NOT_FOUND, BAD_REQUEST, ...) the same call gives the same answer, and a retry only holds up
 * the page: with the default one-second back-off every 404 page took a second longer.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 1) return false;
  const data = (error as { data?: { code?: unknown } } | null)?.data;
  return typeof data?.code !== "string";
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Server-fetched data is fresh for a minute: hydration must not trigger a second fetch.
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: shouldRetry,
        retryDelay: 250,
      },
      dehydrate: {
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
    },
  });
}
