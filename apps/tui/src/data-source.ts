import type { AppRouter, CitationFormat } from "@corpus/api";
import type {
  Document,
  EntityView,
  RelatedDocument,
  SearchQueryInput,
  SearchResult,
  TimelineBucket,
} from "@corpus/schema";
import { type TRPCClient, TRPCClientError } from "@trpc/client";
import { sanitizeDeep } from "./sanitize.js";

export type { CitationFormat };
export const citationFormats: readonly { format: CitationFormat; label: string }[] = [
  { format: "bibtex", label: "BibTeX" },
  { format: "ris", label: "RIS" },
  { format: "csl-json", label: "CSL-JSON" },
  { format: "apa", label: "APA reference" },
];

/**
 * What the screens need from a library. One implementation wraps a tRPC client, whichever link
 * carries it (HTTP to `corpus serve`, or the local link in-process). Every answer is sanitized
 * here, once, so no screen can print page text that still holds terminal control codes.
 */
export interface DataSource {
  /** How the status bar names where the data comes from. */
  readonly label: string;
  readonly mode: "server" | "in-process";
  search(query: SearchQueryInput): Promise<SearchResult>;
  timeline(query: SearchQueryInput): Promise<TimelineBucket[]>;
  document(id: string): Promise<Document>;
  related(id: string): Promise<RelatedDocument[]>;
  entity(id: string): Promise<EntityView>;
  cite(id: string, format: CitationFormat): Promise<string>;
  close(): Promise<void>;
}

/** An error a person can act on: what failed, and the server's own message. */
export function describeError(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const code = (error.data as { code?: string } | undefined)?.code;
    if (code === "NOT_FOUND") return `Not in the library: ${error.message}`;
    if (error.cause?.name === "TimeoutError" || error.message.includes("due to timeout"))
      return "The server did not answer in time. Check that it still runs, then try again.";
    // The link reconnects by itself: once the server is back, the same step works again.
    if (error.message.includes("fetch failed"))
      return "The server stopped answering. Start it again, then retry.";
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

function entityProcedure(client: TRPCClient<AppRouter>, id: string) {
  if (id.startsWith("person:")) return client.people.get;
  if (id.startsWith("org:")) return client.organizations.get;
  if (id.startsWith("topic:")) return client.topics.get;
  if (id.startsWith("region:")) return client.regions.get;
  throw new Error(`"${id}" is not a person, organization, topic or region id`);
}

export function createTrpcDataSource(
  client: TRPCClient<AppRouter>,
  options: { label: string; mode: DataSource["mode"]; close?: () => Promise<void> },
): DataSource {
  return {
    label: options.label,
    mode: options.mode,
    async search(query) {
      return sanitizeDeep(await client.documents.search.query(query));
    },
    async timeline(query) {
      const { limit: _limit, cursor: _cursor, facets: _facets, ...rest } = query;
      return sanitizeDeep(
        await client.documents.timeline.query({ query: { ...rest, facets: false }, bucket: "year" }),
      );
    },
    async document(id) {
      return sanitizeDeep((await client.documents.get.query({ id })).document);
    },
    async related(id) {
      return sanitizeDeep(await client.documents.related.query({ id, limit: 20 }));
    },
    async entity(id) {
      return sanitizeDeep(await entityProcedure(client, id).query({ id }));
    },
    async cite(id, format) {
      return sanitizeDeep((await client.documents.cite.query({ id, format })).text);
    },
    close: options.close ?? (async () => {}),
  };
}
