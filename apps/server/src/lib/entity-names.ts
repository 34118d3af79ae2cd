import {
  createOrganizationId,
  createPersonId,
  createRegionId,
  createTopicId,
  type EntityListItem,
  idPrefixes,
  slugify,
} from "@corpus/schema";
import type { Store } from "@corpus/store";
import { UsageError } from "../command.js";
import { printable } from "./arguments.js";

export type EntityKind = EntityListItem["kind"];

const PLURAL: Record<EntityKind, string> = {
  person: "people",
  organization: "organizations",
  topic: "topics",
  region: "regions",
};

/** True for text that is written as an id (a known prefix and a colon), right or wrong. */
export function looksLikeId(text: string): boolean {
  return Object.values(idPrefixes).some((prefix) => text.startsWith(`${prefix}:`));
}

/** A name as ids compare names: no accents, no case, punctuation as one separator. */
const nameKey = (name: string) => slugify(name, 400);

/** The id the library would have given an entity of this kind named `name` (decision 0003). */
function idByConstruction(kind: EntityKind, name: string): string {
  if (kind === "person") return createPersonId(name);
  if (kind === "organization") return createOrganizationId(name);
  if (kind === "topic") return createTopicId(name);
  // "kr" and "KR" both name a country by its code.
  return createRegionId(/^[a-z]{2}$/i.test(name) ? name.toUpperCase() : name);
}

function listed(items: readonly EntityListItem[]): string {
  return items
    .slice(0, 5)
    .map((item) => `${printable(item.name)} (${item.id})`)
    .join(", ");
}

/**
 * What a name given where an id is expected (`--person "Frank Aum"`, `corpus show "Frank Aum"`)
 * stands for: the entity whose id that name gives, else the one entity of the library whose name
 * (or a later word of it, or another name it goes by) matches. Returns the id, or throws a usage
 * error that lists the candidates when the name is ambiguous or names nothing. `kinds` are the
 * kinds the caller accepts; `option` names the option in that error ("--person"), if any.
 */
export async function resolveEntityName(
  store: Store,
  name: string,
  kinds: readonly EntityKind[],
  option?: string,
): Promise<string> {
  const where = option ? `${option}: ` : "";
  for (const kind of kinds) {
    const view = await store.entity(idByConstruction(kind, name));
    if (view) return view.entity.id;
  }
  const found = (await store.autocomplete(name, 20)).filter((item) => kinds.includes(item.kind));
  const exact = found.filter((item) => nameKey(item.name) === nameKey(name));
  const choice = exact.length === 1 ? exact : found.length === 1 ? found : [];
  if (choice[0]) return choice[0].id;
  const what = (among: readonly EntityKind[]) =>
    among.length === 1 ? PLURAL[among[0] as EntityKind] : "people, organizations, topics or regions";
  if (found.length === 0)
    throw new UsageError(
      `${where}no ${what(kinds)} in the library are named "${printable(name)}"; give a name as the library spells it, or an id such as ${idPrefixes[kinds[0] ?? "person"]}:...`,
    );
  const shown = exact.length > 1 ? exact : found;
  const count = shown.length === 20 ? "20 or more" : String(shown.length);
  throw new UsageError(
    `${where}"${printable(name)}" matches ${count} ${what([...new Set(shown.map((item) => item.kind))])}: ${listed(shown)}${shown.length > 5 ? ", ..." : ""}; give one of their ids`,
  );
}
