import pg from "pg";
import {
  chunk,
  placeholders,
  type ScoredSeq,
  type SearchScope,
  type SqlDriver,
  type WriteTransaction,
} from "../core/driver.js";
import { type QueryNode, toTsquery } from "../core/query-text.js";
import { LibraryUnavailableError } from "../core/search.js";
import { postgresMigrations } from "./migrations.js";

/** tsvector refuses texts past 1 MB; the rest of a giant body is still in the record, just not searchable. */
const MAX_BODY = 400_000;
const RETRYABLE = new Set([
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08003",
  "08006",
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
]);

function renumber(sql: string): string {
  let position = 0;
  return sql.replace(/\?/g, () => `$${++position}`);
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message ?? "";
  return (
    (code !== undefined && RETRYABLE.has(code)) ||
    /Connection terminated|terminating connection|Client has encountered a connection error/.test(message)
  );
}

// int8 (count(*), bigserial) as JavaScript numbers: our counts and ids stay far below 2^53.
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 20) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as "text");
  },
};

function tsquery(node: QueryNode, scope: SearchScope): string {
  return toTsquery(node, scope === "title" ? "A" : "");
}

export interface PostgresOptions {
  /** Schema (namespace) holding the library's tables; created when missing. */
  schema?: string;
  /** Connections in the pool; a request waiting longer than `acquireTimeoutMs` for one fails. */
  poolSize?: number;
  acquireTimeoutMs?: number;
  /** Shown in pg_stat_activity (default "corpus"). */
  applicationName?: string;
}

