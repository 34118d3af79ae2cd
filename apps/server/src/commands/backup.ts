import { existsSync, statSync } from "node:fs";
import { openStore } from "@corpus/store";
import { type Command, EXIT_OK, EXIT_PARTIAL, UsageError } from "../command.js";
import { parseArguments } from "../lib/arguments.js";
import { openLibrary } from "../lib/library.js";

const HELP = `Usage: corpus backup <file> [--db PATH|URL]

An online backup: the library stays usable while it runs. The backup is a SQLite database
file (for a PostgreSQL library too: a portable copy of its records) and is checked by opening
it and running its integrity check. Restore by pointing --db or CORPUS_DATABASE_URL at it.

Example:
  corpus backup backups/library-2026-05-01.db`;

export const backupCommand: Command = {
  name: "backup",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseArguments(argv, { db: { type: "string" } });
    const destination = positionals[0];
    if (!destination || positionals.length > 1)
      throw new UsageError("name the backup file, e.g. corpus backup backup.db");
    if (existsSync(destination))
      throw new UsageError(`${destination} already exists; choose a new file name`);
    const store = await openLibrary(values.db as string | undefined, { mustExist: true });
    try {
      await store.backup(destination);
    } finally {
      await store.close();
    }
    const copy = await openStore(destination);
    try {
      const problems = await copy.checkIntegrity();
      const stats = await copy.stats();
      if (problems.length > 0) {
        console.error(
          `backup written to ${destination} but its integrity check failed: ${problems.join("; ")}`,
        );
        return EXIT_PARTIAL;
      }
      console.log(
        `backup: ${destination} (${(statSync(destination).size / 1e6).toFixed(1)} MB, ${stats.documents} documents, integrity ok)`,
      );
      return EXIT_OK;
    } finally {
      await copy.close();
    }
  },
};
