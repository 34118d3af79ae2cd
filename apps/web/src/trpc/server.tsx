import type { AppRouter } from "@corpus/api";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { ReactNode } from "react";
import { cache } from "react";
import { environment } from "@/env";
import { createQueryClient } from "./query-client";

/** One query client per request: generateMetadata and the page share what they fetched. */
export const getQueryClient = cache(createQueryClient);

export const API_TIMEOUT_MS = 10_000;

/**
 * How long a page waits for suggestions it can do without (the section headings): at a million
 * documents the API's first listing after it starts takes about a second, and the page then
 * offers the fixed list instead.
 */
export const SUGGESTIONS_TIMEOUT_MS = 500;

/** Calls a page can do without, sent on their own so that no batch waits for them. */
const SUGGESTION_PROCEDURES: ReadonlySet<string> = new Set(["documents.sectionHeadings"]);

/** Server-side calls go straight to the API server. */
export const apiClient = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (operation) => SUGGESTION_PROCEDURES.has(operation.path),
      true: httpLink({
        url: `${environment().apiUrl}/trpc`,
        fetch: (input, init) =>
          fetch(input, { ...init, signal: AbortSignal.timeout(SUGGESTIONS_TIMEOUT_MS) }),
      }),
      false: httpBatchLink({
        url: `${environment().apiUrl}/trpc`,
        maxItems: 10,
        // A hung API must not hang the page: after this the page says the API did not answer.
        fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(API_TIMEOUT_MS) }),
      }),
    }),
  ],
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: apiClient, queryClient: getQueryClient });

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
