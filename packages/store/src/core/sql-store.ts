import type {
  CorpusRecord,
  Document,
  DocumentSummary,
  EntityListItem,
  SearchQuery,
  SourceText,
} from "@corpus/schema";
import { searchQuerySchema } from "@corpus/schema";
import type {
  AuditEntry,
  ListEntitiesOptions,
  Store,
  StoredInput,
  UpsertBatch,
  UpsertSummary,
} from "../store.js";
import { aliasTargets } from "./aliases.js";
import type { SqlDriver } from "./driver.js";
import { possibleDuplicatePeople, possibleDuplicatesOf } from "./duplicates.js";
import { FacetIndex, type IndexDocumentRow, type IndexRefRow, type IndexSource } from "./facet-index.js";
import { SearchEngine, type SearchTuning } from "./search.js";
import { SectionHeadingList } from "./section-headings.js";
import {
  autocomplete,
  entityNames,
  entityView,
  libraryStats,
  listEntities,
  relatedDocuments,
  summariesByIds,
} from "./views.js";
import { deleteRecords, mergeEntityRecords, refoldSearchText, upsertBatch } from "./write.js";

function indexSource(driver: SqlDriver): IndexSource {
  const toDocument = (row: unknown[]): IndexDocumentRow => [
    Number(row[0]),
    row[1] as string,
    (row[2] as string | null) ?? null,
    row[3] === null ? null : Number(row[3]),
    row[4] === null ? null : Number(row[4]),
  ];
  // In place: at a million documents the index loads ten million reference rows.
  const toRef = (row: unknown[]): IndexRefRow => {
    if (typeof row[0] !== "number") row[0] = Number(row[0]);
    return row as IndexRefRow;
  };
  return {
    async loadSnapshot() {
      const [row] = await driver.values("SELECT format, mark, data FROM facet_snapshot LIMIT 1");
      if (!row) return null;
      const data = row[2] as Uint8Array;
      return {
        format: Number(row[0]),
        mark: Number(row[1]),
        data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      };
    },
    async saveSnapshot(snapshot) {
      const bytes = Buffer.from(snapshot.data.buffer, snapshot.data.byteOffset, snapshot.data.byteLength);
      await driver.transaction(async (transaction) => {
        await transaction.run("DELETE FROM facet_snapshot");
        await transaction.run("INSERT INTO facet_snapshot (format, mark, data) VALUES (?, ?, ?)", [
          snapshot.format,
          snapshot.mark,
          bytes,
        ]);
      });
    },
    async changeMark() {
      const [row] = await driver.values("SELECT coalesce(max(id), 0) FROM changes");
      return Number(row?.[0] ?? 0);
    },
    async maxSeq() {
      const [row] = await driver.values("SELECT coalesce(max(seq), 0) FROM documents");
      return Number(row?.[0] ?? 0);
    },
    async loadRange(fromSeq, toSeq) {
      const documents = await driver.values(
        "SELECT seq, kind, subtype, date_start, date_end FROM documents WHERE seq >= ? AND seq < ? ORDER BY seq",
        [fromSeq, toSeq],
      );
      const refs = await driver.values(
        "SELECT doc_seq, entity_kind, entity_id, role FROM refs WHERE doc_seq >= ? AND doc_seq < ? ORDER BY doc_seq",
        [fromSeq, toSeq],
      );
      return { documents: documents.map(toDocument), refs: refs.map(toRef) };
    },
    async loadSeqs(seqs) {
      const documents: IndexDocumentRow[] = [];
      const refs: IndexRefRow[] = [];
      for (let start = 0; start < seqs.length; start += 500) {
        const piece = seqs.slice(start, start + 500);
        const list = piece.map(() => "?").join(",");
        documents.push(
          ...(
            await driver.values(
              `SELECT seq, kind, subtype, date_start, date_end FROM documents WHERE seq IN (${list})`,
              piece,
            )
          ).map(toDocument),
        );
        refs.push(
          ...(
            await driver.values(
              `SELECT doc_seq, entity_kind, entity_id, role FROM refs WHERE doc_seq IN (${list})`,
              piece,
            )
          ).map(toRef),
        );
      }
      return { documents, refs };
    },
    async changedSince(mark) {
      const rows = await driver.values("SELECT id, doc_seq FROM changes WHERE id > ? ORDER BY id", [mark]);
      const last = rows[rows.length - 1];
      return { mark: last ? Number(last[0]) : mark, seqs: [...new Set(rows.map((row) => Number(row[1])))] };
    },
  };
}

