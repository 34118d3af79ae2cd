import type { Command } from "../command.js";

/**
 * A command as `corpus --help` lists it. Its module, and what that imports (the store, the API,
 * citation-js: about 300 ms), loads only when the command runs or shows its own help, so
 * `corpus --help` and a mistyped command answer at once.
 */
export interface CommandEntry {
  name: string;
  /** One line for `corpus --help`. */
  summary: string;
  load(): Promise<Command>;
}

// This list is the order `corpus --help` shows them in; each command lives in its own file.
export const commands: CommandEntry[] = [
  {
    name: "parse",
    summary: "show the records files yield, without storing them",
    load: async () => (await import("./parse.js")).parseCommand,
  },
  {
    name: "ingest",
    summary: "parse files and store their records (idempotent)",
    load: async () => (await import("./ingest.js")).ingestCommand,
  },
  {
    name: "search",
    summary: "search the library with filters and facets",
    load: async () => (await import("./search.js")).searchCommand,
  },
  {
    name: "show",
    summary: "print one record or entity page",
    load: async () => (await import("./show.js")).showCommand,
  },
  {
    name: "stats",
    summary: "counts by kind and year, newest additions",
    load: async () => (await import("./stats.js")).statsCommand,
  },
  {
    name: "duplicates",
    summary: "list people who may be one person written two ways",
    load: async () => (await import("./duplicates.js")).duplicatesCommand,
  },
  {
    name: "merge",
    summary: "fold a duplicate entity into the one to keep",
    load: async () => (await import("./merge.js")).mergeCommand,
  },
  {
    name: "export",
    summary: "write the library as NDJSON or CSV",
    load: async () => (await import("./export.js")).exportCommand,
  },
  {
    name: "import",
    summary: "load an NDJSON export, or a whole SQLite library, into the library",
    load: async () => (await import("./import.js")).importCommand,
  },
  {
    name: "backup",
    summary: "write an online backup that opens as a database",
    load: async () => (await import("./backup.js")).backupCommand,
  },
  {
    name: "serve",
    summary: "serve the API (tRPC, REST/OpenAPI) over HTTP",
    load: async () => (await import("./serve.js")).serveCommand,
  },
  {
    name: "up",
    summary: "start the API and the web app, loading the demo library into an empty library",
    load: async () => (await import("./up.js")).upCommand,
  },
  {
    name: "tui",
    summary: "the terminal UI: search, read and cite at the keyboard",
    load: async () => (await import("./tui.js")).tuiCommand,
  },
];
