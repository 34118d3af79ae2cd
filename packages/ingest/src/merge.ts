import {
  type CorpusRecord,
  type Document,
  type Entity,
  isDocument,
  type PartialDate,
  type Provenance,
  recordSchema,
  slugify,
} from "@corpus/schema";

// Field-by-field merge of two records with the same id. See docs/decisions/0012-merging-records.md.

const baseKeys = [
  "id",
  "title",
  "titleDerived",
  "extent",
  "date",
  "endDate",
  "summary",
  "sections",
  "people",
  "organizations",
  "topics",
  "regions",
  "hashtags",
  "links",
  "source",
  "language",
  "provenance",
];
const kindKeys: Record<string, string[]> = {
  event: ["time", "location", "agenda"],
  publication: ["subtype", "typeLabel"],
  issue: ["volume", "number"],
  stub: [],
};

/** How full a document is: a real full page beats a teaser, which beats a stub. */
function fullness(record: Document): number {
  if (record.kind === "stub") return 0;
  return record.extent === "teaser" ? 1 : 2;
}

/**
 * Merges two records with the same id into one. The fuller record (full page over teaser over
 * stub; on a tie, `incoming`) wins field by field, the other fills what it leaves empty; lists
 * (people, topics, regions, links, aliases, honorifics) are unions; the provenance of both is kept,
 * but for a file read again after an edit (same path, other content), whose newer reading replaces
 * the older: wholly when the record came from that file alone.
 * Never throws: if the two cannot be combined into a valid record, the fuller one is returned
 * with both provenances.
 */
export function mergeRecord(existing: CorpusRecord, incoming: CorpusRecord): CorpusRecord {
  try {
    return mergeRecordUnchecked(existing, incoming);
  } catch {
    return incoming;
  }
}

function mergeRecordUnchecked(existing: CorpusRecord, incoming: CorpusRecord): CorpusRecord {
  // A record read only from earlier versions of the files `incoming` was read from is replaced,
  // not merged: what an edit took out of a page (a speaker, a topic) must leave the record too.
  if (
    existing.provenance.length > 0 &&
    existing.provenance.every((entry) => isSupersededBy(entry, incoming.provenance))
  )
    return incoming;
  const provenance = mergeProvenance(readingsOf(existing, incoming), readingsOf(incoming, existing));
  if (isDocument(existing) && isDocument(incoming)) {
    const incomingWins = fullness(incoming) >= fullness(existing);
    const primary = incomingWins ? incoming : existing;
    const secondary = incomingWins ? existing : incoming;
    const merged = mergeDocuments(primary, secondary);
    merged.provenance = provenance;
    return validOr(merged, { ...primary, provenance } as CorpusRecord);
  }
  if (existing.kind !== incoming.kind || isDocument(existing) || isDocument(incoming)) {
    return { ...incoming, provenance } as CorpusRecord;
  }
  return mergeEntities(existing, incoming, provenance);
}

function mergeEntities(existing: Entity, incoming: Entity, provenance: Provenance[]): CorpusRecord {
  const merged: Record<string, unknown> = { ...existing };
  const incomingRecord = incoming as Record<string, unknown>;
  for (const [key, value] of Object.entries(incomingRecord)) {
    if (isEmpty(merged[key])) merged[key] = value;
  }
  const name = preferredName(existing.name, incoming.name);
  merged.name = name;
  const names = new Set<string>([...existing.aliases, ...incoming.aliases, existing.name, incoming.name]);
  names.delete(name);
  merged.aliases = [...names];
  if (existing.kind === "person" && incoming.kind === "person") {
    merged.honorifics = union(existing.honorifics, incoming.honorifics);
  }
  if (existing.kind === "region" && incoming.kind === "region") {
    merged.countries = union(existing.countries, incoming.countries);
  }
  merged.provenance = provenance;
  return validOr(merged as CorpusRecord, { ...existing, provenance } as CorpusRecord);
}

/** Letters a page can drop when it is typed without accents: combining marks, ø, æ, ß... */
function accentCount(name: string): number {
  return (name.normalize("NFKD").match(/\p{M}|[øæœßđłþðØÆŒĐŁÞÐ]/gu) ?? []).length;
}

/**
 * The name an entity is shown under when two spellings meet. A spelling that differs only by
 * accents, case or punctuation and carries more accents wins ("Dahl-Sørensen" over
 * "Dahl-Sorensen": pages and feeds lose accents, they never add them); otherwise the stored name stays.
 */
function preferredName(existing: string, incoming: string): string {
  if (existing === incoming || slugify(existing, 400) !== slugify(incoming, 400)) return existing;
  return accentCount(incoming) > accentCount(existing) ? incoming : existing;
}

