import type { Document, PartialDate } from "@corpus/schema";
import citationJs from "@citation-js/core";
import citationName from "@citation-js/name";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import "@citation-js/plugin-csl";
import type { CitationFormat } from "./schemas.js";

/** CSL-JSON, the interchange format citation-js (and Zotero, Pandoc) read. */
export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: { given?: string; family?: string; literal?: string }[];
  editor?: { given?: string; family?: string; literal?: string }[];
  issued?: { "date-parts": number[][] };
  "event-date"?: { "date-parts": number[][] };
  "event-place"?: string;
  publisher?: string;
  "container-title"?: string;
  URL?: string;
  abstract?: string;
  volume?: string;
  issue?: string;
  language?: string;
}

const cslTypeBySubtype: Record<string, string> = {
  // Online analysis and commentary pieces are cited as web pages (APA: "Site. URL").
  analysis: "webpage",
  commentary: "webpage",
  article: "webpage",
  report: "report",
  "digest-article": "article-magazine",
  "podcast-episode": "broadcast",
  brief: "report",
  book: "book",
  interview: "interview",
  other: "document",
};

function dateParts(date: PartialDate | undefined): { "date-parts": number[][] } | undefined {
  // A date without a year cannot be cited; inferred parts are kept, as the record keeps them.
  if (!date?.year) return undefined;
  const parts = [date.year];
  if (date.month) {
    parts.push(date.month);
    if (date.day) parts.push(date.day);
  }
  return { "date-parts": [parts] };
}

function personName(name: string): { given?: string; family?: string; literal?: string } {
  const parsed = citationName.parse(name);
  return parsed.family ? { given: parsed.given, family: parsed.family } : { literal: name };
}

export function toCsl(document: Document): CslItem {
  const item: CslItem = { id: document.id, type: "document", title: document.title };
  if (document.kind === "publication") item.type = cslTypeBySubtype[document.subtype] ?? "document";
  else if (document.kind === "event") item.type = "event";
  else if (document.kind === "issue") item.type = "periodical";
  const authors = document.people.filter(
    (person) => person.role === "author" || person.role === "contributor",
  );
  if (authors.length > 0) item.author = authors.map((person) => personName(person.person.name));
  const editors = document.people.filter((person) => person.role === "editor");
  if (editors.length > 0) item.editor = editors.map((person) => personName(person.person.name));
  const issued = dateParts(document.date);
  if (issued) item.issued = issued;
  if (document.kind === "event") {
    if (issued) item["event-date"] = issued;
    if (document.location) item["event-place"] = document.location;
  }
  if (document.kind === "issue") {
    if (document.volume !== undefined) item.volume = String(document.volume);
    if (document.number !== undefined) item.issue = String(document.number);
  }
  const publisher =
    document.organizations.find(
      (involvement) => involvement.role === "publisher" || involvement.role === "host",
    )?.organization.name ?? document.source?.site;
  if (publisher && publisher !== document.source?.site) item.publisher = publisher;
  if (document.source?.site) item["container-title"] = document.source.site;
  if (document.source?.url) item.URL = document.source.url;
  if (document.summary) item.abstract = document.summary;
  if (document.language) item.language = document.language;
  return item;
}

const mediaTypes: Record<CitationFormat, string> = {
  bibtex: "application/x-bibtex",
  ris: "application/x-research-info-systems",
  "csl-json": "application/vnd.citationstyles.csl+json",
  apa: "text/plain",
};

/** Formats a document through citation-js; nothing here writes a citation format by hand. */
export function cite(document: Document, format: CitationFormat): { mediaType: string; text: string } {
  const item = toCsl(document);
  const citation = new citationJs.Cite(item);
  let text: string;
  if (format === "csl-json") text = JSON.stringify([item], null, 2);
  else if (format === "apa")
    text = citation.format("bibliography", { template: "apa", format: "text", lang: "en-US" }).trim();
  else text = citation.format(format === "bibtex" ? "bibtex" : "ris").trim();
  return { mediaType: mediaTypes[format], text };
}
