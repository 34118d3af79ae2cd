import {
  comparePartialDates,
  type Document,
  type DocumentSummary,
  type Entity,
  type EntityCount,
  type EntityListItem,
  type EntityView,
  type RelatedDocument,
  slugify,
  type Stats,
} from "@corpus/schema";
import { summarize } from "./derive.js";
import { REF_BUCKETS, refBucketJoin } from "./entity-refs.js";
import type { Executor } from "./driver.js";
import type { FacetIndex } from "./facet-index.js";
import type { ListEntitiesOptions } from "../store.js";
import { InvalidCursorError } from "./search.js";
import { nameKey } from "./write.js";

const ENTITY_DOCUMENTS_SHOWN = 500;
const CO_PARTICIPANTS_SHOWN = 25;

export async function entityView(
  reader: Executor,
  index: FacetIndex,
  id: string,
): Promise<EntityView | null> {
  const [row] = await reader.all<{ data: string }>("SELECT data FROM entities WHERE id = ?", [id]);
  if (!row) return null;
  const entity = JSON.parse(row.data) as Entity;
  const refs = await reader.all<{ seq: number; role: string; data: string }>(
    `WITH RECURSIVE ${REF_BUCKETS}
     SELECT r.doc_seq AS seq, r.role AS role, d.data AS data FROM bucket CROSS JOIN refs r
     JOIN documents d ON d.seq = r.doc_seq WHERE ${refBucketJoin("r")} AND r.entity_id = ?`,
    [id],
  );
  const byDocument = new Map<number, { document: Document; roles: string[] }>();
  const roleCounts = new Map<string, number>();
  for (const ref of refs) {
    const seq = Number(ref.seq);
    let entry = byDocument.get(seq);
    if (!entry) {
      entry = { document: JSON.parse(ref.data) as Document, roles: [] };
      byDocument.set(seq, entry);
    }
    const role = ref.role || entity.kind;
    if (!entry.roles.includes(role)) {
      entry.roles.push(role);
      roleCounts.set(role, (roleCounts.get(role) ?? 0) + 1);
    }
  }
  const entries = [...byDocument.values()].sort((left, right) =>
    comparePartialDates(right.document.date, left.document.date),
  );
  const positions: EntityView["positions"] = [];
  if (entity.kind === "person") {
    for (const entry of [...entries].reverse()) {
      for (const participation of entry.document.people ?? []) {
        if (
          participation.person.id !== id ||
          (!participation.title && (participation.affiliations ?? []).length === 0)
        )
          continue;
        const position: EntityView["positions"][number] = {
          affiliations: (participation.affiliations ?? []).map((item) => ({ id: item.id, name: item.name })),
          document: { id: entry.document.id, title: entry.document.title },
        };
        if (participation.title) position.title = participation.title;
        if (entry.document.date) position.date = entry.document.date;
        positions.push(position);
        break;
      }
    }
  }
  const seqs = [...byDocument.keys()];
  const co = new Map<string, { kind: string; count: number }>();
  for (let start = 0; start < seqs.length; start += 500) {
    const piece = seqs.slice(start, start + 500);
    const rows = await reader.all<{ entity_id: string; entity_kind: string; documents: number }>(
      `SELECT entity_id, entity_kind, count(DISTINCT doc_seq) AS documents FROM refs
       WHERE doc_seq IN (${piece.map(() => "?").join(",")}) AND entity_id <> ? AND entity_kind <> 'hashtag'
       GROUP BY entity_id, entity_kind`,
      [...piece, id],
    );
    for (const item of rows) {
      const current = co.get(item.entity_id);
      co.set(item.entity_id, {
        kind: item.entity_kind,
        count: (current?.count ?? 0) + Number(item.documents),
      });
    }
  }
  const top = (kind: string) =>
    [...co]
      .filter(([, value]) => value.kind === kind)
      .sort((left, right) => right[1].count - left[1].count || (left[0] < right[0] ? -1 : 1))
      .slice(0, CO_PARTICIPANTS_SHOWN);
  const shownIds = ["person", "organization", "topic", "region"].flatMap((kind) =>
    top(kind).map(([entityId]) => entityId),
  );
  const names = await entityNames(reader, shownIds);
  const counted = (kind: string): EntityCount[] =>
    top(kind).map(([entityId, value]) => ({
      id: entityId,
      name: names.get(entityId) ?? entityId,
      count: value.count,
    }));
  const timeline = new Map<string, { total: number; byKind: Record<string, number> }>();
  for (const entry of entries) {
    const year = entry.document.date?.year;
    if (year === undefined) continue;
    const bucket = timeline.get(String(year)) ?? { total: 0, byKind: {} };
    bucket.total++;
    bucket.byKind[entry.document.kind] = (bucket.byKind[entry.document.kind] ?? 0) + 1;
    timeline.set(String(year), bucket);
  }
  void index;
  return {
    entity,
    documentCount: byDocument.size,
    roles: [...roleCounts]
      .map(([role, count]) => ({ role, count }))
      // Ties by name: both engines return an entity's references in their own order.
      .sort(
        (left, right) =>
          right.count - left.count || (left.role < right.role ? -1 : left.role > right.role ? 1 : 0),
      ),
    documents: entries
      .slice(0, ENTITY_DOCUMENTS_SHOWN)
      .map((entry) => ({ document: summarize(entry.document), roles: entry.roles })),
    positions,
    people: counted("person"),
    organizations: counted("organization"),
    topics: counted("topic"),
    regions: counted("region"),
    timeline: [...timeline]
      .sort((left, right) => (left[0] < right[0] ? -1 : 1))
      .map(([bucket, value]) => ({ bucket, ...value })),
  };
}

