import { type CorpusRecord, formatPartialDate, isDocument } from "@corpus/schema";

/** A compact, readable projection of a page's records, for golden files and assertions. */
export function viewRecords(records: readonly CorpusRecord[]) {
  return records.filter(isDocument).map((document) => ({
    kind: document.kind === "publication" ? `publication/${document.subtype}` : document.kind,
    title: document.title,
    ...(document.titleDerived ? { titleDerived: true } : {}),
    ...(document.extent === "teaser" ? { extent: "teaser" } : {}),
    ...(document.date ? { date: formatPartialDate(document.date) } : {}),
    ...(document.kind === "event" && document.time ? { time: document.time } : {}),
    ...(document.kind === "event" && document.location ? { location: document.location } : {}),
    ...(document.kind === "event" && document.agenda.length > 0
      ? {
          agenda: document.agenda.map(
            (item) =>
              `${item.start ?? ""}-${item.end ?? ""} ${item.title} [${item.people.map((person) => person.name).join(", ")}]`,
          ),
        }
      : {}),
    ...(document.source?.site ? { site: document.source.site } : {}),
    ...(document.summary ? { summary: document.summary.slice(0, 50) } : {}),
    people: document.people.map((item) =>
      [
        item.role,
        item.honorific ? `${item.honorific} ${item.person.name}` : item.person.name,
        item.title,
        item.affiliations.map((affiliation) => affiliation.name).join(" + "),
      ]
        .filter(Boolean)
        .join(" | "),
    ),
    organizations: document.organizations.map(
      (item) => `${item.role}: ${item.organization.name} (${item.organization.id})`,
    ),
    topics: document.topics.map((item) => item.name),
    regions: document.regions.map((item) => item.id),
    hashtags: document.hashtags,
    sections: document.sections.map(
      (section) => `${section.heading ?? "-"} (${section.quotes.length} quotes)`,
    ),
    links: document.links.map((link) => `${link.type}: ${link.target.title}`),
  }));
}
