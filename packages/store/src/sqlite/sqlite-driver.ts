import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createRequire } from "node:module";
import type BetterSqlite3 from "better-sqlite3";
import {
  chunk,
  placeholders,
  type ScoredSeq,
  type SearchScope,
  type SqlDriver,
  type WriteTransaction,
} from "../core/driver.js";
import { type QueryNode, toFts5 } from "../core/query-text.js";
import { sqliteMigrations } from "./migrations.js";

// better-sqlite3 12 is the last release that runs on Node 20, but on Node 24.19 and later its
// statements abort the process when the garbage collector finalises them (ObjectWrap cleanup
// hooks). 13 is built on Node-API, fixes that, and needs Node 22: it is an optional dependency
// that pnpm skips on Node 20. See docs/decisions/0001-node-versions.md.
const require = createRequire(import.meta.url);
function loadBetterSqlite3(): typeof BetterSqlite3 {
  if (Number(process.versions.node.split(".")[0]) >= 22) {
    try {
      return require("better-sqlite3-napi") as typeof BetterSqlite3;
    } catch {
      // Not installed (installed under an older Node, or optional dependencies omitted).
    }
  }
  return require("better-sqlite3") as typeof BetterSqlite3;
}
const Database = loadBetterSqlite3();
type Database = BetterSqlite3.Database;

type Statement = BetterSqlite3.Statement<unknown[], unknown>;

/** A prepared-statement cache per connection: ingest runs the same few shapes thousands of times. */
class Connection {
  private statements = new Map<string, Statement>();
  constructor(readonly database: Database) {}

  prepare(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size > 400) this.statements.clear();
      statement = this.database.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  all<T>(sql: string, params: readonly unknown[]): T[] {
    const statement = this.prepare(sql);
    return statement.raw(false).all(...params) as T[];
  }

  values(sql: string, params: readonly unknown[]): unknown[][] {
    return this.prepare(sql)
      .raw(true)
      .all(...params) as unknown[][];
  }

  run(sql: string, params: readonly unknown[]): number {
    return this.prepare(sql).run(...params).changes;
  }
}

function ftsExpression(node: QueryNode, scope: SearchScope, tags?: readonly (readonly string[])[]): string {
  if (scope === "section") return toFts5(node);
  // Title scope needs its column filter; the whole text only keeps filter tokens out (see toFts5).
  let text = scope === "title" ? `{title} : (${toFts5(node)})` : `(${toFts5(node, "title body")})`;
  // Filter tokens occur only in the tags column, so they need no column filter of their own; a
  // body that happened to contain one is removed by the exact filter applied in memory afterwards.
  for (const group of tags ?? [])
    if (group.length > 0) text += ` AND (${group.map((tag) => `"${tag}"`).join(" OR ")})`;
  return text;
}

function parseNumberList(text: string): Uint32Array {
  if (text.length === 0) return new Uint32Array(0);
  let count = 1;
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) === 44) count++;
  const numbers = new Uint32Array(count);
  let position = 0;
  let value = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 44) {
      numbers[position++] = value;
      value = 0;
    } else value = value * 10 + (code - 48);
  }
  numbers[position] = value;
  return numbers;
}

function migrate(database: Database): void {
  database.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
  );
  const applied = new Set(
    (database.prepare("SELECT version FROM schema_migrations").all() as { version: number }[]).map(
      (row) => row.version,
    ),
  );
  for (const migration of sqliteMigrations) {
    if (applied.has(migration.version)) continue;
    database
      .transaction(() => {
        database.exec(migration.sql);
        database
          .prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")
          .run(migration.version, migration.name, new Date().toISOString());
      })
      .immediate();
  }
}

/**
 * Checks, before anything is written, that the file is empty or a Corpus library: a path that
 * names some other file (a typo in --db, another program's database) is left as it was.
 */