function mergeDocuments(primary: Document, secondary: Document): Document {
  const allowed = new Set([...baseKeys, ...(kindKeys[primary.kind] ?? []), "kind"]);
  const merged: Record<string, unknown> = { ...primary };
  const secondaryRecord = secondary as Record<string, unknown>;
  for (const [key, value] of Object.entries(secondaryRecord)) {
    if (allowed.has(key) && isEmpty(merged[key])) merged[key] = value;
  }
  if (primary.titleDerived && !secondary.titleDerived) {
    merged.title = secondary.title;
    merged.titleDerived = false;
  }
  // The source is merged part by part, like the record: the fuller record's site and URL win, and
  // the other's fill only a part the fuller one lacks (a full page with a URL but no site name
  // still gets the teaser's site; a teaser never replaces the site a full page names).
  const source = mergeSource(primary.source, secondary.source);
  if (source) merged.source = source;
  else delete merged.source;
  merged.date = preciser(primary.date, secondary.date);
  merged.endDate = preciser(primary.endDate, secondary.endDate);
  if (merged.date === undefined) delete merged.date;
  if (merged.endDate === undefined) delete merged.endDate;
  merged.extent = primary.extent === "full" || secondary.extent === "full" ? "full" : "teaser";
  if (primary.kind === "stub") merged.extent = secondary.kind === "stub" ? primary.extent : secondary.extent;
  merged.people = unionBy(
    primary.people,
    secondary.people,
    (item) => `${item.person.id}|${item.role}`,
    (left, right) => ({
      ...right,
      ...left,
      affiliations: left.affiliations.length > 0 ? left.affiliations : right.affiliations,
    }),
  );
  merged.organizations = unionBy(
    primary.organizations,
    secondary.organizations,
    (item) => `${item.organization.id}|${item.role}`,
  );
  merged.topics = unionBy(primary.topics, secondary.topics, (item) => item.id);
  merged.regions = unionBy(primary.regions, secondary.regions, (item) => item.id);
  merged.hashtags = union(primary.hashtags, secondary.hashtags);
  merged.links = unionBy(primary.links, secondary.links, (item) => `${item.type}|${item.target.id}`);
  return merged as Document;
}

function mergeSource(primary: Document["source"], secondary: Document["source"]): Document["source"] {
  const site = primary?.site || secondary?.site;
  const url = primary?.url || secondary?.url;
  if (!site && !url) return undefined;
  const source: NonNullable<Document["source"]> = {};
  if (site) source.site = site;
  if (url) source.url = url;
  return source;
}

/** The date with more parts read from the page wins; a read date beats an inferred one. */
function preciser(left: PartialDate | undefined, right: PartialDate | undefined): PartialDate | undefined {
  if (!left) return right;
  if (!right) return left;
  const score = (date: PartialDate) =>
    (date.inferred ? 0 : 10) + (date.year ? 4 : 0) + (date.month ? 2 : 0) + (date.day ? 1 : 0);
  return score(right) > score(left) ? right : left;
}

/**
 * The provenance `record` brings to a merge with `other`. A stub's entries say only which page
 * linked to the piece (they trace no field); once the piece itself has been read they would list
 * the linking pages among its sources (an unrelated article, nothing in it marked), so they go.
 * The link stays in the linking page's own record.
 */
function readingsOf(record: CorpusRecord, other: CorpusRecord): Provenance[] {
  if (record.kind !== "stub" || other.kind === "stub") return record.provenance;
  return record.provenance.filter((entry) => Object.keys(entry.fields).length > 0);
}

/**
 * An entry of a stored record's provenance that `incoming` replaces: the same file (by path)
 * read again with other content, i.e. the file was edited. Its spans point into the old text.
 */
function isSupersededBy(entry: Provenance, incoming: readonly Provenance[]): boolean {
  const path = entry.input.path;
  if (path === undefined) return false;
  const newer = incoming.filter((other) => other.input.path === path);
  return newer.length > 0 && newer.every((other) => other.input.contentHash !== entry.input.contentHash);
}

function mergeProvenance(left: Provenance[], right: Provenance[]): Provenance[] {
  // Re-parsing the same input with the same parser replaces its old entry instead of piling up,
  // and a newer version of a file replaces the entries of its older ones.
  const key = (entry: Provenance) => `${entry.input.contentHash}|${entry.parser.name}`;
  const byKey = new Map<string, Provenance>();
  for (const entry of left) if (!isSupersededBy(entry, right)) byKey.set(key(entry), entry);
  for (const entry of right) byKey.set(key(entry), entry);
  return [...byKey.values()];
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === "" ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === "object" && !Array.isArray(value) && Object.keys(value as object).length === 0)
  );
}

function union<T>(left: readonly T[], right: readonly T[]): T[] {
  return [...new Set([...left, ...right])];
}

function unionBy<T>(
  left: readonly T[],
  right: readonly T[],
  key: (item: T) => string,
  combine?: (left: T, right: T) => T,
): T[] {
  const byKey = new Map<string, T>();
  for (const item of left) if (!byKey.has(key(item))) byKey.set(key(item), item);
  for (const item of right) {
    const existing = byKey.get(key(item));
    if (existing === undefined) byKey.set(key(item), item);
    else if (combine) byKey.set(key(item), combine(existing, item));
  }
  return [...byKey.values()];
}

function validOr(candidate: CorpusRecord, fallback: CorpusRecord): CorpusRecord {
  const checked = recordSchema.safeParse(candidate);
  return checked.success ? checked.data : fallback;
}
