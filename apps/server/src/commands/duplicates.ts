import { personNameKey } from "@corpus/schema";
import type { Store } from "@corpus/store";
import { type Command, EXIT_OK } from "../command.js";
import { parseArguments, printable } from "../lib/arguments.js";
import { openLibrary } from "../lib/library.js";

const HELP = `Usage: corpus duplicates [--json] [--db PATH|URL]

Lists people who may be one person written two ways, for you to decide: the same names in
another order ("Seo Min-ji" / "Min-ji Seo"), or the same first and last name around a middle name
or initial ("Andrés F. Castillo" / "Andrés Felipe Castillo"). Nothing is changed: join the ones
that are one person with corpus merge <keep-id> <duplicate-id>; that merge sticks.

Example:
  corpus duplicates`;

interface Candidate {
  id: string;
  name: string;
  documentCount: number;
}

async function allPeople(store: Store): Promise<Candidate[]> {
  const people: Candidate[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listEntities({
      kind: "person",
      limit: 500,
      sort: "name",
      ...(cursor ? { cursor } : {}),
    });
    people.push(...page.items.map(({ id, name, documentCount }) => ({ id, name, documentCount })));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return people;
}

/**
 * Groups of people whose names meet under a looser key than their ids: the same words in any
 * order, or the same first and last word. Automatic merging on these keys would join different
 * people ("Li Wei" and "Wei Li" can be two), so they are only listed.
 */
export function candidateGroups(people: readonly Candidate[]): Candidate[][] {
  const parent = people.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  const firstWithKey = new Map<string, number>();
  people.forEach((person, index) => {
    const words = personNameKey(person.name).split("-").filter(Boolean);
    if (words.length < 2) return;
    for (const key of [`order:${[...words].sort().join(" ")}`, `ends:${words[0]} ${words.at(-1)}`]) {
      const other = firstWithKey.get(key);
      if (other === undefined) firstWithKey.set(key, index);
      else parent[find(index)] = find(other);
    }
  });
  const groups = new Map<number, Candidate[]>();
  people.forEach((person, index) => {
    const root = find(index);
    groups.set(root, [...(groups.get(root) ?? []), person]);
  });
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => [...group].sort((left, right) => right.documentCount - left.documentCount));
}

export const duplicatesCommand: Command = {
  name: "duplicates",
  summary: "list people who may be one person written two ways",
  help: HELP,
  async run(argv) {
    const { values } = parseArguments(argv, {
      json: { type: "boolean", default: false },
      db: { type: "string" },
    });
    const store = await openLibrary(values.db as string | undefined, { mustExist: true });
    try {
      const groups = candidateGroups(await allPeople(store));
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
            .map((person) => `${printable(person.name)} (${person.id}, ${person.documentCount} documents)`)
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
