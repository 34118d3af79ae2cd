import type { CorpusRecord, Document, Entity } from "@corpus/schema";
import {
  deriveDocumentRows,
  type DocumentRows,
  isDocumentRecord,
  mergeTeaser,
  minimalEntity,
  minimalStub,
  searchable,
} from "./derive.js";
import {
  aliasTargets,
  backfillAliases,
  foldEntity,
  forgetAliases,
  mapReferences,
  moveAliases,
  recordAliases,
  redirectReferences,
  withoutRepeatedReferences,
  referencedEntityIds,
  unionOfNames,
} from "./aliases.js";
import { chunk, placeholders, type WriteTransaction } from "./driver.js";
import { REF_BUCKETS, refBucketJoin } from "./entity-refs.js";
import type { UpsertBatch, UpsertSummary } from "../store.js";

/** Sections get ids doc_seq * 1000 + position; sections past this many are searched as part of the body only. */
export const SECTIONS_PER_DOCUMENT = 1000;
const CHUNK = 400;

export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

interface Existing {
  seq: number;
  data: string;
}

async function existingDocuments(
  transaction: WriteTransaction,
  ids: readonly string[],
): Promise<Map<string, Existing>> {
  const found = new Map<string, Existing>();
  for (const piece of chunk([...new Set(ids)], CHUNK)) {
    const rows = await transaction.all<{ seq: number; id: string; data: string }>(
      `SELECT seq, id, data FROM documents WHERE id IN (${piece.map(() => "?").join(",")})`,
      piece,
    );
    for (const row of rows) found.set(row.id, { seq: Number(row.seq), data: row.data });
  }
  return found;
}

async function existingEntities(
  transaction: WriteTransaction,
  ids: readonly string[],
): Promise<Map<string, { data: string; minimal: boolean }>> {
  const found = new Map<string, { data: string; minimal: boolean }>();
  for (const piece of chunk([...new Set(ids)], CHUNK)) {
    const rows = await transaction.all<{ id: string; data: string; minimal: number }>(
      `SELECT id, data, minimal FROM entities WHERE id IN (${piece.map(() => "?").join(",")})`,
      piece,
    );
    for (const row of rows) found.set(row.id, { data: row.data, minimal: Number(row.minimal) === 1 });
  }
  return found;
}

/** Decides what is stored when `incoming` meets what the library already has under its id. */
function resolveDocument(incoming: Document, existingData: string | undefined): Document | null {
  if (!existingData) return incoming;
  const existing = JSON.parse(existingData) as Document;
  // A stub never overwrites a real record: it only stands in until the page arrives.
  if (incoming.kind === "stub" && existing.kind !== "stub") return null;
  if (existing.kind === "stub" || incoming.kind === "stub") return incoming;
  if (incoming.extent === "teaser" && existing.extent !== "teaser") return mergeTeaser(existing, incoming);
  if (incoming.extent !== "teaser" && existing.extent === "teaser") return mergeTeaser(incoming, existing);
  return incoming;
}

/** Writes documents' rows: the document row itself, references, links and text. Returns their seqs. */
export async function writeDocuments(
  transaction: WriteTransaction,
  rows: readonly DocumentRows[],
  replacedSeqs: readonly number[],
): Promise<Map<string, number>> {
  const seqs = new Map<string, number>();
  for (const piece of chunk(replacedSeqs, CHUNK)) {
    const list = piece.map(() => "?").join(",");
    await transaction.run(`DELETE FROM refs WHERE doc_seq IN (${list})`, piece);
    await transaction.run(`DELETE FROM links WHERE doc_seq IN (${list})`, piece);
  }
  if (replacedSeqs.length > 0) await transaction.deleteText(replacedSeqs);
  for (const piece of chunk(rows, CHUNK)) {
    const returned = await transaction.all<{ seq: number; id: string }>(
      `INSERT INTO documents (id, kind, subtype, title, extent, date_start, date_end, data) VALUES ${placeholders(piece.length, 8)}
       ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, subtype = excluded.subtype, title = excluded.title,
       extent = excluded.extent, date_start = excluded.date_start, date_end = excluded.date_end, data = excluded.data
       RETURNING seq, id`,
      piece.flatMap((row) => [
        row.id,
        row.kind,
        row.subtype,
        row.title,
        row.extent,
        row.dateStart,
        row.dateEnd,
        row.data,
      ]),
    );
    for (const row of returned) seqs.set(row.id, Number(row.seq));
  }
  const refRows: unknown[][] = [];
  const linkRows: unknown[][] = [];
  const textRows: { seq: number; title: string; body: string; tags: string }[] = [];
  const sectionRows: { id: number; docSeq: number; heading: string | null; text: string }[] = [];
  for (const row of rows) {
    const seq = seqs.get(row.id) as number;
    for (const ref of row.refs) refRows.push([seq, ref.entityId, ref.entityKind, ref.role]);
    for (const link of row.links) linkRows.push([seq, link.type, link.targetId]);
    textRows.push({ seq, title: row.title, body: row.body, tags: row.tags });
    row.sections.slice(0, SECTIONS_PER_DOCUMENT).forEach((section, index) => {
      sectionRows.push({
        id: seq * SECTIONS_PER_DOCUMENT + index,
        docSeq: seq,
        heading: section.heading,
        text: section.text,
      });
    });
  }
  for (const piece of chunk(refRows, CHUNK))
    await transaction.run(
      `INSERT INTO refs (doc_seq, entity_id, entity_kind, role) VALUES ${placeholders(piece.length, 4)}`,
      piece.flat(),
    );
  for (const piece of chunk(linkRows, CHUNK))
    await transaction.run(
      `INSERT INTO links (doc_seq, type, target_id) VALUES ${placeholders(piece.length, 3)}`,
      piece.flat(),
    );
  await transaction.writeText(textRows, sectionRows);
  const changed = [...seqs.values()];
  for (const piece of chunk(changed, CHUNK))
    await transaction.run(`INSERT INTO changes (doc_seq) VALUES ${placeholders(piece.length, 1)}`, piece);
  return seqs;
}