export async function entityNames(reader: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += 500) {
    const piece = unique.slice(start, start + 500);
    const rows = await reader.all<{ id: string; name: string }>(
      `SELECT id, name FROM entities WHERE id IN (${piece.map(() => "?").join(",")})`,
      piece,
    );
    for (const row of rows) names.set(row.id, row.name);
  }
  return names;
}

export async function summariesByIds(reader: Executor, ids: readonly string[]): Promise<DocumentSummary[]> {
  const found = new Map<string, DocumentSummary>();
  for (let start = 0; start < ids.length; start += 500) {
    const piece = ids.slice(start, start + 500);
    const rows = await reader.all<{ id: string; data: string }>(
      `SELECT id, data FROM documents WHERE id IN (${piece.map(() => "?").join(",")})`,
      piece,
    );
    for (const row of rows) found.set(row.id, summarize(JSON.parse(row.data) as Document));
  }
  return ids.flatMap((id) => found.get(id) ?? []);
}

export async function relatedDocuments(
  reader: Executor,
  documentId: string,
  limit: number,
): Promise<RelatedDocument[]> {
  const [row] = await reader.all<{ seq: number; data: string }>(
    "SELECT seq, data FROM documents WHERE id = ?",
    [documentId],
  );
  if (!row) return [];
  const seq = Number(row.seq);
  const document = JSON.parse(row.data) as Document;
  const related: { relation: RelatedDocument["relation"]; id: string }[] = [];
  const seen = new Set<string>([documentId]);
  const add = (relation: RelatedDocument["relation"], id: string) => {
    if (seen.has(id) || related.length >= limit) return;
    seen.add(id);
    related.push({ relation, id });
  };
  for (const link of document.links ?? []) add(link.type, link.target.id);
  const incoming = await reader.all<{ id: string }>(
    "SELECT d.id AS id FROM links l JOIN documents d ON d.seq = l.doc_seq WHERE l.target_id = ? ORDER BY d.seq LIMIT ?",
    [documentId, limit],
  );
  for (const item of incoming) add("linked-from", item.id);
  for (const [relation, kinds] of [
    ["shared-people", "'person'"],
    ["shared-topics", "'topic'"],
  ] as const) {
    if (related.length >= limit) break;
    const rows = await reader.all<{ id: string }>(
      `WITH RECURSIVE ${REF_BUCKETS}
       SELECT d.id AS id FROM refs mine CROSS JOIN bucket CROSS JOIN refs other
       JOIN documents d ON d.seq = other.doc_seq
       WHERE mine.doc_seq = ? AND mine.entity_kind IN (${kinds}) AND ${refBucketJoin("other")}
       AND other.entity_id = mine.entity_id AND other.doc_seq <> mine.doc_seq AND d.kind <> 'stub'
       GROUP BY d.id ORDER BY count(*) DESC, d.id LIMIT ?`,
      [seq, limit * 2],
    );
    for (const item of rows) add(relation, item.id);
  }
  const summaries = new Map(
    (
      await summariesByIds(
        reader,
        related.map((item) => item.id),
      )
    ).map((summary) => [summary.id, summary]),
  );
  return related.flatMap((item) => {
    const summary = summaries.get(item.id);
    return summary ? [{ relation: item.relation, document: summary }] : [];
  });
}

/** How many live documents name an entity, from the facet index (no pass over every document). */
export function documentCountOf(index: FacetIndex, kind: EntityListItem["kind"], id: string): number {
  const code = index.lookup(kind, id);
  return code === undefined ? 0 : index.valueSet(kind, [id]).count();
}

/**
 * The position a list's cursor stands for. Lists of entities and of possible duplicates page by
 * offset; a cursor they did not give (a typo, one from a search) is refused, not read as "from
 * the start", which would show page one again as if it were the next.
 */
export function offsetOfCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === "") return 0;
  if (!/^\d{1,9}$/.test(cursor))
    throw new InvalidCursorError("this cursor does not belong to this list; start again without a cursor");
  return Number(cursor);
}

