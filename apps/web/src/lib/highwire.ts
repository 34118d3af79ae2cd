import type { Document } from "@corpus/schema";
import { safeExternalUrl } from "./format";

/**
 * Highwire Press `citation_*` meta tags, which Zotero, Google Scholar and reference managers read.
 * Values are the record's text; React escapes attribute values, so nothing here is markup.
 */
export function highwireTags(document: Document): Record<string, string | string[]> {
  const tags: Record<string, string | string[]> = { citation_title: document.title };
  const authors = document.people
    .filter((participation) => participation.role === "author" || participation.role === "editor")
    .map((participation) => participation.person.name);
  if (authors.length) tags.citation_author = authors;
  const date = document.date;
  if (date?.year !== undefined) {
    const parts = [String(date.year)];
    if (date.month !== undefined) parts.push(String(date.month).padStart(2, "0"));
    if (date.month !== undefined && date.day !== undefined) parts.push(String(date.day).padStart(2, "0"));
    tags.citation_publication_date = parts.join("/");
  }
  const publisher =
    document.organizations.find((item) => item.role === "publisher")?.organization.name ??
    document.source?.site;
  if (publisher) tags.citation_publisher = publisher;
  if (document.kind === "publication" && document.subtype === "report" && publisher)
    tags.citation_technical_report_institution = publisher;
  if (document.kind === "event" && publisher) tags.citation_conference_title = document.title;
  const url = safeExternalUrl(document.source?.url);
  if (url) tags.citation_public_url = url;
  if (document.language) tags.citation_language = document.language;
  const keywords = document.topics.map((topic) => topic.name);
  if (keywords.length) tags.citation_keywords = keywords.join("; ");
  if (document.kind === "issue") {
    if (document.volume !== undefined) tags.citation_volume = String(document.volume);
    if (document.number !== undefined) tags.citation_issue = String(document.number);
  }
  const partOf = document.links.find((link) => link.type === "part-of");
  if (partOf) tags.citation_journal_title = partOf.target.title;
  if (document.summary) tags.citation_abstract = document.summary;
  return tags;
}
