import {
  createOrganizationId,
  createPersonId,
  createRegionId,
  createTopicId,
  type Document,
  type Span,
  type Entity,
} from "@corpus/schema";
import { chunk, type Executor, placeholders, type WriteTransaction } from "./driver.js";

// Entity resolution that sticks (decision 0025). An entity's aliases, and the ids merged into it,
// are the ids a parser gives those spellings; `entity_aliases` maps each such id to the entity.
// An upsert sends references to an alias id to its entity, and an entity that declares an alias
// which is still a separate entity absorbs it, so "Min-ji Seo" on a new page, or a person merged
// away last week, never comes back as a second node.

const CHUNK = 400;

const idFor: Record<Entity["kind"], (name: string) => string> = {
  person: createPersonId,
  organization: createOrganizationId,
  topic: createTopicId,
  region: createRegionId,
};

/** The ids a parser would give this entity's other spellings (its name included), not its own id. */
export function aliasIdsOf(entity: Entity): string[] {
  const make = idFor[entity.kind];
  const ids = new Set([entity.name, ...(entity.aliases ?? [])].map((name) => make(name)));
  ids.delete(entity.id);
  return [...ids];
}

/**
 * Libraries from before migration 5 hold aliases but no rows for them: the first write after the
 * upgrade records them inside that write's transaction, and returns the folds to make, as
 * `recordAliases` does.
 */
export async function backfillAliases(
  transaction: WriteTransaction,
): Promise<{ into: string; from: string }[]> {
  const [state] = await transaction.all<{ backfilled: number }>(
    "SELECT backfilled FROM entity_aliases_state",
  );
  if (!state || Number(state.backfilled) === 1) return [];
  const rows = await transaction.all<{ data: string }>(
    "SELECT data FROM entities WHERE minimal = 0 ORDER BY seq",
  );
  const declaring = rows
    .map((row) => JSON.parse(row.data) as Entity)
    .filter((entity) => aliasIdsOf(entity).length > 0);
  await transaction.run("UPDATE entity_aliases_state SET backfilled = 1");
  return recordAliases(transaction, declaring);
}

/** For the ids given, the entity each is an alias of; ids that are nobody's alias are absent. */
export async function aliasTargets(executor: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const targets = new Map<string, string>();
  const [any] = await executor.all<{ one: number }>("SELECT 1 AS one FROM entity_aliases LIMIT 1");
  if (!any) return targets;
  for (const piece of chunk([...new Set(ids)], CHUNK)) {
    const rows = await executor.all<{ alias_id: string; entity_id: string }>(
      `SELECT alias_id, entity_id FROM entity_aliases WHERE alias_id IN (${piece.map(() => "?").join(",")})`,
      piece,
    );
    for (const row of rows) targets.set(row.alias_id, row.entity_id);
  }
  return targets;
}

/**
 * Records the alias ids of entities just written. The first entity to claim an alias keeps it.
 * Returns the pairs where an alias id is itself a separate entity, for the caller to fold
 * (`from` into `into`).
 */
export async function recordAliases(
  transaction: WriteTransaction,
  entities: readonly Entity[],
): Promise<{ into: string; from: string }[]> {
  const rows: [string, string][] = [];
  for (const entity of entities) for (const aliasId of aliasIdsOf(entity)) rows.push([aliasId, entity.id]);
  if (rows.length === 0) return [];
  for (const piece of chunk(rows, CHUNK))
    await transaction.run(
      `INSERT INTO entity_aliases (alias_id, entity_id) VALUES ${placeholders(piece.length, 2)} ON CONFLICT (alias_id) DO NOTHING`,
      piece.flat(),
    );
  // Only where this entity holds the claim: a second claimant does not get to absorb anything.
  const folds: { into: string; from: string }[] = [];
  for (const piece of chunk(rows, CHUNK)) {
    const found = await transaction.all<{ alias_id: string; entity_id: string }>(
      `SELECT a.alias_id, a.entity_id FROM entity_aliases a JOIN entities e ON e.id = a.alias_id
       WHERE a.alias_id IN (${piece.map(() => "?").join(",")})`,
      piece.map(([aliasId]) => aliasId),
    );
    for (const row of found) folds.push({ into: row.entity_id, from: row.alias_id });
  }
  return folds;
}

/** After `from` was merged into `into`: everything that pointed at `from` points at `into`. */
export async function moveAliases(transaction: WriteTransaction, from: string, into: string): Promise<void> {
  await transaction.run("UPDATE entity_aliases SET entity_id = ? WHERE entity_id = ?", [into, from]);
  // `from` may have claimed `into`'s own id (two records naming each other): not an alias now.
  await transaction.run("DELETE FROM entity_aliases WHERE alias_id = ?", [into]);
  await transaction.run(
    "INSERT INTO entity_aliases (alias_id, entity_id) VALUES (?, ?) ON CONFLICT (alias_id) DO UPDATE SET entity_id = excluded.entity_id",
    [from, into],
  );
}

/** A deleted entity stops claiming its aliases (a later page naming them makes a new entity). */
export async function forgetAliases(
  transaction: WriteTransaction,
  entityIds: readonly string[],
): Promise<void> {
  for (const piece of chunk([...entityIds], CHUNK)) {
    const list = piece.map(() => "?").join(",");
    await transaction.run(
      `DELETE FROM entity_aliases WHERE entity_id IN (${list}) OR alias_id IN (${list})`,
      [...piece, ...piece],
    );
  }
}

/**
 * The document with every entity reference (people, affiliations, organizations, topics,
 * regions, agenda speakers) passed through `swap`; what `swap` returns unchanged stays shared.
 */
