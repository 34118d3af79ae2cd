import type { Document } from "@corpus/schema";
import { isoDate, safeExternalUrl } from "./format";

/**
 * Serialises JSON for an inline <script type="application/ld+json">. The HTML parser ends a
 * script at "</script", so every "<", ">" and "&" is written as a JSON unicode escape, and
 * U+2028/U+2029 too (JavaScript parsers once choked on them): scraped text can never close the
 * tag or start markup, and the JSON still parses to the same value.
 */
export function serializeJsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const publicationTypes: Record<string, string> = {
  analysis: "AnalysisNewsArticle",
  commentary: "OpinionNewsArticle",
  article: "Article",
  report: "Report",
  "digest-article": "ScholarlyArticle",
  "podcast-episode": "PodcastEpisode",
  brief: "Report",
  book: "Book",
  interview: "Article",
  other: "CreativeWork",
};

function schemaType(document: Document): string {
  switch (document.kind) {
    case "event":
      return "Event";
    case "issue":
      return "PublicationIssue";
    case "publication":
      return publicationTypes[document.subtype] ?? "CreativeWork";
    default:
      return "CreativeWork";
  }
}

/** schema.org JSON-LD for a document page, built from the record's own fields only. */
export function documentJsonLd(document: Document, pageUrl: string): Record<string, unknown> {
  const people = (roles: string[]) =>
    document.people
      .filter((participation) => roles.includes(participation.role))
      .map((participation) => ({
        "@type": "Person",
        name: participation.person.name,
        ...(participation.title ? { jobTitle: participation.title } : {}),
        ...(participation.affiliations.length
          ? {
              affiliation: participation.affiliations.map((organization) => ({
                "@type": "Organization",
                name: organization.name,
              })),
            }
          : {}),
      }));
  const data: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": schemaType(document),
    "@id": pageUrl,
    url: safeExternalUrl(document.source?.url) ?? pageUrl,
    name: document.title,
  };
  if (document.kind !== "event") data.headline = document.title;
  const date = isoDate(document.date);
  if (date) data[document.kind === "event" ? "startDate" : "datePublished"] = date;
  const endDate = isoDate(document.endDate);
  if (endDate && document.kind === "event") data.endDate = endDate;
  if (document.summary) data.description = document.summary;
  if (document.language) data.inLanguage = document.language;
  const authors = people(["author", "editor", "contributor"]);
  if (authors.length) data.author = authors;
  if (document.kind === "event") {
    const performers = people(["speaker", "panelist", "moderator", "keynote", "presenter", "discussant"]);
    if (performers.length) data.performer = performers;
    if (document.location) data.location = { "@type": "Place", name: document.location };
    const organizers = document.organizations.filter(
      (item) => item.role === "host" || item.role === "co-host",
    );
    if (organizers.length)
      data.organizer = organizers.map((item) => ({ "@type": "Organization", name: item.organization.name }));
  }
  const publisher = document.organizations.find((item) => item.role === "publisher");
  if (publisher) data.publisher = { "@type": "Organization", name: publisher.organization.name };
  else if (document.source?.site) data.publisher = { "@type": "Organization", name: document.source.site };
  const keywords = [...document.topics.map((topic) => topic.name), ...document.hashtags];
  if (keywords.length) data.keywords = keywords.join(", ");
  if (document.regions.length)
    data.spatialCoverage = document.regions.map((region) => ({ "@type": "Place", name: region.name }));
  if (document.kind === "issue") {
    if (document.number !== undefined) data.issueNumber = document.number;
    if (document.volume !== undefined)
      data.isPartOf = { "@type": "PublicationVolume", volumeNumber: document.volume };
  }
  return data;
}