export async function writeEntities(
  transaction: WriteTransaction,
  entities: readonly { entity: Entity; data: string; minimal: boolean }[],
  onConflict: "replace" | "keep",
): Promise<void> {
  for (const piece of chunk(entities, CHUNK)) {
    await transaction.run(
      `INSERT INTO entities (id, kind, name, name_key, minimal, data) VALUES ${placeholders(piece.length, 6)}
       ON CONFLICT (id) DO ${onConflict === "keep" ? "NOTHING" : "UPDATE SET kind = excluded.kind, name = excluded.name, name_key = excluded.name_key, minimal = excluded.minimal, data = excluded.data"}`,
      piece.flatMap((item) => [
        item.entity.id,
        item.entity.kind,
        item.entity.name,
        nameKey(item.entity.name),
        item.minimal ? 1 : 0,
        item.data,
      ]),
    );
  }
}

/** The store's upsert: see Store.upsert. Runs inside the caller's transaction. */
export async function upsertBatch(transaction: WriteTransaction, batch: UpsertBatch): Promise<UpsertSummary> {
  const summary: UpsertSummary = { added: 0, updated: 0, unchanged: 0 };
  let documents: Document[] = [];
  let entities: Entity[] = [];
  // Within one batch the last record with an id wins, as if they had been written one by one.
  const lastIndex = new Map<string, number>();
  for (const [index, record] of batch.records.entries()) lastIndex.set(record.id, index);
  batch.records.forEach((record: CorpusRecord, index) => {
    if (lastIndex.get(record.id) !== index) {
      summary.unchanged++;
      return;
    }
    if (isDocumentRecord(record)) documents.push(record);
    else entities.push(record as Entity);
  });

  // References to a known alias go to its entity; an entity record under an alias id is folded
  // into that entity (decision 0025).
  await ensureAliasIndex(transaction);
  const targets = await aliasTargets(transaction, [
    ...entities.map((entity) => entity.id),
    ...documents.flatMap(referencedEntityIds),
  ]);
  if (targets.size > 0) {
    documents = documents.map((document) => redirectReferences(document, targets));
    entities = await foldAliasRecords(transaction, entities, targets, summary);
  }

  const existing = await existingDocuments(
    transaction,
    documents.map((document) => document.id),
  );
  const toWrite: DocumentRows[] = [];
  const replaced: number[] = [];
  for (const incoming of documents) {
    const before = existing.get(incoming.id);
    const resolved = resolveDocument(incoming, before?.data);
    const data = resolved ? JSON.stringify(resolved) : undefined;
    if (!resolved || (before && before.data === data)) {
      summary.unchanged++;
      continue;
    }
    if (before) {
      summary.updated++;
      replaced.push(before.seq);
    } else summary.added++;
    toWrite.push(deriveDocumentRows(resolved, data));
  }

  // Link targets that are not in the library yet become stubs, so every link resolves.
  const linkTargets = new Map<string, string>();
  for (const rows of toWrite) for (const link of rows.links) linkTargets.set(link.targetId, link.targetTitle);
  for (const rows of toWrite) linkTargets.delete(rows.id);
  const presentTargets = await existingDocuments(transaction, [...linkTargets.keys()]);
  for (const [id, title] of linkTargets)
    if (!presentTargets.has(id)) toWrite.push(deriveDocumentRows(minimalStub(id, title)));

  await writeDocuments(transaction, toWrite, replaced);

  const entityIds = entities.map((entity) => entity.id);
  const mentioned = new Map<string, { kind: Entity["kind"]; name: string }>();
  for (const rows of toWrite)
    for (const [id, mention] of rows.mentioned) if (!mentioned.has(id)) mentioned.set(id, mention);
  const known = await existingEntities(transaction, [...entityIds, ...mentioned.keys()]);
  const entityWrites: { entity: Entity; data: string; minimal: boolean }[] = [];
  for (const entity of entities) {
    const data = JSON.stringify(entity);
    const before = known.get(entity.id);
    if (before && !before.minimal && before.data === data) {
      summary.unchanged++;
      continue;
    }
    if (before && !before.minimal) summary.updated++;
    else summary.added++;
    entityWrites.push({ entity, data, minimal: false });
  }
  await writeEntities(transaction, entityWrites, "replace");
  const incomingIds = new Set(entityIds);
  const minimal = [...mentioned]
    .filter(([id]) => !known.has(id) && !incomingIds.has(id))
    .map(([id, mention]) => {
      const entity = minimalEntity(id, mention.kind, mention.name);
      return { entity, data: JSON.stringify(entity), minimal: true };
    });
  await writeEntities(transaction, minimal, "keep");

  // An entity that names, as its alias, one that is still separate absorbs it, as a merge would.
  const folds = await recordAliases(
    transaction,
    entityWrites.map((item) => item.entity),
  );

  const merged = uniqueFolds(folds);
  for (const fold of merged) await mergeEntityRecords(transaction, fold.into, fold.from);
  if (merged.length > 0) summary.merged = merged;

  for (const piece of chunk(batch.sources ?? [], CHUNK))
    await transaction.run(
      `INSERT INTO sources (content_hash, media_type, path, text) VALUES ${placeholders(piece.length, 4)} ON CONFLICT (content_hash) DO NOTHING`,
      piece.flatMap((source) => [source.contentHash, source.mediaType, source.path ?? null, source.text]),
    );
  const storedAt = new Date().toISOString();
  for (const piece of chunk(batch.inputs ?? [], CHUNK))
    await transaction.run(
      `INSERT INTO inputs (path, content_hash, record_ids, stored_at) VALUES ${placeholders(piece.length, 4)}
       ON CONFLICT (path) DO UPDATE SET content_hash = excluded.content_hash, record_ids = excluded.record_ids, stored_at = excluded.stored_at`,
      piece.flatMap((input) => [input.path, input.contentHash, JSON.stringify(input.recordIds), storedAt]),
    );
  return summary;
}

