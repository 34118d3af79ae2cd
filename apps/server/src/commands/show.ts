import { formatPartialDate, isDocument } from "@corpus/schema";
import { type Command, EXIT_OK, EXIT_PARTIAL, UsageError } from "../command.js";
import { documentsLabel, parseArguments, printable } from "../lib/arguments.js";
import { looksLikeId, resolveEntityName } from "../lib/entity-names.js";
import { openLibrary } from "../lib/library.js";

const HELP = `Usage: corpus show <id or name> [--json] [--db PATH|URL]

Prints one record: a document (doc:...) with its people, topics, regions and links, or an
entity (person:, org:, topic:, region:) with its documents by role and who it appears with.
A name instead of an id shows the person, organization, topic or region of that name; when
several match, the error lists their ids. Exit 1 when the id is not in the library.

Examples:
  corpus show person:frank-aum
  corpus show "Frank Aum"`;

export const showCommand: Command = {
  name: "show",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseArguments(argv, {
      json: { type: "boolean", default: false },
      db: { type: "string" },
    });
    const given = positionals[0];
    if (!given || positionals.length > 1)
      throw new UsageError(
        'name exactly one id or name, e.g. corpus show person:frank-aum or corpus show "Frank Aum"',
      );
    const store = await openLibrary(values.db as string | undefined, { mustExist: true });
    try {
      // A name instead of an id: the person, organization, topic or region it names, if only one.
      const id = looksLikeId(given)
        ? given
        : await resolveEntityName(store, given, ["person", "organization", "topic", "region"]);
      if (id !== given && !values.json) console.log(`("${printable(given)}" is ${id})`);
      // An id merged into another entity (or one of its spellings) shows that entity's page.
      const stored = await store.get(id);
      const followed = stored || id.startsWith("doc:") ? null : await store.entity(id);
      const record = stored ?? followed?.entity ?? null;
      if (!record) {
        console.error(`corpus show: ${id} is not in the library. Try corpus search to find its id.`);
        return EXIT_PARTIAL;
      }
      if (record.id !== id && !values.json) console.log(`(${id} now belongs to ${record.id})`);
      if (isDocument(record)) {
        if (values.json) {
          console.log(JSON.stringify(record, null, 2));
          return EXIT_OK;
        }
        console.log(
          `${printable(record.title)}\n${record.kind}${record.kind === "publication" ? `/${record.subtype}` : ""} · ${record.date ? formatPartialDate(record.date, { unknownYear: "????" }) : "undated"} · ${record.id}`,
        );
        const source = [record.source?.site, record.source?.url].filter(Boolean).join(" · ");
        if (source) console.log(`source: ${printable(source)}`);
        if (record.summary) console.log(`\n${printable(record.summary)}`);
        if (record.people.length > 0) {
          const line = (person: (typeof record.people)[number]) => {
            const held = [person.title ?? "", ...person.affiliations.map((item) => item.name)].filter(
              Boolean,
            );
            return `  ${printable(person.person.name)} (${person.role})${held.length > 0 ? `, ${printable(held.join(", "))}` : ""}`;
          };
          console.log(`\npeople:\n${record.people.map(line).join("\n")}`);
        }
        // Affiliations are already on the people above; the rest (hosts, publishers...) go here.
        const involved = record.organizations.filter((item) => item.role !== "affiliation");
        if (involved.length > 0)
          console.log(
            `organizations: ${involved.map((item) => `${printable(item.organization.name)} (${item.role})`).join(", ")}`,
          );
        if (record.topics.length > 0)
          console.log(`topics: ${record.topics.map((topic) => printable(topic.name)).join(", ")}`);
        if (record.regions.length > 0)
          console.log(`regions: ${record.regions.map((region) => printable(region.name)).join(", ")}`);
        for (const link of record.links)
          console.log(`${link.type}: ${printable(link.target.title)} (${link.target.id})`);
        return EXIT_OK;
      }
      const view = followed ?? (await store.entity(id));
      if (values.json) {
        console.log(JSON.stringify(view, null, 2));
        return EXIT_OK;
      }
      if (!view) return EXIT_PARTIAL;
      console.log(
        `${printable(record.name)} (${record.kind}) · ${documentsLabel(view.documentCount)} · ${record.id}`,
      );
      // Topics and regions have no roles: a document is about them or not.
      const hasRoles = record.kind === "person" || record.kind === "organization";
      if (hasRoles && view.roles.length > 0)
        console.log(`roles: ${view.roles.map((role) => `${role.role} ${role.count}`).join(", ")}`);
      for (const position of view.positions.slice(-5)) {
        const parts = [position.title ?? "", ...position.affiliations.map((item) => item.name)].filter(
          Boolean,
        );
        console.log(
          `  ${position.date ? formatPartialDate(position.date, { unknownYear: "????" }) : "undated"}: ${printable(parts.join(", "))}`,
        );
      }
      if (view.people.length > 0)
        console.log(
          `with: ${view.people
            .slice(0, 8)
            .map((person) => `${printable(person.name)} (${person.count})`)
            .join(", ")}`,
        );
      for (const item of view.documents.slice(0, 10))
        console.log(
          `  ${item.document.date ? formatPartialDate(item.document.date, { unknownYear: "????" }) : "undated"} ${printable(item.document.title)}${hasRoles ? ` [${item.roles.join(", ")}]` : ""}`,
        );
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
