import {
  type CorpusRecord,
  type Document,
  formatPartialDate,
  isDocument,
  type PartialDate,
  type SearchQuery,
} from "@corpus/schema";
import type { Store } from "@corpus/store";
import type { ExportFormat } from "./schemas.js";

/** One CSV layout for every export (the CLI's and the API's): a row per document. */
export const CSV_COLUMNS = [
  "id",
  "kind",
  "subtype",
  "title",
  "date",
  "extent",
  "site",
  "url",
  "people",
  "organizations",
  "topics",
  "regions",
  "summary",
] as const;

/**
 * RFC 4180 quoting, plus a leading apostrophe for cells a spreadsheet would run as a formula
 * (=, +, -, @, tab, carriage return): scraped text is data, never something that executes.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * What the date cell shows. A date without a year is written as the CLI and TUI print it
 * ("????-03-05"): its ISO form "--03-05" starts like a formula (so the guard would show it as
 * "'--03-05"), and "03-05" would be read as a date in the current year, a year the record lacks.
 * Starting with "?", it stays text in a spreadsheet and needs no guard.
 */
function csvDate(date: PartialDate | undefined): string {
  return date ? formatPartialDate(date, { unknownYear: "????" }) : "";
}

/**
 * Each organization once, under the name the record first gives it, in first-seen order: the
 * column has no roles (unlike people's), so a host that is also an affiliation is one name.
 */
function organizationNames(document: Document): string {
  const names = new Map<string, string>();
  for (const { organization } of document.organizations) {
    if (!names.has(organization.id)) names.set(organization.id, organization.name);
  }
  return [...names.values()].join("; ");
}

/** A document as a CSV row (CRLF-terminated, RFC 4180); names joined with "; ". */
export function csvRow(document: Document): string {
  const cells = [
    document.id,
    document.kind,
    document.kind === "publication" ? document.subtype : "",
    document.title,
    csvDate(document.date),
    document.extent,
    document.source?.site ?? "",
    document.source?.url ?? "",
    document.people.map((person) => `${person.person.name} (${person.role})`).join("; "),
    organizationNames(document),
    document.topics.map((topic) => topic.name).join("; "),
    document.regions.map((region) => region.name).join("; "),
    document.summary ?? "",
  ];
  return `${cells.map(csvCell).join(",")}\r\n`;
}

function isWholeLibrary(query: SearchQuery): boolean {
  return query.text.trim() === "" && Object.values(query.filters).every((value) => value === undefined);
}

/**
 * A search (or the whole library) as NDJSON lines of full records, or CSV rows of summaries.
 * Pages through the store with its cursor so memory stays flat however large the result.
 */
export async function* exportSearch(
  store: Store,
  query: SearchQuery,
  format: ExportFormat,
  max: number,
): AsyncGenerator<string> {
  if (format === "csv") yield `${CSV_COLUMNS.join(",")}\r\n`;
  let emitted = 0;
  if (format === "ndjson" && isWholeLibrary(query)) {
    for await (const record of store.exportRecords()) {
      if (emitted >= max) return;
      emitted++;
      yield `${JSON.stringify(record)}\n`;
    }
    return;
  }
  let cursor: string | undefined;
  const pageSize = 100;
  while (emitted < max) {
    const page = await store.search({
      ...query,
      limit: pageSize,
      facets: false,
      ...(cursor ? { cursor } : {}),
    });
    const summaries = page.hits.map((hit) => hit.document).slice(0, max - emitted);
    const records = await store.getMany(summaries.map((summary) => summary.id));
    const byId = new Map<string, CorpusRecord>(records.map((record) => [record.id, record]));
    for (const summary of summaries) {
      const record = byId.get(summary.id);
      if (record && isDocument(record))
        yield format === "csv" ? csvRow(record) : `${JSON.stringify(record)}\n`;
    }
    emitted += summaries.length;
    if (!page.nextCursor || page.hits.length === 0) return;
    cursor = page.nextCursor;
  }
}

export const exportMediaTypes: Record<ExportFormat, string> = {
  ndjson: "application/x-ndjson; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};