export async function openPostgresDriver(url: string, options: PostgresOptions = {}): Promise<SqlDriver> {
  const parsed = new URL(url);
  const schema = options.schema ?? parsed.searchParams.get("schema") ?? "public";
  if (!/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`invalid PostgreSQL schema name "${schema}": use lower-case letters, digits and _`);
  parsed.searchParams.delete("schema");
  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    max: options.poolSize ?? 10,
    // Fail fast when every connection is busy instead of queueing without bound.
    connectionTimeoutMillis: options.acquireTimeoutMs ?? 3000,
    idleTimeoutMillis: 30_000,
    options: `-c search_path=${schema}`,
    application_name: options.applicationName ?? "corpus",
    types,
  });
  // An idle connection dropped by a server restart is reported here; the pool replaces it.
  pool.on("error", () => undefined);

  async function withRetry<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      // Once more on a fresh connection (a server restart drops every pooled one); a second
      // failure means the server is down or unreachable, which the caller may report as such.
      try {
        return await work();
      } catch (again) {
        if (!isConnectionError(again)) throw again;
        throw new LibraryUnavailableError(
          `the PostgreSQL library at ${parsed.host} is not answering (${(again as Error).message}); try again shortly`,
        );
      }
    }
  }

  async function query<T>(sql: string, params: readonly unknown[] = [], rowMode?: "array") {
    return withRetry(async () => {
      try {
        return (await pool.query({
          text: renumber(sql),
          values: params as unknown[],
          ...(rowMode ? { rowMode } : {}),
        })) as pg.QueryResult<T & pg.QueryResultRow>;
      } catch (error) {
        if ((error as Error).message?.includes("timeout exceeded when trying to connect"))
          throw new LibraryUnavailableError(
            `the PostgreSQL library is busy: all ${pool.options.max} connections are in use; try again shortly`,
          );
        throw error;
      }
    });
  }

  const setup = await pool.connect().catch((error: Error) => {
    throw new Error(
      `cannot connect to PostgreSQL at ${parsed.host}: ${error.message}. Check the library address (--db or CORPUS_DATABASE_URL) and that the server is running.`,
    );
  });
  try {
    await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await setup.query("SELECT pg_advisory_lock(hashtext($1))", [`corpus-migrate-${schema}`]);
    await setup.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)",
    );
    const applied = new Set(
      (await setup.query("SELECT version FROM schema_migrations")).rows.map((row) => Number(row.version)),
    );
    for (const migration of postgresMigrations) {
      if (applied.has(migration.version)) continue;
      await setup.query("BEGIN");
      try {
        await setup.query(migration.sql);
        await setup.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [
          migration.version,
          migration.name,
          new Date().toISOString(),
        ]);
        await setup.query("COMMIT");
      } catch (error) {
        await setup.query("ROLLBACK");
        throw error;
      }
    }
    await setup.query("SELECT pg_advisory_unlock(hashtext($1))", [`corpus-migrate-${schema}`]);
  } finally {
    setup.release();
  }

  return {
    engine: "postgres",
    async all<T>(sql: string, params: readonly unknown[] = []) {
      return (await query<T>(sql, params)).rows as T[];
    },
    async values(sql: string, params: readonly unknown[] = []) {
      return (await query<unknown[]>(sql, params, "array")).rows as unknown as unknown[][];
    },
    async run(sql: string, params: readonly unknown[] = []) {
      return (await query(sql, params)).rowCount ?? 0;
    },
    async transaction<T>(work: (transaction: WriteTransaction) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      const execute = async (sql: string, params: readonly unknown[], rowMode?: "array") =>
        client.query({ text: renumber(sql), values: params as unknown[], ...(rowMode ? { rowMode } : {}) });
      const transaction: WriteTransaction = {
        async all<R>(sql: string, params: readonly unknown[] = []) {
          return (await execute(sql, params)).rows as R[];
        },
        async values(sql: string, params: readonly unknown[] = []) {
          return (await execute(sql, params, "array")).rows as unknown as unknown[][];
        },
        async run(sql: string, params: readonly unknown[] = []) {
          return (await execute(sql, params)).rowCount ?? 0;
        },
        async writeText(documents, sections) {
          for (const piece of chunk(documents, 500))
            await execute(
              `UPDATE documents SET body = v.body FROM (VALUES ${piece.map(() => "(?::integer, ?::text)").join(",")}) AS v(seq, body) WHERE documents.seq = v.seq`,
              piece.flatMap((item) => [item.seq, item.body.slice(0, MAX_BODY)]),
            );
          for (const piece of chunk(sections, 500))
            await execute(
              `INSERT INTO sections (id, doc_seq, heading, text) VALUES ${placeholders(piece.length, 4)}`,
              piece.flatMap((item) => [item.id, item.docSeq, item.heading, item.text.slice(0, MAX_BODY)]),
            );
        },
        async deleteText(documentSeqs) {
          for (const piece of chunk(documentSeqs, 500))
            await execute(`DELETE FROM sections WHERE doc_seq IN (${piece.map(() => "?").join(",")})`, piece);
        },
      };
      try {
        await client.query("BEGIN");
        const result = await work(transaction);
        await client.query("COMMIT");
        client.release();
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        client.release(isConnectionError(error) ? (error as Error) : undefined);
        throw error;
      }
    },
    async matchSeqs(node, scope, section) {
      const text = tsquery(node, scope);
      const result =
        scope === "section"
          ? await query<unknown[]>(
              "SELECT DISTINCT doc_seq FROM sections WHERE tsv @@ to_tsquery('corpus_english', ?) AND lower(heading) = lower(?)",
              [text, section ?? ""],
              "array",
            )
          : await query<unknown[]>(
              "SELECT seq FROM documents WHERE tsv @@ to_tsquery('corpus_english', ?)",
              [text],
              "array",
            );
      const rows = result.rows as unknown as unknown[][];
      if (rows.length === 0) {
        // A query with no word the parser indexes is an empty tsquery: it matches no row, but
        // means "no constraint", as in SQLite. (Libraries made before migration 7 still drop
        // English stop words; the migration rebuilds the text columns so it is rare now.)
        const [lexemes] = (
          await query<{ nodes: number }>("SELECT numnode(to_tsquery('corpus_english', ?)) AS nodes", [text])
        ).rows;
        if (Number(lexemes?.nodes ?? 1) === 0) return null;
      }
      return Uint32Array.from(rows, (row) => Number(row[0]));
    },
    async score(node, scope, section, filter, limit): Promise<ScoredSeq[]> {
      const seqs = filter?.seqs;
      const params: unknown[] = [tsquery(node, scope)];
      let sql: string;
      if (scope === "section") {
        sql = `SELECT doc_seq, max(ts_rank(tsv, q)) AS score FROM sections, to_tsquery('corpus_english', ?) q
               WHERE tsv @@ q AND lower(heading) = lower(?)`;
        params.push(section ?? "");
        if (seqs) {
          sql += " AND doc_seq = ANY(?::integer[])";
          params.push(seqs);
        }
        if (filter?.minSeq !== undefined) {
          sql += " AND doc_seq >= ?";
          params.push(filter.minSeq);
        }
        if (filter?.maxSeq !== undefined) {
          sql += " AND doc_seq < ?";
          params.push(filter.maxSeq);
        }
        sql += " GROUP BY doc_seq ORDER BY score DESC";
      } else {
        sql =
          "SELECT seq, ts_rank(tsv, q) AS score FROM documents, to_tsquery('corpus_english', ?) q WHERE tsv @@ q";
        if (seqs) {
          sql += " AND seq = ANY(?::integer[])";
          params.push(seqs);
        }
        if (filter?.minSeq !== undefined) {
          sql += " AND seq >= ?";
          params.push(filter.minSeq);
        }
        if (filter?.maxSeq !== undefined) {
          sql += " AND seq < ?";
          params.push(filter.maxSeq);
        }
        sql += " ORDER BY score DESC";
      }
      if (limit) {
        sql += " LIMIT ?";
        params.push(limit);
      }
      const rows = (await query<unknown[]>(sql, params, "array")).rows as unknown as unknown[][];
      return rows.map((row) => ({ seq: Number(row[0]), score: Number(row[1]) }));
    },
    async backup() {
      throw new Error("the PostgreSQL engine backs up through the store (a portable SQLite copy)");
    },
    async checkIntegrity() {
      const rows = (
        await query<{ problem: string }>(
          "SELECT 'reference to a missing document ' || r.doc_seq AS problem FROM refs r LEFT JOIN documents d ON d.seq = r.doc_seq WHERE d.seq IS NULL LIMIT 10",
        )
      ).rows;
      return rows.map((row) => row.problem);
    },
    async close() {
      await pool.end();
    },
  };
}

/** Drops a schema and everything in it: for tests that made a throw-away library. */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
