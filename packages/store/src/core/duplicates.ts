import { type EntityListItem, personNameKey, withoutMiddleInitials } from "@corpus/schema";
import type { Executor } from "./driver.js";
import type { FacetIndex } from "./facet-index.js";
import type { PossibleDuplicatesPage } from "../store.js";
import { documentCountOf, offsetOfCursor } from "./views.js";
import { nameKey } from "./write.js";

/**
 * Groups of people whose names meet under a looser key than their ids (decision 0013): the same
 * words in any order ("Seo Min-ji" / "Min-ji Seo"), or the same first and last word around a
 * middle name or initial. Merging on these keys automatically would join different people ("Li
 * Wei" and "Wei Li" can be two), so they are only offered to a person to decide. Each group lists
 * its most documented person first; groups come with the most documented first, then by name, so
 * paging through them is stable.
 */
export function groupPossibleDuplicates<Person extends { id: string; name: string; documentCount: number }>(
  people: readonly Person[],
): Person[][] {
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
  const groups = new Map<number, Person[]>();
  people.forEach((person, index) => {
    const root = find(index);
    groups.set(root, [...(groups.get(root) ?? []), person]);
  });
  const byWeight = (left: Person, right: Person) =>
    right.documentCount - left.documentCount ||
    (left.name < right.name ? -1 : left.name > right.name ? 1 : 0);
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => [...group].sort(byWeight))
    .sort((left, right) => byWeight(left[0]!, right[0]!));
}

/**
 * One page of the library's possible duplicate people; the cursor is an offset into the groups.
 * Each page reads every person again (nothing is cached: entity writes leave no change mark), so a
 * write between pages can shift a group onto the next page or the one before.
 */
export async function possibleDuplicatePeople(
  reader: Executor,
  index: FacetIndex,
  options: { limit?: number; cursor?: string },
): Promise<PossibleDuplicatesPage> {
  await index.refresh();
  // The API bounds a page; the CLI asks for every group at once (one pass over the people).
  const limit = Math.max(options.limit ?? 50, 1);
  const offset = offsetOfCursor(options.cursor);
  const rows = await reader.all<{ id: string; name: string }>(
    "SELECT id, name FROM entities WHERE kind = 'person' ORDER BY id",
    [],
  );
  const counts = index.counts(index.alive);
  const people: EntityListItem[] = rows.map((row) => {
    const code = index.lookup("person", row.id);
    return {
      id: row.id,
      kind: "person",
      name: row.name,
      documentCount: code === undefined ? 0 : (counts[code] ?? 0),
    };
  });
  const groups = groupPossibleDuplicates(people);
  return {
    groups: groups.slice(offset, offset + limit),
    total: groups.length,
    nextCursor: offset + limit < groups.length ? String(offset + limit) : null,
  };
}

/**
 * The people who may be this person written another way: the group `groupPossibleDuplicates`
 * would put them in, found without reading every person. A candidate's name starts with one of
 * this person's words (its first word, for the same first and last name; any, for another order)
 * and holds the rest, so each word is one range of the (kind, name_key) index, filtered on the
 * index entries themselves (about 0.3 ms at 60,000 people, against 4 ms for a scan of them all).
 */
export async function possibleDuplicatesOf(
  reader: Executor,
  index: FacetIndex,
  person: { id: string; name: string },
): Promise<EntityListItem[]> {
  // Words as the name_key column folds them (accents and case only; "ø" and "’" stay), so that
  // every range and pattern below can meet the column; the grouping then uses personNameKey.
  const words = withoutMiddleInitials(
    nameKey(person.name)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
  if (words.length < 2) return [];
  const last = words.at(-1)!;
  const ranges = words.map((word, position) => ({
    word,
    // Starting with the first word, a same-first-and-last candidate needs only the last one.
    holding: position === 0 ? [last] : words.filter((_, other) => other !== position),
  }));
  const unique = [...new Map(ranges.map((range) => [range.word, range])).values()];
  const rows = await reader
    .all<{ id: string; name: string }>(
      unique
        .map(
          (range, position) =>
            `SELECT * FROM (SELECT id, name FROM entities WHERE kind = 'person' AND name_key >= ? AND name_key < ?${range.holding.map(() => " AND name_key LIKE ?").join("")} ORDER BY name_key LIMIT 200) AS starting_${position}`,
        )
        .join(" UNION "),
      // Words are runs of letters and digits: neither "%" nor "_" can be in one.
      unique.flatMap((range) => [
        range.word,
        `${range.word}\uffff`,
        ...range.holding.map((word) => `%${word}%`),
      ]),
    )
    .then((found) => found.filter((row) => row.id !== person.id));
  if (rows.length === 0) return [];
  // A few people: counted one by one, not by a pass over every document.
  const withCounts = [person, ...rows].map((row) => ({
    id: row.id,
    kind: "person" as const,
    name: row.name,
    documentCount: documentCountOf(index, "person", row.id),
  }));
  const group = groupPossibleDuplicates(withCounts).find((members) =>
    members.some((member) => member.id === person.id),
  );
  return (group ?? []).filter((member) => member.id !== person.id);
}
