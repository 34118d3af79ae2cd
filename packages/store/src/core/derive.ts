import {
  createStub,
  type CorpusRecord,
  type Document,
  type DocumentSummary,
  type Entity,
  foldLatinLetters,
  partialDateBounds,
  shortHash,
} from "@corpus/schema";

/**
 * Text as both engines index it: the Latin letters that accents cannot be taken off (ø, æ, ł, ß,
 * ı...) spelled as ids spell them, so "Sorensen" finds "Sørensen" and "Walesa" "Wałęsa". The
 * engines fold case and accents themselves (FTS5's remove_diacritics, PostgreSQL's unaccent);
 * queries fold the same letters (query-text.ts, foldWord).
 */
export function searchable(text: string): string {
  return foldLatinLetters(text);
}

/** What the store indexes about one document besides its JSON. Both engines write these rows. */
export interface DocumentRows {
  id: string;
  kind: Document["kind"];
  subtype: string | null;
  /** The title as it is searched (see searchable); the record's own title is in `data`. */
  title: string;
  extent: "full" | "teaser";
  dateStart: number | null;
  dateEnd: number | null;
  body: string;
  data: string;
  refs: { entityId: string; entityKind: EntityRefKind; role: string }[];
  links: { type: string; targetId: string; targetTitle: string }[];
  sections: { heading: string | null; text: string }[];
  /** Every entity the document names, so that a minimal record can be made for the missing ones. */
  mentioned: Map<string, { kind: Entity["kind"]; name: string }>;
  /** One token per filterable value (see filterTag), so the text engine can pre-filter while it ranks. */
  tags: string;
}

/**
 * A filter value as one alphanumeric token ("tg" + 32-bit hash). A collision only lets an extra
 * document through the engine's pre-filter; the exact filter is applied afterwards in memory.
 */
export function filterTag(dimension: string, value: string): string {
  return `tg${shortHash(`${dimension}\u0000${value}`)}`;
}

export type EntityRefKind = "person" | "organization" | "topic" | "region" | "hashtag";

export function deriveDocumentRows(document: Document, data = JSON.stringify(document)): DocumentRows {
  const refs: DocumentRows["refs"] = [];
  const mentioned: DocumentRows["mentioned"] = new Map();
  const seen = new Set<string>();
  const addRef = (entityId: string, entityKind: EntityRefKind, role: string, name?: string) => {
    const key = `${entityId}\u0000${role}`;
    if (!seen.has(key)) {
      seen.add(key);
      refs.push({ entityId, entityKind, role });
    }
    if (name !== undefined && entityKind !== "hashtag" && !mentioned.has(entityId))
      mentioned.set(entityId, { kind: entityKind, name });
  };
  for (const participation of document.people ?? []) {
    addRef(participation.person.id, "person", participation.role, participation.person.name);
    for (const affiliation of participation.affiliations ?? [])
      addRef(affiliation.id, "organization", "affiliation", affiliation.name);
  }
  if (document.kind === "event")
    for (const item of document.agenda ?? [])
      for (const person of item.people ?? []) addRef(person.id, "person", "speaker", person.name);
  for (const involvement of document.organizations ?? [])
    addRef(involvement.organization.id, "organization", involvement.role, involvement.organization.name);
  for (const topic of document.topics ?? []) addRef(topic.id, "topic", "", topic.name);
  for (const region of document.regions ?? []) addRef(region.id, "region", "", region.name);
  for (const hashtag of document.hashtags ?? []) addRef(hashtag.toLowerCase(), "hashtag", "");

  const bounds = document.date ? partialDateBounds(document.date) : null;
  const endBounds = document.endDate ? partialDateBounds(document.endDate) : null;
  const sections = (document.sections ?? []).map((section) => ({
    heading: section.heading ?? null,
    text: searchable([section.text, ...(section.quotes ?? []).map((quote) => quote.text)].join("\n")),
  }));
  const body = [
    document.summary ?? "",
    ...sections.map((section) => `${section.heading ?? ""}\n${section.text}`),
    ...(document.people ?? []).map((person) =>
      [person.person.name, person.title ?? "", ...(person.affiliations ?? []).map((item) => item.name)].join(
        " ",
      ),
    ),
    ...(document.organizations ?? []).map((item) => item.organization.name),
    ...(document.topics ?? []).map((item) => item.name),
    ...(document.regions ?? []).map((item) => item.name),
  ]
    .filter((part) => part.length > 0)
    .join("\n");

  const tags = [filterTag("kind", document.kind)];
  if (document.kind === "publication") tags.push(filterTag("subtype", document.subtype));
  if (bounds) tags.push(filterTag("year", String(Math.floor(bounds.earliest / 10000))));
  for (const ref of refs) {
    tags.push(filterTag(ref.entityKind, ref.entityId));
    if (ref.entityKind === "person" && ref.role) tags.push(filterTag("role", ref.role));
  }
  return {
    tags: [...new Set(tags)].join(" "),
    id: document.id,
    kind: document.kind,
    subtype: document.kind === "publication" ? document.subtype : null,
    title: searchable(document.title),
    extent: document.extent ?? "full",
    dateStart: bounds?.earliest ?? null,
    dateEnd: endBounds?.latest ?? bounds?.latest ?? null,
    body: searchable(body),
    data,
    refs,
    links: (document.links ?? []).map((link) => ({
      type: link.type,
      targetId: link.target.id,
      targetTitle: link.target.title,
    })),
    sections,
    mentioned,
  };
}