/** Indexes the aliases of a library from before migration 5, folding what they name (once). */
async function ensureAliasIndex(transaction: WriteTransaction): Promise<void> {
  for (const fold of uniqueFolds(await backfillAliases(transaction)))
    await mergeEntityRecords(transaction, fold.into, fold.from);
}

/** One fold per absorbed entity, and none into an entity that is itself being absorbed. */
function uniqueFolds(folds: readonly { into: string; from: string }[]): { into: string; from: string }[] {
  const byFrom = new Map<string, { into: string; from: string }>();
  for (const fold of folds) if (!byFrom.has(fold.from)) byFrom.set(fold.from, fold);
  return [...byFrom.values()].filter((fold) => !byFrom.has(fold.into));
}

/**
 * Entity records of the batch whose id is another entity's alias, folded into that entity: into
 * its record in the batch when there is one, else into the stored one (which is rewritten).
 */
async function foldAliasRecords(
  transaction: WriteTransaction,
  entities: readonly Entity[],
  targets: ReadonlyMap<string, string>,
  summary: UpsertSummary,
): Promise<Entity[]> {
  const kept = new Map<string, Entity>();
  const strays: Entity[] = [];
  for (const entity of entities) {
    if (targets.has(entity.id)) strays.push(entity);
    else kept.set(entity.id, entity);
  }
  if (strays.length === 0) return [...entities];
  const missing = strays.map((entity) => targets.get(entity.id)!).filter((id) => !kept.has(id));
  const stored = await existingEntities(transaction, missing);
  for (const stray of strays) {
    const intoId = targets.get(stray.id)!;
    const base =
      kept.get(intoId) ?? (stored.has(intoId) ? (JSON.parse(stored.get(intoId)!.data) as Entity) : undefined);
    // The alias's entity was deleted meanwhile: keep the record as it came.
    if (!base || base.kind !== stray.kind) {
      kept.set(stray.id, stray);
      continue;
    }
    kept.set(intoId, foldEntity(base, stray));
    summary.unchanged++;
  }
  return [...kept.values()];
}

