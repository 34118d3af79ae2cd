import { type CorpusRecord, namesLookAlike } from "@corpus/schema";
import type { Store } from "@corpus/store";
import { type Command, EXIT_OK, EXIT_PARTIAL, UsageError } from "../command.js";
import { documentsLabel, parseArguments, printable } from "../lib/arguments.js";
import { openLibrary } from "../lib/library.js";

const HELP = `Usage: corpus merge <keep-id> <duplicate-id> [--force] [--json] [--actor NAME] [--db PATH|URL]

Folds a duplicate person, organization, topic or region into the one to keep: its documents
refer to the kept one, its name becomes an alias, and the merge sticks (a page that names the
duplicate later refers to the kept one; its old id shows the kept one's page). Recorded in the
audit trail. Both ids must be in the library and of the same kind. Exit 1 when one is missing.

A merge is not undone by re-ingesting, so two entities whose names share no word (and neither
is the other's initials, as "USIP") are refused as a likely mistyped id: check both with corpus
show, then add --force if they are one.

Example:
  corpus merge person:seo-min-ji person:min-ji-seo`;

export const mergeCommand: Command = {
  name: "merge",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseArguments(argv, {
      json: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      actor: { type: "string", default: "cli" },
      db: { type: "string" },
    });
    const [into, from] = positionals;
    if (!into || !from || positionals.length > 2)
      throw new UsageError(
        "name the entity to keep, then the duplicate: corpus merge <keep-id> <duplicate-id>",
      );
    if (into === from) throw new UsageError("name two different entities");
    for (const id of [into, from])
      if (id.startsWith("doc:"))
        throw new UsageError(`${id} is a document; merge joins people, organizations, topics or regions`);
    const store = await openLibrary(values.db as string | undefined, { mustExist: true });
    try {
      const [kept, duplicate] = await Promise.all([store.get(into), store.get(from)]);
      // An id merged earlier is no record of its own any more, but it is not unknown either:
      // running the same merge twice (a script re-run) has nothing left to do.
      const [keptNow, duplicateNow] = await Promise.all([
        kept ? into : mergedInto(store, into),
        duplicate ? from : mergedInto(store, from),
      ]);
      if (!duplicate && duplicateNow === (keptNow ?? into)) {
        console.log(`${from} was already merged into ${duplicateNow}; nothing to do`);
        return EXIT_OK;
      }
      for (const [id, now] of [
        [into, kept ? undefined : keptNow],
        [from, duplicate ? undefined : duplicateNow],
      ] as const)
        if (now)
          throw new UsageError(
            `${id} was merged into ${now} earlier and is now one of its names; name ${now} instead`,
          );
      const missing = [kept ? null : into, duplicate ? null : from].filter(Boolean);
      if (missing.length > 0) {
        console.error(
          `corpus merge: ${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} not in the library. Try corpus search or corpus show to find the ids.`,
        );
        return EXIT_PARTIAL;
      }
      if (kept!.kind !== duplicate!.kind)
        throw new UsageError(
          `${into} is a ${kept!.kind} and ${from} a ${duplicate!.kind}; only the same kind merge`,
        );
      if (!values.force && !namesLookAlike(kept!, duplicate!))
        throw new UsageError(
          `${printable(nameOf(kept!))} (${into}) and ${printable(nameOf(duplicate!))} (${from}) share no word of their names: a merge sticks, so check both ids with corpus show, and add --force if they are one`,
        );
      const merged = await store.mergeEntities(into, from);
      await store.appendAudit({
        action: "merge",
        actor: values.actor as string,
        summary: `merged ${from} into ${into}`,
        details: { into, from },
      });
      if (values.json) console.log(JSON.stringify(merged, null, 2));
      else
        console.log(
          `merged ${from} into ${into}: ${printable("name" in merged ? merged.name : into)} (${documentsLabel((await store.entity(into))?.documentCount ?? 0)})`,
        );
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};

/** The entity an id was merged into, when it was; undefined for an id the library never had. */
async function mergedInto(store: Store, id: string): Promise<string | undefined> {
  const view = await store.entity(id);
  return view && view.entity.id !== id ? view.entity.id : undefined;
}

function nameOf(record: CorpusRecord): string {
  return "name" in record ? record.name : record.id;
}