/** The Store both engines share: SQL that runs on SQLite and PostgreSQL alike, plus the in-memory index. */
interface InputRow {
  path: string;
  content_hash: string;
  record_ids: string;
  stored_at: string;
}

function storedInput(row: InputRow): StoredInput {
  return {
    path: row.path,
    contentHash: row.content_hash,
    recordIds: JSON.parse(row.record_ids) as string[],
    storedAt: row.stored_at,
  };
}

export class SqlStore implements Store {
  readonly engine: "sqlite" | "postgres";
  private readonly index: FacetIndex;
  private readonly searchEngine: SearchEngine;
  private readonly headings: SectionHeadingList;

  constructor(
    private readonly driver: SqlDriver,
    tuning?: SearchTuning,
    facetSnapshotAfterMs?: number,
  ) {
    this.engine = driver.engine;
    const source = indexSource(driver);
    this.index = new FacetIndex(source, facetSnapshotAfterMs);
    this.headings = new SectionHeadingList(driver, () => source.changeMark());
    this.searchEngine = new SearchEngine(
      driver,
      this.index,
      (seqs) => this.documentsBySeq(seqs),
      (ids) => entityNames(driver, ids),
      tuning,
    );
  }

  private async documentsBySeq(seqs: readonly number[]): Promise<Map<number, Document>> {
    const found = new Map<number, Document>();
    if (seqs.length === 0) return found;
    const rows = await this.driver.values(
      `SELECT seq, data FROM documents WHERE seq IN (${seqs.map(() => "?").join(",")})`,
      seqs,
    );
    for (const row of rows) found.set(Number(row[0]), JSON.parse(row[1] as string) as Document);
    return found;
  }

  /** The one-time upgrades a library needs in code, not SQL, before it is read (openStore runs it). */
  async upgrade(): Promise<void> {
    await this.driver.transaction((transaction) => refoldSearchText(transaction));
  }

  upsert(batch: UpsertBatch): Promise<UpsertSummary> {
    return this.driver.transaction((transaction) => upsertBatch(transaction, batch));
  }

  delete(ids: readonly string[]): Promise<number> {
    return this.driver.transaction((transaction) => deleteRecords(transaction, ids));
  }

  mergeEntities(into: string, from: string): Promise<CorpusRecord> {
    return this.driver.transaction((transaction) => mergeEntityRecords(transaction, into, from));
  }

  async get(id: string): Promise<CorpusRecord | null> {
    const table = id.startsWith("doc:") ? "documents" : "entities";
    const rows = await this.driver.values(`SELECT data FROM ${table} WHERE id = ?`, [id]);
    return rows[0] ? (JSON.parse(rows[0][0] as string) as CorpusRecord) : null;
  }

