import { type Command, EXIT_OK } from "../command.js";
import { parseArguments, printable } from "../lib/arguments.js";
import { libraryLocation, openLibrary } from "../lib/library.js";

const HELP = `Usage: corpus stats [--json] [--db PATH|URL]

Counts of documents by kind and year, entities by kind, and the newest additions.`;

export const statsCommand: Command = {
  name: "stats",
  help: HELP,
  async run(argv) {
    const { values } = parseArguments(argv, {
      json: { type: "boolean", default: false },
      db: { type: "string" },
    });
    const store = await openLibrary(values.db as string | undefined, { mustExist: true });
    try {
      const stats = await store.stats();
      if (values.json) {
        console.log(JSON.stringify(stats, null, 2));
        return EXIT_OK;
      }
      console.log(
        `library: ${libraryLocation(values.db as string | undefined).replace(/\/\/[^@/]*@/, "//")} (${store.engine})`,
      );
      const byKind = Object.entries(stats.byKind).map(([kind, count]) => `${kind} ${count}`);
      console.log(`documents: ${stats.documents}${byKind.length > 0 ? ` (${byKind.join(", ")})` : ""}`);
      if (stats.documents === 0)
        console.log(
          'the library is empty: load pages with "corpus ingest <files>" or "corpus import <file>"',
        );
      console.log(
        `entities: ${Object.entries(stats.entities)
          .map(([kind, count]) => `${kind} ${count}`)
          .join(", ")}`,
      );
      if (stats.byYear.length > 0)
        console.log(`years: ${stats.byYear[0]?.year}–${stats.byYear.at(-1)?.year}`);
      for (const document of stats.newest.slice(0, 5))
        console.log(`  new: ${printable(document.title)} (${document.id})`);
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