/** Deletes documents and entities; references to a deleted entity stay in documents until they are re-ingested. */
export async function deleteRecords(transaction: WriteTransaction, ids: readonly string[]): Promise<number> {
  await ensureAliasIndex(transaction);
  let deleted = 0;
  const documents = await existingDocuments(transaction, ids);
  const seqs = [...documents.values()].map((item) => item.seq);
  for (const piece of chunk(seqs, CHUNK)) {
    const list = piece.map(() => "?").join(",");
    await transaction.run(`DELETE FROM refs WHERE doc_seq IN (${list})`, piece);
    await transaction.run(`DELETE FROM links WHERE doc_seq IN (${list})`, piece);
    await transaction.deleteText(piece);
    deleted += await transaction.run(`DELETE FROM documents WHERE seq IN (${list})`, piece);
    await transaction.run(`INSERT INTO changes (doc_seq) VALUES ${placeholders(piece.length, 1)}`, piece);
  }
  const entityIds = ids.filter((id) => !documents.has(id));
  for (const piece of chunk(entityIds, CHUNK))
    deleted += await transaction.run(
      `DELETE FROM entities WHERE id IN (${piece.map(() => "?").join(",")})`,
      piece,
    );
  await forgetAliases(transaction, entityIds);
  return deleted;
}

function renameReferences(document: Document, from: string, into: Entity): Document {
  return withoutRepeatedReferences(
    mapReferences(document, (ref) => (ref.id === from ? { ...ref, id: into.id, name: into.name } : ref)),
  );
}

export async function mergeEntityRecords(
  transaction: WriteTransaction,
  intoId: string,
  fromId: string,
): Promise<Entity> {
  if (intoId === fromId) throw new Error(`cannot merge ${intoId} into itself`);
  await ensureAliasIndex(transaction);
  const rows = await transaction.all<{ id: string; data: string }>(
    "SELECT id, data FROM entities WHERE id IN (?, ?)",
    [intoId, fromId],
  );
  const into = rows.find((row) => row.id === intoId);
  const from = rows.find((row) => row.id === fromId);
  if (!into || !from) throw new Error(`cannot merge: ${!into ? intoId : fromId} is not in the library`);
  const intoEntity = JSON.parse(into.data) as Entity;
  const fromEntity = JSON.parse(from.data) as Entity;
  if (intoEntity.kind !== fromEntity.kind)
    throw new Error(`cannot merge a ${fromEntity.kind} (${fromId}) into a ${intoEntity.kind} (${intoId})`);
  const merged = { ...intoEntity, aliases: unionOfNames(intoEntity, fromEntity) } as Entity;
  const affected = await transaction.all<{ seq: number; data: string }>(
    `WITH RECURSIVE ${REF_BUCKETS}
     SELECT DISTINCT d.seq AS seq, d.data AS data FROM bucket CROSS JOIN refs r
     JOIN documents d ON d.seq = r.doc_seq WHERE ${refBucketJoin("r")} AND r.entity_id = ?`,
    [fromId],
  );
  const rewritten = affected.map((row) => {
    const document = renameReferences(JSON.parse(row.data) as Document, fromId, merged);
    return deriveDocumentRows(document);
  });
  await writeDocuments(
    transaction,
    rewritten,
    affected.map((row) => Number(row.seq)),
  );
  await transaction.run("DELETE FROM entities WHERE id = ?", [fromId]);
  await writeEntities(
    transaction,
    [{ entity: merged, data: JSON.stringify(merged), minimal: false }],
    "replace",
  );
  // The merge sticks: a page that names `from` later is sent to `into` (decision 0025). Other
  // separate entities that the merged aliases name are left for their own merge, not chained here.
  await moveAliases(transaction, fromId, intoId);
  await recordAliases(transaction, [merged]);
  return merged;
}

/**
 * Indexes again, once, the text of the documents a library stored before its search text was
 * folded (SQLite migration 6, PostgreSQL 8): only those holding a letter `searchable` changes,
 * found by one pass over the records. Until then a query for "Sørensen", folded to "sorensen",
 * would miss them. Runs when the library is opened; a no-op from then on.
 */
export async function refoldSearchText(transaction: WriteTransaction): Promise<number> {
  const [state] = await transaction.all<{ folded: number }>("SELECT folded FROM search_text_state");
  if (!state || Number(state.folded) === 1) return 0;
  let refolded = 0;
  for (let after = 0; ; ) {
    const rows = await transaction.all<{ seq: number; data: string }>(
      "SELECT seq, data FROM documents WHERE seq > ? ORDER BY seq LIMIT 2000",
      [after],
    );
    if (rows.length === 0) break;
    after = Number(rows[rows.length - 1]!.seq);
    // Only the documents whose text `searchable` changes (it returns its input when it does not).
    const holding = rows.filter((row) => searchable(row.data) !== row.data);
    if (holding.length === 0) continue;
    await writeDocuments(
      transaction,
      holding.map((row) => deriveDocumentRows(JSON.parse(row.data) as Document, row.data)),
      holding.map((row) => Number(row.seq)),
    );
    refolded += holding.length;
  }
  await transaction.run("UPDATE search_text_state SET folded = 1");
  return refolded;
}
