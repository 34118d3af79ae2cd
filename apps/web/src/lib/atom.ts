import type { DocumentSummary } from "@corpus/schema";
import { formatDate, isoDate } from "./format";

/** Escapes text for XML content and attribute values, and drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export interface AtomFeedInput {
  title: string;
  /** The feed's own URL and the search page it follows. */
  feedUrl: string;
  pageUrl: string;
  baseUrl: string;
  /** Used when no entry has a date; pass a fixed value for a stable feed. */
  updated: string;
  documents: readonly DocumentSummary[];
}

function entryUpdated(document: DocumentSummary, fallback: string): string {
  const date = isoDate(document.date);
  if (!date) return fallback;
  const [year, month = "01", day = "01"] = date.split("-");
  return `${year}-${month}-${day}T00:00:00Z`;
}

/** An Atom 1.0 feed of a search's documents: the twin of a search URL, for feed readers. */
export function createAtomFeed(input: AtomFeedInput): string {
  const entries = input.documents.map((document) => {
    const link = `${input.baseUrl}/documents/${encodeURIComponent(document.id.slice(document.id.indexOf(":") + 1))}`;
    const authors = document.people.filter((person) => person.role === "author");
    const summary = [formatDate(document.date), document.summary].filter(Boolean).join(". ");
    return [
      "  <entry>",
      `    <id>${escapeXml(link)}</id>`,
      `    <title>${escapeXml(document.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
      `    <updated>${entryUpdated(document, input.updated)}</updated>`,
      ...authors.map((author) => `    <author><name>${escapeXml(author.name)}</name></author>`),
      `    <category term="${escapeXml(document.kind)}"/>`,
      summary ? `    <summary type="text">${escapeXml(summary)}</summary>` : "",
      "  </entry>",
    ]
      .filter(Boolean)
      .join("\n");
  });
  const updated =
    input.documents
      .map((document) => entryUpdated(document, ""))
      .filter(Boolean)
      .sort()
      .at(-1) ?? input.updated;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(input.feedUrl)}</id>`,
    `  <title>${escapeXml(input.title)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(input.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(input.pageUrl)}"/>`,
    `  <updated>${updated}</updated>`,
    "  <author><name>Corpus</name></author>",
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