  async getMany(ids: readonly string[]): Promise<CorpusRecord[]> {
    const found = new Map<string, CorpusRecord>();
    for (let start = 0; start < ids.length; start += 500) {
      const piece = ids.slice(start, start + 500);
      const list = piece.map(() => "?").join(",");
      for (const table of ["documents", "entities"]) {
        const rows = await this.driver.values(`SELECT id, data FROM ${table} WHERE id IN (${list})`, piece);
        for (const row of rows) found.set(row[0] as string, JSON.parse(row[1] as string) as CorpusRecord);
      }
    }
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  async getSourceText(contentHash: string): Promise<SourceText | null> {
    const [row] = await this.driver.all<{
      content_hash: string;
      media_type: SourceText["mediaType"];
      path: string | null;
      text: string;
    }>("SELECT content_hash, media_type, path, text FROM sources WHERE content_hash = ?", [contentHash]);
    if (!row) return null;
    const source: SourceText = { contentHash: row.content_hash, mediaType: row.media_type, text: row.text };
    if (row.path) source.path = row.path;
    return source;
  }

  async search(query: SearchQuery) {
    const { query: kept, merged } = await this.withKeptEntities(searchQuerySchema.parse(query));
    const result = await this.searchEngine.search(kept);
    return merged.length > 0 ? { ...result, mergedFilterIds: merged } : result;
  }

  /**
   * Filters on an id merged into another entity (a bookmarked search, an old link) filter on the
   * entity kept, as its references now say (decision 0025); `merged` says which ids were replaced
   * so that clients can show, and link to, the entity kept.
   */
  private async withKeptEntities(
    query: SearchQuery,
  ): Promise<{ query: SearchQuery; merged: { from: string; to: string }[] }> {
    const filters = query.filters;
    const ids = [filters.person, filters.organization, filters.topic, filters.region].flatMap(
      (list) => list ?? [],
    );
    if (ids.length === 0) return { query, merged: [] };
    const kept = await aliasTargets(this.driver, ids);
    if (kept.size === 0) return { query, merged: [] };
    const resolve = (list: string[] | undefined) =>
      list ? [...new Set(list.map((id) => kept.get(id) ?? id))] : undefined;
    const resolved = { ...filters };
    for (const name of ["person", "organization", "topic", "region"] as const) {
      const list = resolve(filters[name]);
      if (list) resolved[name] = list;
    }
    const merged = [...new Set(ids)].flatMap((from) => {
      const to = kept.get(from);
      return to ? [{ from, to }] : [];
    });
    return { query: { ...query, filters: resolved }, merged };
  }

  async timeline(query: SearchQuery, bucket: "month" | "year") {
    const { query: kept } = await this.withKeptEntities(searchQuerySchema.parse(query));
    return this.searchEngine.timeline(kept, bucket);
  }

  related(documentId: string, limit = 20) {
    return relatedDocuments(this.driver, documentId, limit);
  }

  /** An id merged away or named as an alias (decision 0025) shows the entity it now belongs to. */
  async entity(id: string) {
    let view = await entityView(this.driver, this.index, id);
    if (!view && !id.startsWith("doc:")) {
      const kept = (await aliasTargets(this.driver, [id])).get(id);
      if (kept) view = await entityView(this.driver, this.index, kept);
    }
    if (view?.entity.kind !== "person") return view;
    const others = await possibleDuplicatesOf(this.driver, this.index, view.entity);
    return others.length > 0 ? { ...view, possibleDuplicates: others } : view;
  }

  listEntities(options: ListEntitiesOptions) {
    return listEntities(this.driver, this.index, options);
  }

  autocomplete(prefix: string, limit = 10): Promise<EntityListItem[]> {
    return autocomplete(this.driver, this.index, prefix, limit);
  }

  sectionHeadings(options: { prefix?: string; limit?: number } = {}) {
    return this.headings.list(options);
  }

  possibleDuplicates(options: { limit?: number; cursor?: string } = {}) {
    return possibleDuplicatePeople(this.driver, this.index, options);
  }

  stats() {
    return libraryStats(this.driver, this.index);
  }

  async *exportRecords(): AsyncIterable<CorpusRecord> {
    // Every document id ("doc:...") sorts before every entity id ("org:", "person:", ...), so
    // documents then entities, each by id, is id order overall.
    // Byte order on both engines (SQLite compares text as bytes; PostgreSQL would follow the
    // database's collation), so an export reads the same from either.
    const bytes = this.driver.engine === "postgres" ? ' COLLATE "C"' : "";
    for (const table of ["documents", "entities"]) {
      let after = "";
      for (;;) {
        const rows = await this.driver.values(
          `SELECT id, data FROM ${table} WHERE id${bytes} > ? ORDER BY id${bytes} LIMIT 1000`,
          [after],
        );
        for (const row of rows) yield JSON.parse(row[1] as string) as CorpusRecord;
        const last = rows[rows.length - 1];
        if (!last || rows.length < 1000) break;
        after = last[0] as string;
      }
    }
  }

  async *exportSources(): AsyncIterable<SourceText> {
    let after = "";
    for (;;) {
      const rows = await this.driver.all<{
        content_hash: string;
        media_type: SourceText["mediaType"];
        path: string | null;
        text: string;
      }>(
        // Hashes are lowercase hex: one order under every collation.
        "SELECT content_hash, media_type, path, text FROM sources WHERE content_hash > ? ORDER BY content_hash LIMIT 200",
        [after],
      );
      for (const row of rows) {
        const source: SourceText = {
          contentHash: row.content_hash,
          mediaType: row.media_type,
          text: row.text,
        };
        if (row.path) source.path = row.path;
        yield source;
      }
      if (rows.length < 200) return;
      after = rows[rows.length - 1]!.content_hash;
    }
  }

  async *exportInputs(): AsyncIterable<StoredInput> {
    const bytes = this.driver.engine === "postgres" ? ' COLLATE "C"' : "";
    let after = "";
    for (;;) {
      const rows = await this.driver.all<InputRow>(
        `SELECT path, content_hash, record_ids, stored_at FROM inputs WHERE path${bytes} > ? ORDER BY path${bytes} LIMIT 1000`,
        [after],
      );
      for (const row of rows) yield storedInput(row);
      if (rows.length < 1000) return;
      after = rows[rows.length - 1]!.path;
    }
  }

  summaries(ids: readonly string[]): Promise<DocumentSummary[]> {
    return summariesByIds(this.driver, ids);
  }

  async getInputs(paths: readonly string[]): Promise<Map<string, StoredInput>> {
    const found = new Map<string, StoredInput>();
    for (let start = 0; start < paths.length; start += 500) {
      const piece = paths.slice(start, start + 500);
      const rows = await this.driver.all<InputRow>(
        `SELECT path, content_hash, record_ids, stored_at FROM inputs WHERE path IN (${piece.map(() => "?").join(",")})`,
        piece,
      );
      for (const row of rows) found.set(row.path, storedInput(row));
    }
    return found;
  }

  async appendAudit(entry: Omit<AuditEntry, "id" | "at">): Promise<AuditEntry> {
    const at = new Date().toISOString();
    const rows = await this.driver.transaction((transaction) =>
      transaction.all<{ id: number }>(
        "INSERT INTO audit (at, action, actor, summary, details) VALUES (?, ?, ?, ?, ?) RETURNING id",
        [at, entry.action, entry.actor, entry.summary, JSON.stringify(entry.details)],
      ),
    );
    return { ...entry, id: Number(rows[0]?.id), at };
  }

  async listAudit(options: { limit?: number; before?: number } = {}): Promise<AuditEntry[]> {
    const rows = await this.driver.all<{
      id: number;
      at: string;
      action: AuditEntry["action"];
      actor: string;
      summary: string;
      details: string;
    }>("SELECT id, at, action, actor, summary, details FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?", [
      options.before ?? Number.MAX_SAFE_INTEGER,
      Math.min(options.limit ?? 50, 500),
    ]);
    return rows.map((row) => ({
      ...row,
      id: Number(row.id),
      details: JSON.parse(row.details) as Record<string, unknown>,
    }));
  }

  checkIntegrity(): Promise<string[]> {
    return this.driver.checkIntegrity();
  }

  backup(destination: string): Promise<void> {
    return this.driver.backup(destination);
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
