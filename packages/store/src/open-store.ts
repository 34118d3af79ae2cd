import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { copyLibrary } from "./core/copy.js";
import type { SearchTuning } from "./core/search.js";
import { SqlStore } from "./core/sql-store.js";
import { openPostgresDriver, type PostgresOptions } from "./postgres/postgres-driver.js";
import { openSqliteDriver } from "./sqlite/sqlite-driver.js";
import type { Store } from "./store.js";

export interface OpenStoreOptions {
  /** PostgreSQL only: see PostgresOptions. */
  postgres?: PostgresOptions;
  /** Ranking thresholds (see decision 0020); tests lower them to exercise every path on small libraries. */
  searchTuning?: SearchTuning;
  /**
   * A facet-index rebuild slower than this leaves a snapshot in the library for the next opening
   * (default 1,000 ms; 0 always, Infinity never). See IndexSnapshot in core/facet-index.ts.
   */
  facetSnapshotAfterMs?: number;
}

/** Where a library lives when nothing else is said: `<repo root>/.corpus/library.db` (git-ignored). */
export function defaultDatabasePath(root: string): string {
  return resolve(root, ".corpus", "library.db");
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

class PostgresStore extends SqlStore {
  /**
   * A PostgreSQL library backs up as a portable SQLite file: it opens anywhere with no server, and
   * holds the records, page texts and ingest history (not the audit trail).
   */
  override async backup(destination: string): Promise<void> {
    if (existsSync(destination))
      throw new Error(`${destination} already exists; choose a new file for the backup`);
    const copy = new SqlStore(openSqliteDriver(destination));
    try {
      await copyLibrary(this, copy);
    } finally {
      await copy.close();
    }
  }
}

/**
 * The file a library location names, as `openStore` reads it (a "file:" prefix dropped, made
 * absolute); undefined for a postgres:// URL or ":memory:". Lets a caller check that a library
 * exists before opening it, since opening creates one.
 */
export function sqliteFileOf(location: string): string | undefined {
  if (isPostgresUrl(location)) return undefined;
  const path = location.startsWith("file:") ? location.slice("file:".length) : location;
  return path === ":memory:" ? undefined : resolve(path);
}

/**
 * Opens (creating and migrating on first use) the library at `location`: a file path for SQLite,
 * or a postgres:// URL (add `?schema=name` to keep it in its own schema).
 */
export async function openStore(location?: string, options: OpenStoreOptions = {}): Promise<Store> {
  const target = location && location.length > 0 ? location : defaultDatabasePath(process.cwd());
  const store = isPostgresUrl(target)
    ? new PostgresStore(
        await openPostgresDriver(target, options.postgres),
        options.searchTuning,
        options.facetSnapshotAfterMs,
      )
    : new SqlStore(
        openSqliteDriver(sqliteFileOf(target) ?? ":memory:"),
        options.searchTuning,
        options.facetSnapshotAfterMs,
      );
  try {
    await store.upgrade();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
