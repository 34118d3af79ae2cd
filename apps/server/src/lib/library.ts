import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { defaultDatabasePath, openStore, type Store } from "@corpus/store";
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

export function openLibrary(databaseOption: string | undefined): Promise<Store> {
  return openStore(libraryLocation(databaseOption));
}
