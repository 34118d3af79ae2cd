import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type CorpusRecord, createPersonId, type Document, isDocument } from "@corpus/schema";
import { describe, expect, it } from "vitest";
import { fold } from "./text/gazetteer.js";
import { parseInput } from "./index.js";

// The seeds are third-party pages kept beside the repository, never inside it.
const seeds = join(import.meta.dirname, "..", "..", "..", "..", "shared", "seeds");
const oracles = existsSync(seeds) ? readdirSync(seeds).filter((name) => name.endsWith(".expected.json")) : [];
if (oracles.length === 0) console.log(`oracle test skipped: no *.expected.json in ${seeds}`);

// Fields of the oracle's neutral shape that the schema has no place for.
const notInSchema = new Set(["events_mentioned"]);

interface Expected {
  kind: string;
  title: string | null;
  [field: string]: unknown;
}

describe.skipIf(oracles.length === 0)(
  "oracle: every record and field in ../shared/seeds/*.expected.json is found",
  () => {
    for (const oracle of oracles) {
      const expected = JSON.parse(readFileSync(join(seeds, oracle), "utf8")) as {
        source: string;
        records: Expected[];
      };
      const parsed = parseInput({ path: expected.source, bytes: readFileSync(join(seeds, expected.source)) });
      const documents = parsed.records.filter(isDocument);
      const entities = new Map(parsed.records.map((record) => [record.id, record]));
      for (const want of expected.records) {
        it(`${expected.source}: ${want.kind} "${want.title ?? "(no title)"}"`, () => {
          const document = findDocument(documents, want);
          expect(document, `no ${want.kind} titled ${want.title}`).toBeDefined();
          if (!document) return;
          for (const [field, value] of Object.entries(want)) {
            if (notInSchema.has(field)) {
              console.log(
                `${expected.source}: oracle field "${field}" not checked (the schema has no place for it)`,
              );
              continue;
            }
            checkField(document, field, value, entities);
          }
        });
      }
    }
  },
);

function findDocument(documents: Document[], want: Expected): Document | undefined {
  if (want.title === null)
    return documents.find((document) => document.kind === want.kind && document.titleDerived);
  return documents.find((document) => document.title === want.title && document.kind !== "stub");
}

function names(record: CorpusRecord | undefined): string[] {
  if (!record || isDocument(record)) return [];
  return [
    record.name,
    ...record.aliases,
    ...("acronym" in record && record.acronym ? [record.acronym] : []),
  ].map(fold);
}

function checkField(
  document: Document,
  field: string,
  value: unknown,
  entities: Map<string, CorpusRecord>,
): void {
  const label = `${document.title}: ${field}`;
  switch (field) {
    case "kind":
      if (value === "event") expect(document.kind, label).toBe("event");
      else expect(document.kind === "publication" ? document.subtype : document.kind, label).toBe(value);
      return;
    case "title":
      if (value === null) expect(document.titleDerived, label).toBe(true);
      else expect(document.title, label).toBe(value);
      return;
    case "date": {
      if (value === null) return void expect(document.date, label).toBeUndefined();
      const date = value as { year: number | null; month: number | null; day: number | null };
      expect(document.date?.year, label).toBe(date.year ?? undefined);
      expect(document.date?.month, label).toBe(date.month ?? undefined);
      expect(document.date?.day, label).toBe(date.day ?? undefined);
      return;
    }
    case "hosts":
      for (const host of value as string[]) {
        const hosts = document.organizations.filter(
          (item) => item.role === "host" || item.role === "co-host",
        );
        // A host printed with its parent ("Centre ..., Brussels School of Governance") matches the centre.
        const found = hosts.some((item) =>
          names(entities.get(item.organization.id)).some((name) => fold(host).startsWith(name)),
        );
        expect(found, `${label}: ${host}`).toBe(true);
      }
      return;
    case "hashtags":
      for (const tag of value as string[]) expect(document.hashtags, label).toContain(`#${tag}`);
      return;
    case "people":
      for (const person of value as {
        name: string;
        role: string;
        title?: string;
        affiliations?: string[];
        honorific?: string;
      }[]) {
        const found = document.people.find(
          (item) => item.person.id === createPersonId(person.name) && item.role === person.role,
        );
        expect(found, `${label}: ${person.name} as ${person.role}`).toBeDefined();
        if (person.title) expect(found?.title, `${label}: title of ${person.name}`).toBe(person.title);
        if (person.honorific)
          expect(found?.honorific, `${label}: honorific of ${person.name}`).toBe(person.honorific);
        for (const affiliation of person.affiliations ?? []) {
          const matched = found?.affiliations.some((item) =>
            names(entities.get(item.id)).includes(fold(affiliation)),
          );
          expect(matched, `${label}: ${person.name} at ${affiliation}`).toBe(true);
        }
      }
      return;
    case "people_mentioned":
      for (const name of value as string[]) {
        expect(
          document.people.map((item) => item.person.id),
          `${label}: ${name}`,
        ).toContain(createPersonId(name));
      }
      return;
    case "regions":
    case "places_mentioned":
      for (const region of value as string[]) {
        const found = document.regions.some((item) => names(entities.get(item.id)).includes(fold(region)));
        expect(found, `${label}: ${region}`).toBe(true);
      }
      return;
    case "related":
      for (const title of value as string[]) {
        expect(
          document.links.filter((link) => link.type === "related").map((link) => link.target.title),
          label,
        ).toContain(title);
      }
      return;
    case "links":
      for (const [type, title] of Object.entries(value as Record<string, string>)) {
        expect(
          document.links.some((link) => link.type === type && link.target.title === title),
          `${label}: ${type}`,
        ).toBe(true);
      }
      return;
    case "type":
      expect(document.kind === "publication" ? document.typeLabel : undefined, label).toBe(value);
      return;
    case "topics":
      expect(
        document.topics.map((topic) => topic.name),
        label,
      ).toEqual(expect.arrayContaining(value as string[]));
      return;
    case "summary_starts":
      expect(document.summary?.startsWith(value as string), label).toBe(true);
      return;
    case "sections":
      expect(
        document.sections.map((section) => section.heading),
        label,
      ).toEqual(expect.arrayContaining(value as string[]));
      return;
    default:
      throw new Error(`the oracle names a field this test does not know: ${field}`);
  }
}
