import type { EntityCount, EntityView } from "@corpus/schema";
import { formatDate, kindLabel } from "./format.js";
import { documentTarget, entityTarget, PageBuilder, type PageLine } from "./page-lines.js";
import { sanitizeLine } from "./sanitize.js";
import { sparkline } from "./sparkline.js";

/** A person, organization, topic or region page: who or what it is, its documents, its neighbours. */
export function entityLines(view: EntityView, width: number): PageLine[] {
  const { entity } = view;
  const page = new PageBuilder(width);
  page.title(sanitizeLine(entity.name));
  page.blank();
  page.field("Kind", entity.kind);
  page.field("Id", entity.id);
  page.field("Also written", entity.aliases.join("; "));
  if (entity.kind === "person") page.field("Honorifics", entity.honorifics.join("; "));
  if (entity.kind === "organization") {
    page.field("Acronym", entity.acronym);
    page.field("URL", entity.url);
  }
  if (entity.kind === "region") {
    page.field(
      "Type",
      entity.regionType === "country" ? `country (${entity.iso3166?.alpha2 ?? "?"})` : "named region",
    );
    page.field("Countries", entity.countries.join(", "));
  }
  if (entity.kind === "person" || entity.kind === "organization") page.field("About", entity.description);
  page.field("Documents", String(view.documentCount));
  // A topic's or region's only "role" is being one ("region ×10"): that says nothing.
  const saysSomething = (role: string) => role !== entity.kind;
  page.field(
    "Roles",
    view.roles
      .filter((role) => saysSomething(role.role))
      .map((role) => `${role.role} ×${role.count}`)
      .join(", "),
  );
  const line = sparkline(view.timeline, Math.max(10, width - 20));
  if (line) page.exactField("By year", `${line.from} ${line.line} ${line.to}`);

  if (view.possibleDuplicates?.length) {
    // Names in another order or with a middle name more or less: one person or two, not merged.
    page.heading("May be the same person (not merged)");
    for (const other of view.possibleDuplicates)
      page.link(`${sanitizeLine(other.name)} (${other.documentCount})`, entityTarget(other.id));
  }
  if (view.positions.length > 0) {
    page.heading("Titles and affiliations held");
    for (const position of view.positions) {
      const held = [position.title, position.affiliations.map((affiliation) => affiliation.name).join(", ")]
        .filter(Boolean)
        .join(", ");
      page.link(
        `${formatDate(position.date)}  ${sanitizeLine(held || "(no title given)")}  in ${sanitizeLine(position.document.title)}`,
        documentTarget(position.document.id),
      );
    }
  }
  if (view.documents.length > 0) {
    page.heading(
      `Documents (${view.documents.length}${view.documentCount > view.documents.length ? ` of ${view.documentCount}` : ""})`,
    );
    for (const { document, roles: allRoles } of view.documents) {
      const roles = allRoles.filter(saysSomething);
      page.link(
        `${kindLabel(document.kind)} ${formatDate(document.date)}  ${sanitizeLine(document.title)}${roles.length > 0 ? ` (${roles.join(", ")})` : ""}`,
        documentTarget(document.id),
      );
    }
  }
  const neighbours = (heading: string, items: readonly EntityCount[]) => {
    const others = items.filter((item) => item.id !== entity.id);
    if (others.length === 0) return;
    page.heading(heading);
    for (const item of others) page.link(`${sanitizeLine(item.name)} (${item.count})`, entityTarget(item.id));
  };
  neighbours(entity.kind === "person" ? "Co-speakers and co-authors" : "People", view.people);
  neighbours("Organizations", view.organizations);
  neighbours("Topics", view.topics);
  neighbours("Regions", view.regions);
  return page.lines;
}