export async function listEntities(
  reader: Executor,
  index: FacetIndex,
  options: ListEntitiesOptions,
): Promise<{ items: EntityListItem[]; nextCursor: string | null }> {
  await index.refresh();
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const offset = offsetOfCursor(options.cursor);
  const prefix = options.prefix ? nameKey(options.prefix) : "";
  const where = prefix ? "kind = ? AND name_key >= ? AND name_key < ?" : "kind = ?";
  const params: unknown[] = prefix ? [options.kind, prefix, `${prefix}\uffff`] : [options.kind];
  let items: EntityListItem[];
  if ((options.sort ?? "name") === "name") {
    const rows = await reader.all<{ id: string; name: string }>(
      `SELECT id, name FROM entities WHERE ${where} ORDER BY name_key, id LIMIT ? OFFSET ?`,
      [...params, limit + 1, offset],
    );
    items = rows.map((row) => ({
      id: row.id,
      kind: options.kind,
      name: row.name,
      documentCount: documentCountOf(index, options.kind, row.id),
    }));
  } else {
    const rows = await reader.all<{ id: string; name: string }>(
      `SELECT id, name FROM entities WHERE ${where}`,
      params,
    );
    const counts = index.counts(index.alive);
    items = rows
      .map((row) => {
        const code = index.lookup(options.kind, row.id);
        return {
          id: row.id,
          kind: options.kind,
          name: row.name,
          documentCount: code === undefined ? 0 : (counts[code] ?? 0),
        };
      })
      .sort((left, right) => right.documentCount - left.documentCount || (left.id < right.id ? -1 : 1))
      .slice(offset, offset + limit + 1);
  }
  const nextCursor = items.length > limit ? String(offset + limit) : null;
  return { items: items.slice(0, limit), nextCursor };
}

export async function autocomplete(
  reader: Executor,
  index: FacetIndex,
  prefix: string,
  limit: number,
): Promise<EntityListItem[]> {
  await index.refresh();
  const key = nameKey(prefix.trim());
  if (!key) return [];
  const startsWith = await reader.all<{ id: string; kind: EntityListItem["kind"]; name: string }>(
    "SELECT id, kind, name FROM entities WHERE name_key >= ? AND name_key < ? ORDER BY name_key LIMIT 200",
    [key, `${key}\uffff`],
  );
  // Then a later word of the name ("aum" for Frank Aum, "sorensen" for Dahl-Sørensen) or of
  // another name the entity goes by ("min-ji" for Seo Min-ji, written Min-ji Seo elsewhere): ids
  // and alias ids are slugs, words joined by "-", with ø, æ and accents already spelled out. One
  // pass over the entities' ids (a few ms at 60,000), so only for two characters or more.
  const slug = slugify(prefix, 200);
  let laterWords: typeof startsWith = [];
  if (slug.length >= 2 && startsWith.length < limit) {
    // A slug is letters, digits and "-": nothing in it is special to LIKE.
    const found = await reader.all<{ id: string; kind: EntityListItem["kind"]; name: string }>(
      `SELECT id, kind, name FROM entities WHERE lower(id) LIKE ? OR lower(id) LIKE ?
       UNION SELECT e.id, e.kind, e.name FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
       WHERE lower(a.alias_id) LIKE ? OR lower(a.alias_id) LIKE ?
       LIMIT 200`,
      [`%:${slug}%`, `%-${slug}%`, `%:${slug}%`, `%-${slug}%`],
    );
    const seen = new Set(startsWith.map((row) => row.id));
    laterWords = found.filter((row) => !seen.has(row.id));
  }
  const byCount = (rows: typeof startsWith) =>
    rows
      .map((row) => ({
        id: row.id,
        kind: row.kind,
        name: row.name,
        documentCount: documentCountOf(index, row.kind, row.id),
      }))
      .sort((left, right) => right.documentCount - left.documentCount || (left.name < right.name ? -1 : 1));
  // Names that start with what was typed come first: they are what a typist usually means.
  return [...byCount(startsWith), ...byCount(laterWords)].slice(0, limit);
}

export async function libraryStats(reader: Executor, index: FacetIndex): Promise<Stats> {
  await index.refresh();
  const counts = index.counts(index.alive);
  const byKind: Record<string, number> = {};
  const byYear: { year: number; count: number }[] = [];
  for (let code = 0; code < counts.length; code++) {
    const count = counts[code] as number;
    if (count === 0) continue;
    if (index.codeDimension[code] === 0) byKind[index.codeValue[code] as string] = count;
    if (index.codeDimension[code] === 7) byYear.push({ year: Number(index.codeValue[code]), count });
  }
  byYear.sort((left, right) => left.year - right.year);
  const entityRows = await reader.all<{ kind: string; total: number }>(
    "SELECT kind, count(*) AS total FROM entities GROUP BY kind",
  );
  const entities = { person: 0, organization: 0, topic: 0, region: 0 };
  for (const row of entityRows) entities[row.kind as keyof typeof entities] = Number(row.total);
  const newest = await reader.all<{ data: string }>(
    "SELECT data FROM documents WHERE kind <> 'stub' ORDER BY seq DESC LIMIT 10",
  );
  return {
    documents: index.aliveCount(),
    byKind,
    byYear,
    entities,
    newest: newest.map((row) => summarize(JSON.parse(row.data) as Document)),
  };
}
