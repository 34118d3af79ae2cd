import type { EntityListItem } from "@corpus/schema";
import type { Store } from "@corpus/store";
import { type Command, EXIT_OK } from "../command.js";
import { documentsLabel, parseArguments, printable } from "../lib/arguments.js";
import { openLibrary } from "../lib/library.js";

const HELP = `Usage: corpus duplicates [--json] [--db PATH|URL]

Lists people who may be one person written two ways, for you to decide: the same names in
another order ("Seo Min-ji" / "Min-ji Seo"), or the same first and last name around a middle name
or initial ("Andrés F. Castillo" / "Andrés Felipe Castillo"). Nothing is changed: join the ones
that are one person with corpus merge <keep-id> <duplicate-id>; that merge sticks.

Example:
  corpus duplicates`;

async function allGroups(store: Store): Promise<EntityListItem[][]> {
  // One page holding every group: each page is a pass over every person.
  return (await store.possibleDuplicates({ limit: Number.MAX_SAFE_INTEGER })).groups;
}

export const duplicatesCommand: Command = {
  name: "duplicates",
  help: HELP,
  async run(argv) {
    const { values } = parseArguments(argv, {
      json: { type: "boolean", default: false },
      db: { type: "string" },
    });
    const store = await openLibrary(values.db as string | undefined, { mustExist: true });
    try {
      const groups = await allGroups(store);
      if (values.json) {
        console.log(JSON.stringify(groups, null, 2));
        return EXIT_OK;
      }
      if (groups.length === 0) {
        console.log("no people whose names look like another's written differently");
        return EXIT_OK;
      }
      for (const group of groups) {
        console.log(
          group
            .map(
              (person) => `${printable(person.name)} (${person.id}, ${documentsLabel(person.documentCount)})`,
            )
            .join("\n  ~ "),
        );
      }
      console.log(
        `\n${groups.length} ${groups.length === 1 ? "group" : "groups"}. Join the ones that are one person: corpus merge <keep-id> <duplicate-id>`,
      );
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