export function mapReferences(
  document: Document,
  swap: <T extends { id: string; name: string }>(ref: T) => T,
): Document {
  const copy = {
    ...document,
    people: (document.people ?? []).map((person) => ({
      ...person,
      person: swap(person.person),
      affiliations: (person.affiliations ?? []).map(swap),
    })),
    organizations: (document.organizations ?? []).map((item) => ({
      ...item,
      organization: swap(item.organization),
    })),
    topics: (document.topics ?? []).map(swap),
    regions: (document.regions ?? []).map(swap),
  } as Document;
  if (copy.kind === "event" && document.kind === "event")
    copy.agenda = (document.agenda ?? []).map((item) => ({ ...item, people: (item.people ?? []).map(swap) }));
  return copy;
}

/**
 * The document with references to alias ids sent to their entities. Names stay as the page
 * printed them: only the id changes.
 */
export function redirectReferences(document: Document, targets: ReadonlyMap<string, string>): Document {
  let changed = false;
  const copy = mapReferences(document, (ref) => {
    const into = targets.get(ref.id);
    if (into === undefined) return ref;
    changed = true;
    return { ...ref, id: into };
  });
  return changed ? withoutRepeatedReferences(copy) : document;
}

/**
 * The document with each entity listed once per role. Two spellings of one person (a page read
 * again after a merge, a teaser and a full page that name her differently) become two entries
 * with one id once their references are redirected; the first is kept, filled in from the
 * second, and the provenance of the second's fields moves to the first (field paths hold list
 * positions, so every later entry's paths move up too).
 */
export function withoutRepeatedReferences(document: Document): Document {
  const dedupe = <T>(
    list: readonly T[] | undefined,
    key: (item: T) => string,
    fill?: (kept: T, other: T) => T,
  ) => {
    const kept: T[] = [];
    const positions = new Map<string, number>();
    const mapping: number[] = [];
    for (const item of list ?? []) {
      const at = positions.get(key(item));
      if (at === undefined) {
        positions.set(key(item), kept.length);
        mapping.push(kept.length);
        kept.push(item);
      } else {
        mapping.push(at);
        if (fill) kept[at] = fill(kept[at]!, item);
      }
    }
    return { kept, mapping, repeated: kept.length < (list ?? []).length };
  };
  const people = dedupe(
    document.people,
    (item) => `${item.person.id}|${item.role}`,
    (kept, other) => ({
      ...other,
      ...kept,
      affiliations: kept.affiliations?.length ? kept.affiliations : other.affiliations,
    }),
  );
  const organizations = dedupe(document.organizations, (item) => `${item.organization.id}|${item.role}`);
  const topics = dedupe(document.topics, (item) => item.id);
  const regions = dedupe(document.regions, (item) => item.id);
  const lists = { people, organizations, topics, regions };
  // An agenda item's people carry no provenance of their own (the item's line does): deduped alone.
  const agenda =
    document.kind === "event"
      ? (document.agenda ?? []).map((item) => ({
          ...item,
          people: dedupe(item.people, (person) => person.id),
        }))
      : [];
  const agendaRepeated = agenda.some((item) => item.people.repeated);
  if (!Object.values(lists).some((list) => list.repeated) && !agendaRepeated) return document;
  const provenance = document.provenance.map((entry) => {
    const fields: Record<string, Span[]> = {};
    for (const [path, spans] of Object.entries(entry.fields)) {
      const moved = path.replace(
        /^(people|organizations|topics|regions)\[(\d+)\]/,
        (whole, name: string, index: string) => {
          // Each list maps every old position to its new one (the same one when nothing moved).
          const to = lists[name as keyof typeof lists].mapping[Number(index)];
          return to === undefined ? whole : `${name}[${to}]`;
        },
      );
      fields[moved] = [...(fields[moved] ?? []), ...spans];
    }
    return { ...entry, fields };
  });
  return {
    ...document,
    people: people.kept,
    organizations: organizations.kept,
    topics: topics.kept,
    regions: regions.kept,
    ...(document.kind === "event"
      ? { agenda: agenda.map((item) => ({ ...item, people: item.people.kept })) }
      : {}),
    provenance,
  } as Document;
}

/** Every entity id a document refers to. */
export function referencedEntityIds(document: Document): string[] {
  const ids: string[] = [];
  for (const person of document.people ?? []) {
    ids.push(person.person.id);
    for (const affiliation of person.affiliations ?? []) ids.push(affiliation.id);
  }
  for (const item of document.organizations ?? []) ids.push(item.organization.id);
  for (const topic of document.topics ?? []) ids.push(topic.id);
  for (const region of document.regions ?? []) ids.push(region.id);
  if (document.kind === "event")
    for (const item of document.agenda ?? []) for (const person of item.people ?? []) ids.push(person.id);
  return ids;
}

/** The aliases `into` keeps when `other` joins it: both lists and `other`'s name, never its own name. */
export function unionOfNames(into: Entity, other: Entity): string[] {
  const aliases = new Set([...(into.aliases ?? []), ...(other.aliases ?? []), other.name]);
  aliases.delete(into.name);
  return [...aliases];
}

/** `other` folded into `into`: its names become aliases, its honorifics and countries join. */
export function foldEntity(into: Entity, other: Entity): Entity {
  const folded = {
    ...into,
    aliases: unionOfNames(into, other),
    provenance: [...into.provenance, ...other.provenance],
  } as Entity;
  if (folded.kind === "person" && other.kind === "person")
    folded.honorifics = [...new Set([...(folded.honorifics ?? []), ...(other.honorifics ?? [])])];
  if (folded.kind === "region" && other.kind === "region")
    folded.countries = [...new Set([...(folded.countries ?? []), ...(other.countries ?? [])])];
  return folded;
}
