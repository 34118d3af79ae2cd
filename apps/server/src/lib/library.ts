import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { defaultDatabasePath, openStore, type Store, sqliteFileOf } from "@corpus/store";
import { UsageError } from "../command.js";
import { readEnvironment } from "../env.js";

/** The repository root: the nearest folder up from here holding pnpm-workspace.yaml, else the working directory. */
export function findRepositoryRoot(start = process.cwd()): string {
  let folder = resolve(start);
  for (;;) {
    if (existsSync(join(folder, "pnpm-workspace.yaml"))) return folder;
    const parent = dirname(folder);
    if (parent === folder) return resolve(start);
    folder = parent;
  }
}

/** Where the library is: --db, else CORPUS_DATABASE_URL, else <repo root>/.corpus/library.db. */
export function libraryLocation(databaseOption: string | undefined): string {
  return databaseOption ?? readEnvironment().CORPUS_DATABASE_URL ?? defaultDatabasePath(findRepositoryRoot());
}

/**
 * Opens the library. Commands that only read it pass `mustExist`: a mistyped --db then gets an
 * error naming the path, instead of a new empty library there that answers every search with nothing.
 */
export function openLibrary(
  databaseOption: string | undefined,
  { mustExist = false }: { mustExist?: boolean } = {},
): Promise<Store> {
  const location = libraryLocation(databaseOption);
  const file = sqliteFileOf(location);
  if (mustExist && file !== undefined && !existsSync(file))
    throw new UsageError(
      `there is no library at ${location}. Load pages into it with "corpus ingest <files>" (or "npm start" for the demo library), or point --db or CORPUS_DATABASE_URL at an existing one.`,
    );
  return openStore(location);
}
