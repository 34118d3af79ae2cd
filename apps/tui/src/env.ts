import { fileURLToPath } from "node:url";

/**
 * The environment the TUI reads, validated once. Nothing else reads `process.env`.
 * - CORPUS_API_URL: the server to try when --server is not given.
 * - CORPUS_DATABASE_URL: the library for in-process mode (a SQLite file or a postgres:// URL).
 * - NO_COLOR: any non-empty value turns colour off (https://no-color.org).
 * - CORPUS_TUI_CLIPBOARD=off: never send OSC 52; citations are printed instead.
 */
export interface TuiEnvironment {
  apiUrl: string;
  databaseUrl: string;
  noColor: boolean;
  clipboard: "on" | "off";
  term: string | undefined;
}

export const DEFAULT_SERVER = "http://127.0.0.1:4000";

/** <repo>/.corpus/library.db, found from this file (apps/tui/dist/env.js or apps/tui/src/env.ts). */
export function defaultDatabasePath(): string {
  return fileURLToPath(new URL("../../../.corpus/library.db", import.meta.url));
}

export function readEnvironment(source: NodeJS.ProcessEnv = process.env): TuiEnvironment {
  const apiUrl = source.CORPUS_API_URL?.trim() || DEFAULT_SERVER;
  const clipboard = source.CORPUS_TUI_CLIPBOARD?.trim().toLowerCase();
  if (clipboard !== undefined && clipboard !== "" && clipboard !== "on" && clipboard !== "off") {
    throw new Error(`CORPUS_TUI_CLIPBOARD is "${clipboard}": expected "on" or "off"`);
  }
  return {
    apiUrl,
    databaseUrl: source.CORPUS_DATABASE_URL?.trim() || defaultDatabasePath(),
    noColor: source.NO_COLOR !== undefined && source.NO_COLOR !== "",
    clipboard: clipboard === "off" ? "off" : "on",
    term: source.TERM,
  };
}