/** The record made for an entity a document names before its own record arrives. */
export function minimalEntity(id: string, kind: Entity["kind"], name: string): Entity {
  if (kind === "region") {
    const alpha2 = /^region:([A-Z]{2})$/.exec(id)?.[1];
    return alpha2
      ? {
          id,
          kind,
          name,
          aliases: [],
          regionType: "country",
          iso3166: { alpha2 },
          countries: [],
          provenance: [],
        }
      : { id, kind, name, aliases: [], regionType: "named", countries: [], provenance: [] };
  }
  if (kind === "person") return { id, kind, name, aliases: [], honorifics: [], provenance: [] };
  return { id, kind, name, aliases: [], provenance: [] } as Entity;
}

/** The stub made for a document another one links to before that page is ingested. */
export function minimalStub(id: string, title: string): Document {
  return createStub(id, title);
}

/**
 * A teaser and the full page of one document meet on the same id: the full page wins field by
 * field, and what only the teaser had (say, a summary) is kept.
 */
export function mergeTeaser(full: Document, teaser: Document): Document {
  const merged: Record<string, unknown> = { ...(teaser as Record<string, unknown>) };
  for (const [key, value] of Object.entries(full)) {
    if (value === undefined) continue;
    if (
      Array.isArray(value) &&
      value.length === 0 &&
      Array.isArray(merged[key]) &&
      (merged[key] as unknown[]).length > 0
    )
      continue;
    merged[key] = value;
  }
  merged.kind = full.kind;
  merged.extent = "full";
  return merged as Document;
}

export function summarize(document: Document): DocumentSummary {
  const summary: DocumentSummary = {
    id: document.id,
    kind: document.kind,
    title: document.title,
    extent: document.extent ?? "full",
    people: (document.people ?? []).slice(0, 12).map((person) => ({
      id: person.person.id,
      name: person.person.name,
      role: person.role,
    })),
  };
  if (document.kind === "publication") summary.subtype = document.subtype;
  if (document.date) summary.date = document.date;
  if (document.summary)
    summary.summary = document.summary.length > 400 ? `${document.summary.slice(0, 399)}…` : document.summary;
  if (document.source?.site) summary.site = document.source.site;
  return summary;
}

export function isDocumentRecord(record: CorpusRecord): record is Document {
  return (
    record.kind === "event" ||
    record.kind === "publication" ||
    record.kind === "issue" ||
    record.kind === "stub"
  );
}