function refuseForeignDatabase(database: Database, path: string): void {
  let tables: string[];
  try {
    tables = (
      database
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as { name: string }[]
    ).map((row) => row.name);
  } catch (error) {
    database.close();
    if ((error as { code?: string }).code === "SQLITE_NOTADB")
      throw new Error(
        `${path} is not a SQLite database, so it cannot be a library; it was left unchanged. Check --db or CORPUS_DATABASE_URL.`,
      );
    throw error;
  }
  if (tables.length > 0 && !tables.includes("schema_migrations")) {
    database.close();
    throw new Error(
      `${path} is a SQLite database of another program (tables ${tables.slice(0, 3).join(", ")}${tables.length > 3 ? ", ..." : ""}), not a library; it was left unchanged. Choose another file for --db or CORPUS_DATABASE_URL.`,
    );
  }
}

export function openSqliteDriver(path: string): SqlDriver {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  let writerDatabase: Database;
  try {
    writerDatabase = new Database(path, { timeout: 5000 });
  } catch (error) {
    throw new Error(
      `cannot open the library at ${path}: ${(error as Error).message}. Check the path and its permissions.`,
    );
  }
  refuseForeignDatabase(writerDatabase, path);
  writerDatabase.pragma("journal_mode = WAL");
  // FULL: a committed ingest survives power loss, not only a crash of the process.
  writerDatabase.pragma("synchronous = FULL");
  writerDatabase.pragma("busy_timeout = 5000");
  writerDatabase.pragma("cache_size = -65536");
  writerDatabase.pragma("temp_store = MEMORY");
  migrate(writerDatabase);
  const writer = new Connection(writerDatabase);
  const readerDatabase =
    path === ":memory:" ? writerDatabase : new Database(path, { readonly: true, timeout: 5000 });
  if (readerDatabase !== writerDatabase) {
    readerDatabase.pragma("busy_timeout = 5000");
    readerDatabase.pragma("cache_size = -131072");
    readerDatabase.pragma("mmap_size = 1073741824");
  }
  const reader = new Connection(readerDatabase);
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const transactionExecutor: WriteTransaction = {
    async all<T>(sql: string, params: readonly unknown[] = []) {
      return writer.all<T>(sql, params);
    },
    async values(sql: string, params: readonly unknown[] = []) {
      return writer.values(sql, params);
    },
    async run(sql: string, params: readonly unknown[] = []) {
      return writer.run(sql, params);
    },
    async writeText(documents, sections) {
      for (const piece of chunk(sections, 300))
        writer.run(
          `INSERT INTO sections (id, doc_seq, heading) VALUES ${placeholders(piece.length, 3)}`,
          piece.flatMap((item) => [item.id, item.docSeq, item.heading]),
        );
      // Full text last, one row per statement. FTS5 writes its pending terms out as a new
      // segment whenever a later statement of the transaction opens a savepoint, which every
      // multi-row INSERT does; a single-row INSERT opens none. Written in 300-row pieces
      // between the sections' inserts, a batch of 2,000 documents left 17 small segments for
      // FTS5 to merge; written this way the whole batch becomes one segment per table, and
      // single-row inserts skip the multi-row statement's own overhead (decision 0022).
      const documentText = writer.prepare(
        "INSERT INTO document_text (rowid, title, body, tags) VALUES (?, ?, ?, ?)",
      );
      for (const item of documents) documentText.run(item.seq, item.title, item.body, item.tags);
      const sectionText = writer.prepare("INSERT INTO section_text (rowid, text) VALUES (?, ?)");
      for (const item of sections) sectionText.run(item.id, item.text);
    },
    async deleteText(documentSeqs) {
      for (const piece of chunk(documentSeqs, 300)) {
        const list = piece.map(() => "?").join(",");
        writer.run(
          `DELETE FROM section_text WHERE rowid IN (SELECT id FROM sections WHERE doc_seq IN (${list}))`,
          piece,
        );
        writer.run(`DELETE FROM sections WHERE doc_seq IN (${list})`, piece);
        writer.run(`DELETE FROM document_text WHERE rowid IN (${list})`, piece);
      }
    },
  };

  return {
    engine: "sqlite",
    async all<T>(sql: string, params: readonly unknown[] = []) {
      return reader.all<T>(sql, params);
    },
    async values(sql: string, params: readonly unknown[] = []) {
      return reader.values(sql, params);
    },
    async run(sql: string, params: readonly unknown[] = []) {
      return writer.run(sql, params);
    },
    transaction<T>(work: (transaction: WriteTransaction) => Promise<T>): Promise<T> {
      // Writers in this process queue; other processes wait on SQLite's lock (busy_timeout).
      const next = queue.then(async () => {
        if (closed) throw new Error("the library is closed");
        writerDatabase.exec("BEGIN IMMEDIATE");
        try {
          const result = await work(transactionExecutor);
          writerDatabase.exec("COMMIT");
          return result;
        } catch (error) {
          if (writerDatabase.inTransaction) writerDatabase.exec("ROLLBACK");
          throw error;
        }
      });
      queue = next.catch(() => undefined);
      return next;
    },
    async matchSeqs(node, scope, section) {
      const expression = ftsExpression(node, scope);
      const rows =
        scope === "section"
          ? reader.values(
              "SELECT DISTINCT s.doc_seq FROM section_text JOIN sections s ON s.id = section_text.rowid WHERE section_text MATCH ? AND lower(s.heading) = lower(?)",
              [expression, section ?? ""],
            )
          : null;
      if (rows) return Uint32Array.from(rows, (row) => row[0] as number);
      // One comma-separated string instead of a row object per match: 4-6x faster when a query
      // matches most of the library.
      const joined = reader.values(
        "SELECT group_concat(rowid) FROM document_text WHERE document_text MATCH ?",
        [expression],
      )[0]?.[0];
      return parseNumberList(typeof joined === "string" ? joined : "");
    },
    async score(node, scope, section, filter, limit): Promise<ScoredSeq[]> {
      const seqs = filter?.seqs;
      const expression = ftsExpression(node, scope, scope === "section" ? undefined : filter?.tags);
      const params: unknown[] = [expression];
      let sql: string;
      if (scope === "section") {
        sql = `SELECT s.doc_seq, -min(section_text.rank) FROM section_text JOIN sections s ON s.id = section_text.rowid
               WHERE section_text MATCH ? AND lower(s.heading) = lower(?)`;
        params.push(section ?? "");
        if (seqs) {
          sql += " AND s.doc_seq IN (SELECT value FROM json_each(?))";
          params.push(JSON.stringify(seqs));
        }
        if (filter?.minSeq !== undefined) {
          sql += " AND s.doc_seq >= ?";
          params.push(filter.minSeq);
        }
        if (filter?.maxSeq !== undefined) {
          sql += " AND s.doc_seq < ?";
          params.push(filter.maxSeq);
        }
        sql += " GROUP BY s.doc_seq ORDER BY 2 DESC";
      } else {
        // Scoring only given seqs is done by the caller filtering: FTS5 looks up an IN list one
        // rowid at a time (0.1 ms each), slower than scoring the whole match.
        sql = "SELECT rowid, -rank FROM document_text WHERE document_text MATCH ?";
        // FTS5 seeks its rowid-ordered posting lists to a rowid range, so a window costs only its size.
        if (filter?.minSeq !== undefined) {
          sql += " AND rowid >= ?";
          params.push(filter.minSeq);
        }
        if (filter?.maxSeq !== undefined) {
          sql += " AND rowid < ?";
          params.push(filter.maxSeq);
        }
        // Not ORDER BY rank: FTS5's ranked plan scores every match and ignores the rowid range
        // (1.7 s instead of 0.1 s for a 20k window of a word found in 98% of a million documents).
        if (limit) sql += " ORDER BY 2 DESC, 1 DESC";
      }
      if (limit) {
        sql += " LIMIT ?";
        params.push(limit);
      }
      return reader.values(sql, params).map((row) => ({ seq: row[0] as number, score: row[1] as number }));
    },
    async backup(destination) {
      mkdirSync(dirname(destination), { recursive: true });
      await writerDatabase.backup(destination);
    },
    async checkIntegrity() {
      const problems = (writerDatabase.pragma("integrity_check") as { integrity_check: string }[])
        .map((row) => row.integrity_check)
        .filter((text) => text !== "ok");
      for (const table of ["document_text", "section_text"])
        try {
          writerDatabase.prepare(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`).run();
        } catch (error) {
          problems.push(`${table}: ${(error as Error).message}`);
        }
      return problems;
    },
    async close() {
      if (closed) return;
      closed = true;
      await queue;
      if (readerDatabase !== writerDatabase) readerDatabase.close();
      writerDatabase.close();
    },
  };
}
