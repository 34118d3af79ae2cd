// Record ids ("person:frank-aum") and the paths of their pages ("/people/frank-aum").

export type EntityKind = "person" | "organization" | "topic" | "region";

const prefixes = { person: "person", organization: "org", topic: "topic", region: "region" } as const;
const entitySections = {
  person: "people",
  organization: "organizations",
  topic: "topics",
  region: "regions",
} as const;

export const entityKindLabels: Record<EntityKind, { one: string; many: string }> = {
  person: { one: "Person", many: "People" },
  organization: { one: "Organization", many: "Organizations" },
  topic: { one: "Topic", many: "Topics" },
  region: { one: "Region", many: "Regions" },
};

/** The part of an id after its prefix: "person:frank-aum" -> "frank-aum". */
export function idSlug(id: string): string {
  const colon = id.indexOf(":");
  return colon === -1 ? id : id.slice(colon + 1);
}

export function entityKindOfId(id: string): EntityKind | null {
  if (id.startsWith("person:")) return "person";
  if (id.startsWith("org:")) return "organization";
  if (id.startsWith("topic:")) return "topic";
  if (id.startsWith("region:")) return "region";
  return null;
}

/** The id a page segment names; a segment that is already a whole id ("person:frank-aum") is read as one. */
export function entityId(kind: EntityKind, slug: string): string {
  const prefix = `${prefixes[kind]}:`;
  return slug.startsWith(prefix) ? slug : `${prefix}${slug}`;
}

export function entitySection(kind: EntityKind): string {
  return entitySections[kind];
}

export function documentPath(id: string): string {
  return `/documents/${encodeURIComponent(idSlug(id))}`;
}

export function entityPath(id: string): string | null {
  const kind = entityKindOfId(id);
  return kind ? `/${entitySections[kind]}/${encodeURIComponent(idSlug(id))}` : null;
}

/** Route segments arrive percent-encoded or not depending on the caller; accept both. */
export function slugFromSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
