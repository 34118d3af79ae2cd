import type { Document, RelatedDocument } from "@corpus/schema";
import { formatDate, kindLabel } from "./format.js";
import { documentTarget, entityTarget, PageBuilder, type PageLine } from "./page-lines.js";
import { sanitizeLine } from "./sanitize.js";

const RELATION_LABELS: Record<RelatedDocument["relation"], string> = {
  related: "related",
  next: "next",
  previous: "previous",
  "part-of": "part of",
  "has-part": "contains",
  "linked-from": "links here",
  "shared-people": "same people",
  "shared-topics": "same topics",
};

function kindLine(document: Document): string {
  switch (document.kind) {
    case "publication":
      return `publication, ${document.subtype}${document.typeLabel ? ` ("${sanitizeLine(document.typeLabel)}")` : ""}`;
    case "issue":
      return [
        "issue",
        document.volume !== undefined ? `volume ${document.volume}` : "",
        document.number !== undefined ? `number ${document.number}` : "",
      ]
        .filter(Boolean)
        .join(", ");
    case "stub":
      return "stub: referred to by another page, not in the library yet";
    default:
      return document.kind;
  }
}

/** Every field of a document, as lines; people, organizations, topics, regions and links selectable. */
export function documentLines(
  document: Document,
  related: readonly RelatedDocument[],
  width: number,
): PageLine[] {
  const page = new PageBuilder(width);
  page.title(sanitizeLine(document.title));
  if (document.titleDerived) page.paragraph("(title derived from the page, not printed as a title)", "muted");
  page.blank();
  page.field("Kind", kindLine(document));
  const date = document.date ? formatDate(document.date) : "unknown (the page gives none)";
  page.field("Date", document.endDate ? `${date} to ${formatDate(document.endDate)}` : date);
  if (document.kind === "event") {
    const time = document.time;
    if (time)
      page.field(
        "Time",
        [time.start, time.end].filter(Boolean).join(" to ") + (time.timezone ? ` ${time.timezone}` : ""),
      );
    page.field("Location", document.location);
  }
  if (document.extent === "teaser") page.field("Extent", "teaser: only a listing entry has been read so far");
  page.field("Site", document.source?.site);
  page.field("URL", document.source?.url);
  page.field("Language", document.language);
  page.field("Id", document.id);
  if (document.summary) page.heading("Summary").paragraph(document.summary);

  if (document.people.length > 0) {
    page.heading(`People (${document.people.length})`);
    for (const participation of document.people) {
      const details = [
        participation.roleLabel ?? participation.role,
        participation.title,
        participation.affiliations.map((organization) => organization.name).join(", "),
      ]
        .filter(Boolean)
        .map((part) => sanitizeLine(part!));
      const name = [participation.honorific, participation.person.name].filter(Boolean).join(" ");
      page.link(`${sanitizeLine(name)}: ${details.join("; ")}`, entityTarget(participation.person.id));
    }
  }
  const affiliations = new Map<string, string>();
  for (const participation of document.people) {
    for (const organization of participation.affiliations)
      affiliations.set(organization.id, organization.name);
  }
  if (document.organizations.length > 0 || affiliations.size > 0) {
    page.heading("Organizations");
    for (const involvement of document.organizations) {
      affiliations.delete(involvement.organization.id);
      page.link(
        `${sanitizeLine(involvement.organization.name)}: ${involvement.role}`,
        entityTarget(involvement.organization.id),
      );
    }
    for (const [id, name] of affiliations) page.link(`${sanitizeLine(name)}: affiliation`, entityTarget(id));
  }
  if (document.topics.length > 0) {
    page.heading("Topics");
    for (const topic of document.topics) page.link(sanitizeLine(topic.name), entityTarget(topic.id));
  }
  if (document.regions.length > 0) {
    page.heading("Regions");
    for (const region of document.regions) page.link(sanitizeLine(region.name), entityTarget(region.id));
  }
  if (document.hashtags.length > 0) page.heading("Hashtags").paragraph(document.hashtags.join(" "));

  if (document.kind === "event" && document.agenda.length > 0) {
    page.heading("Agenda");
    for (const item of document.agenda) {
      const when = [item.start, item.end].filter(Boolean).join(" to ");
      const who = item.people.map((person) => person.name).join(", ");
      page.paragraph(`${when ? `${when}  ` : ""}${item.title}${who ? ` (${who})` : ""}`);
    }
  }

  for (const section of document.sections) {
    page.heading(section.heading ? sanitizeLine(section.heading) : "Text");
    page.paragraph(section.text);
    for (const quote of section.quotes) {
      page.paragraph(
        `“${sanitizeLine(quote.text)}”${quote.source ? ` (${sanitizeLine(quote.source)})` : ""}`,
        "muted",
      );
    }
  }

  if (document.links.length > 0) {
    page.heading("Links");
    for (const link of document.links) {
      page.link(
        `${RELATION_LABELS[link.type]}: ${sanitizeLine(link.target.title)}`,
        documentTarget(link.target.id),
      );
    }
  }
  const linked = new Set(document.links.map((link) => link.target.id));
  const more = related.filter((item) => !linked.has(item.document.id) && item.document.id !== document.id);
  if (more.length > 0) {
    page.heading("Related in the library");
    for (const item of more) {
      const summary = item.document;
      page.link(
        `${RELATION_LABELS[item.relation]}: ${sanitizeLine(summary.title)} (${kindLabel(summary.kind)} ${formatDate(summary.date)})`,
        documentTarget(summary.id),
      );
    }
  }

  if (document.provenance.length > 0) {
    page.heading("Where this came from");
    for (const provenance of document.provenance) {
      const traced = Object.keys(provenance.fields).length;
      page.paragraph(
        `${provenance.input.path ?? provenance.input.contentHash.slice(0, 12)} (${provenance.input.mediaType}), read by ${provenance.parser.name} ${provenance.parser.version} on ${provenance.parsedAt.slice(0, 10)}; ${traced} field${traced === 1 ? "" : "s"} traced to the page`,
        "muted",
      );
    }
    if (document.provenance.some((provenance) => Object.keys(provenance.fields).length > 0))
      page.paragraph("Press s to see the page text with each traced field marked.", "muted");
  }
  return page.lines;
}
