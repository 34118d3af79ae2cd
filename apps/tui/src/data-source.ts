import type { AppRouter, CitationFormat, RouterOutputs } from "@corpus/api";
import type {
  Document,
  EntityView,
  RelatedDocument,
  SearchQueryInput,
  SearchResult,
  SectionHeading,
  TimelineBucket,
} from "@corpus/schema";
import { type TRPCClient, TRPCClientError } from "@trpc/client";
import { sanitizeDeep, sanitizeLine, sanitizeWithOffsets } from "./sanitize.js";

/** A document and the inputs it was read from, each saying whether its page text is stored. */
export type DocumentWithSources = RouterOutputs["documents"]["get"];
export type SourceAvailability = DocumentWithSources["sources"][number];
/** One stored page text and the record's provenance over it: field path to character spans. */
export type SourceView = RouterOutputs["documents"]["source"];

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
  /** The library's section headings starting with `prefix` (any case), most documented first. */
  sectionHeadings(prefix: string, limit: number): Promise<SectionHeading[]>;
  document(id: string): Promise<Document>;
  /** The document with the inputs it was read from and whether each one's text is stored. */
  documentWithSources(id: string): Promise<DocumentWithSources>;
  /**
   * The stored page text a record was read from (`contentHash` picks one of its inputs; without
   * it, the first one stored) and the record's field spans into that text.
   */
  source(id: string, contentHash?: string): Promise<SourceView>;
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
      return "The server did not answer in time; check that it still runs.";
    // The link reconnects by itself: once the server is back, the same step works again (each
    // screen says which key asks again).
    if (error.message.includes("fetch failed")) return "The server stopped answering; start it again.";
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

/**
 * Sanitizes a source view without breaking its spans: the page text is cleaned the way every
 * answer is, and each span moves with the characters it marked (a removed escape sequence
 * before it would otherwise shift every later highlight). Field paths are shown as labels, so
 * they are cleaned as well; spans that end up empty are dropped.
 */
export function sanitizeSourceView(view: SourceView): SourceView {
  const { text: stored, ...input } = view.source;
  const { text, offset } = sanitizeWithOffsets(stored);
  const source = { ...sanitizeDeep(input), text };
  const record = sanitizeDeep(view.record);
  if (!view.provenance) return { source, record, provenance: null };
  const { fields: storedFields, ...rest } = view.provenance;
  const fields: Record<string, { start: number; end: number }[]> = {};
  for (const [path, spans] of Object.entries(storedFields)) {
    const moved = spans
      .map((span) => ({ start: offset(span.start), end: offset(span.end) }))
      .filter((span) => span.end > span.start);
    if (moved.length === 0) continue;
    const label = sanitizeLine(path);
    fields[label] = [...(fields[label] ?? []), ...moved];
  }
  return { source, record, provenance: { ...sanitizeDeep(rest), fields } };
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
    async sectionHeadings(prefix, limit) {
      return sanitizeDeep(await client.documents.sectionHeadings.query({ prefix, limit }));
    },
    async document(id) {
      return sanitizeDeep((await client.documents.get.query({ id })).document);
    },
    async documentWithSources(id) {
      return sanitizeDeep(await client.documents.get.query({ id }));
    },
    async source(id, contentHash) {
      return sanitizeSourceView(
        await client.documents.source.query(contentHash === undefined ? { id } : { id, contentHash }),
      );
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
