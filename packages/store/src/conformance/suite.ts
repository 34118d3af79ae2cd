import {
  type CorpusRecord,
  createDocumentId,
  createPersonId,
  type Document,
  facetNames,
  isDocument,
  type PersonRole,
  type SourceText,
} from "@corpus/schema";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { copyLibrary } from "../core/copy.js";
import { filterTag } from "../core/derive.js";
import { generateSyntheticLibrary } from "../synthetic/index.js";
import type { OpenStoreOptions } from "../open-store.js";
import type { Store } from "../store.js";
import {
  byMinji,
  event,
  frank,
  frankRecord,
  joseph,
  korea,
  minji,
  nuclear,
  publication,
  seo,
  smallLibrary,
  usip,
} from "./fixtures.js";

export interface StoreHarness {
  store: Store;
  /** A second, empty library of the same engine (optionally with small ranking thresholds). */
  createEmpty(options?: OpenStoreOptions): Promise<Store>;
  /** Another opening of the same library, as a second process would open it; closed by cleanup. */
  reopen(options?: OpenStoreOptions): Promise<Store>;
  cleanup(): Promise<void>;
}

async function collect(store: Store): Promise<CorpusRecord[]> {
  const records: CorpusRecord[] = [];
  for await (const record of store.exportRecords()) records.push(record);
  return records;
}

/** Brute-force answer to "how many documents match these filters" straight from the records. */
function bruteForce(records: CorpusRecord[], filter: (document: Document) => boolean) {
  return records.filter((record): record is Document => isDocument(record) && filter(record));
}

/** The behaviour every engine must show. Run by conformance.test.ts once per engine. */
export function describeStoreConformance(engine: string, open: () => Promise<StoreHarness>): void {
  describe(`store conformance: ${engine}`, () => {
    let harness: StoreHarness;
    let store: Store;
    beforeEach(async () => {
      harness = await open();
      store = harness.store;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it("stores a batch, reads it back and reports added / updated / unchanged", async () => {
      const library = smallLibrary();
      const first = await store.upsert({ records: [...library, frankRecord] });
      expect(first).toEqual({ added: 4, updated: 0, unchanged: 0 });
      expect(await store.get(library[0]!.id)).toEqual(library[0]);
      const again = await store.upsert({ records: [...library, frankRecord] });
      expect(again).toEqual({ added: 0, updated: 0, unchanged: 4 });
      const changed = { ...library[1]!, summary: "A new summary." } as Document;
      expect(await store.upsert({ records: [changed] })).toEqual({ added: 0, updated: 1, unchanged: 0 });
      expect((await store.get(changed.id)) as Document).toMatchObject({ summary: "A new summary." });
      expect(
        (await store.getMany([library[2]!.id, "doc:missing-00000000", library[0]!.id])).map(
          (record) => record.id,
        ),
      ).toEqual([library[2]!.id, library[0]!.id]);
    });

    it("creates minimal entities for names a document references, replaced when the real record arrives", async () => {
      await store.upsert({ records: smallLibrary() });
      const joe = await store.get(joseph.id);
      expect(joe).toMatchObject({ id: joseph.id, kind: "person", name: "Joseph Yun" });
      expect(await store.get(korea.id)).toMatchObject({
        kind: "region",
        regionType: "country",
        iso3166: { alpha2: "KR" },
      });
      const view = await store.entity(joseph.id);
      expect(view?.documentCount).toBe(2);
      await store.upsert({
        records: [
          {
            ...joseph,
            kind: "person",
            aliases: ["Amb. Joseph Yun"],
            honorifics: ["Ambassador"],
            provenance: [],
          },
        ],
      });
      expect(await store.get(joseph.id)).toMatchObject({ honorifics: ["Ambassador"] });
    });

    it("turns a stub into the real document and never lets a stub overwrite one", async () => {
      await store.upsert({ records: smallLibrary() });
      const targetId = createDocumentId("Mediation after ceasefires");
      expect(await store.get(targetId)).toMatchObject({ kind: "stub", title: "Mediation after ceasefires" });
      const real = publication("Mediation after ceasefires", { summary: "The real page." });
      expect(await store.upsert({ records: [real] })).toMatchObject({ updated: 1 });
      expect(await store.get(targetId)).toMatchObject({ kind: "publication", summary: "The real page." });
      const stub = { ...real, kind: "stub", extent: "teaser" } as unknown as Document;
      expect(await store.upsert({ records: [stub] })).toMatchObject({ unchanged: 1 });
      expect(await store.get(targetId)).toMatchObject({ kind: "publication" });
    });

    it("merges a teaser with the full page field by field", async () => {
      const teaser = publication("Reading the ceasefire map", {
        extent: "teaser",
        summary: "Teaser summary.",
        date: { year: 2022 },
      });
      const full = publication("Reading the ceasefire map", {
        sections: [{ heading: "Body", text: "The full text.", quotes: [] }],
        date: { year: 2022, month: 3 },
      });
      await store.upsert({ records: [teaser] });
      await store.upsert({ records: [full] });
      const stored = (await store.get(full.id)) as Document;
      expect(stored).toMatchObject({
        extent: "full",
        summary: "Teaser summary.",
        date: { year: 2022, month: 3 },
      });
      expect(stored.sections).toHaveLength(1);
      await store.upsert({ records: [teaser] });
      expect(await store.get(full.id)).toMatchObject({ extent: "full", date: { year: 2022, month: 3 } });
    });

    it("leaves no trace of a batch that fails at record k of n", async () => {
      const library = smallLibrary();
      const broken = { ...publication("Broken record"), title: null } as unknown as Document;
      await expect(
        store.upsert({
          records: [library[0]!, library[1]!, broken, library[2]!],
          inputs: [{ path: "x.json", contentHash: "a".repeat(64), recordIds: [] }],
        }),
      ).rejects.toThrow();
      expect(await store.get(library[0]!.id)).toBeNull();
      expect(await store.get(frank.id)).toBeNull();
      expect((await store.search({ text: "" } as never)).total).toBe(0);
      expect((await store.getInputs(["x.json"])).size).toBe(0);
      expect(await store.upsert({ records: library })).toMatchObject({ added: 3 });
    });

    it("searches text with ranking, highlighted snippets, exact totals and facets", async () => {
      await store.upsert({ records: smallLibrary() });
      const result = await store.search({ text: "weeks" } as never);
      expect(result.total).toBe(1);
      expect(result.hits[0]?.document.title).toBe("Local ceasefires in civil wars");
      const highlighted = result.hits[0]?.snippet
        ?.filter((run) => run.highlight)
        .map((run) => run.text.toLowerCase());
      expect(highlighted).toEqual(["weeks"]);
      // The stub made for the linked "Mediation after ceasefires" is found by its title too.
      expect((await store.search({ text: "ceasefires" } as never)).total).toBe(2);
      const title = await store.search({ text: "verification" } as never);
      expect(title.hits[0]?.document.title).toBe("Sanctions relief and verification");
      expect(title.facets?.topic.map((value) => value.label)).toContain("Nuclear Security");
      expect(title.facets?.person.find((value) => value.value === frank.id)).toMatchObject({
        label: "Frank Aum",
        count: 1,
      });
    });

    it("reads people and roles together as those people in those roles, and counts the facets so", async () => {
      const as = (person: typeof frank, role: PersonRole) => ({ person, role, affiliations: [] });
      await store.upsert({
        records: [
          event("Frank moderates", { people: [as(frank, "moderator"), as(joseph, "speaker")] }),
          event("Joseph moderates", { people: [as(frank, "speaker"), as(joseph, "moderator")] }),
          publication("Frank writes", { people: [as(frank, "author")] }),
        ],
      });
      const search = (filters: Record<string, string[]>) => store.search({ text: "", filters } as never);
      const titles = async (filters: Record<string, string[]>) =>
        (await search(filters)).hits.map((hit) => hit.document.title).sort();
      const counts = (facet: { value: string; count: number }[] | undefined) =>
        Object.fromEntries((facet ?? []).map((item) => [item.value, item.count]));

      expect(await titles({ person: [frank.id], role: ["moderator"] })).toEqual(["Frank moderates"]);
      expect(await titles({ person: [frank.id, joseph.id], role: ["moderator"] })).toEqual([
        "Frank moderates",
        "Joseph moderates",
      ]);
      expect(await titles({ person: [joseph.id], role: ["author"] })).toEqual([]);
      // Each alone keeps its meaning: anyone in the role, the person in any role.
      expect(await titles({ role: ["moderator"] })).toEqual(["Frank moderates", "Joseph moderates"]);
      expect(await titles({ person: [frank.id] })).toEqual([
        "Frank moderates",
        "Frank writes",
        "Joseph moderates",
      ]);

      // Who moderated: each person counted where they held the role, not where someone did.
      const byRole = (await search({ role: ["moderator"] })).facets;
      expect(counts(byRole?.person)).toEqual({ [frank.id]: 1, [joseph.id]: 1 });
      // What Frank was: his own roles, not Joseph's in the same events.
      const byPerson = (await search({ person: [frank.id] })).facets;
      expect(counts(byPerson?.role)).toEqual({ moderator: 1, speaker: 1, author: 1 });
      const both = (await search({ person: [frank.id], role: ["moderator"] })).facets;
      expect(counts(both?.role)).toEqual({ moderator: 1, speaker: 1, author: 1 });
      expect(counts(both?.person)).toEqual({ [frank.id]: 1, [joseph.id]: 1 });
      expect(both?.kind?.map((item) => [item.value, item.count])).toEqual([["event", 1]]);

      // A document written after the index was loaded (kept as an overlay) is read the same way,
      // and no facet counts a pair as a value of its own.
      await store.upsert({ records: [publication("Joseph writes", { people: [as(joseph, "author")] })] });
      expect(await titles({ person: [joseph.id], role: ["author"] })).toEqual(["Joseph writes"]);
      const authors = (await search({ role: ["author"] })).facets;
      expect(counts(authors?.person)).toEqual({ [frank.id]: 1, [joseph.id]: 1 });
      const all = (await search({})).facets;
      expect(counts(all?.role)).toEqual({ moderator: 2, speaker: 2, author: 2 });
      expect(counts(all?.person)).toEqual({ [frank.id]: 3, [joseph.id]: 3 });
    });

    it("counts each facet with every filter but its own", async () => {
      await store.upsert({ records: smallLibrary() });
      const result = await store.search({
        text: "",
        filters: { kind: ["event"], topic: [nuclear.id] },
      } as never);
      expect(result.total).toBe(1);
      const kinds = Object.fromEntries(result.facets!.kind.map((value) => [value.value, value.count]));
      // kind is counted without the kind filter (but with the topic filter): both nuclear documents.
      expect(kinds).toEqual({ event: 1, publication: 1 });
      const topics = Object.fromEntries(result.facets!.topic.map((value) => [value.value, value.count]));
      expect(topics[nuclear.id]).toBe(1);
      expect(topics["topic:peace-processes"]).toBeUndefined();
      const or = await store.search({
        text: "",
        filters: { subtype: ["analysis", "digest-article"] },
      } as never);
      expect(or.total).toBe(2);
    });

    it("lists a selected filter value the library does not know, with a readable label and count 0", async () => {
      await store.upsert({ records: smallLibrary() });
      const result = await store.search({
        text: "",
        filters: {
          region: ["region:antarctica", korea.id],
          topic: ["topic:peace-processes", "topic:arms-control-and-disarmament"],
        },
      } as never);
      const regions = Object.fromEntries(result.facets!.region.map((value) => [value.value, value]));
      // Known: the entity's name. Unknown: a name read from the id's slug, never the raw id.
      // Counted with the topic filter: only the analysis is about Korea and peace processes.
      expect(regions[korea.id]).toMatchObject({ label: "South Korea", count: 1 });
      expect(regions["region:antarctica"]).toEqual({
        value: "region:antarctica",
        label: "Antarctica",
        count: 0,
      });
      const topics = Object.fromEntries(result.facets!.topic.map((value) => [value.value, value.label]));
      expect(topics["topic:peace-processes"]).toBe("Peace Processes");
      expect(topics["topic:arms-control-and-disarmament"]).toBe("Arms Control and Disarmament");
      // An unknown country code reads as the country's name.
      const antarctica = await store.search({ text: "", filters: { region: ["region:AQ"] } } as never);
      expect(antarctica.total).toBe(0);
      expect(antarctica.facets!.region).toContainEqual({ value: "region:AQ", label: "Antarctica", count: 0 });
    });

    it("matches synthetic-library facets and totals against a brute-force count", async () => {
      const records = generateSyntheticLibrary(300, 11);
      await store.upsert({ records });
      const documents = records.filter(isDocument);
      const someTopic = documents.find((document) => document.topics.length > 0)!.topics[0]!.id;
      const somePerson = documents.find((document) => document.people.length > 0)!.people[0]!.person.id;
      const cases: { filters: Record<string, string[] | string>; test: (document: Document) => boolean }[] = [
        { filters: { kind: ["publication"] }, test: (document) => document.kind === "publication" },
        {
          filters: { topic: [someTopic] },
          test: (document) => document.topics.some((topic) => topic.id === someTopic),
        },
        {
          filters: { person: [somePerson], kind: ["event", "publication"] },
          test: (document) =>
            document.people.some((person) => person.person.id === somePerson) &&
            document.kind !== "issue" &&
            document.kind !== "stub",
        },
        {
          filters: { from: "2001", to: "2004-06" },
          test: (document) =>
            !!document.date?.year &&
            document.date.year >= 2001 &&
            (document.date.year < 2004 || (document.date.year === 2004 && (document.date.month ?? 1) <= 6)),
        },
      ];
      for (const { filters, test } of cases) {
        const result = await store.search({ text: "", filters, limit: 5 } as never);
        const expected = bruteForce(records, test);
        expect(result.total).toBe(expected.length);
        if (!filters.kind) {
          const kinds = Object.fromEntries(result.facets!.kind.map((value) => [value.value, value.count]));
          const expectedKinds: Record<string, number> = {};
          for (const document of expected)
            expectedKinds[document.kind] = (expectedKinds[document.kind] ?? 0) + 1;
          expect(kinds).toEqual(expectedKinds);
        }
      }
      const peace = await store.search({ text: "peace", limit: 5 } as never);
      expect(peace.total).toBeGreaterThan(100);
      expect(peace.total).toBe(peace.facets!.kind.reduce((sum, value) => sum + value.count, 0));
      for (const name of facetNames) expect(Array.isArray(peace.facets![name])).toBe(true);
    });

    it("loads the facet index another opening left, and catches up with later writes", async () => {
      const records = generateSyntheticLibrary(300, 11);
      await store.upsert({ records });
      // An opening that always leaves a snapshot, as a slow rebuild at scale does.
      const first = await harness.reopen({ facetSnapshotAfterMs: 0 });
      expect((await first.search({ text: "", limit: 1 } as never)).total).toBe(
        records.filter(isDocument).length,
      );
      // Writes after the snapshot: changed topics, deletions and new documents.
      const documents = records.filter(isDocument).filter((document) => document.kind !== "stub");
      const someTopic = documents.find((document) => document.topics.length > 0)!.topics[0]!;
      const changed = documents
        .slice(0, 20)
        .map((document) => ({ ...document, topics: [someTopic], kind: "event" }) as Document);
      await store.upsert({ records: changed });
      await store.delete(documents.slice(20, 30).map((document) => document.id));
      await store.upsert({ records: generateSyntheticLibrary(40, 99) });
      const current = await collect(store);
      const later = await harness.reopen();
      const cases: { filters: Record<string, string[]>; test: (document: Document) => boolean }[] = [
        { filters: {}, test: () => true },
        { filters: { kind: ["event"] }, test: (document) => document.kind === "event" },
        {
          filters: { topic: [someTopic.id] },
          test: (document) => document.topics.some((topic) => topic.id === someTopic.id),
        },
      ];
      for (const { filters, test } of cases) {
        const result = await later.search({ text: "", filters, limit: 5 } as never);
        const expected = bruteForce(current, test);
        expect(result.total).toBe(expected.length);
        // A facet counts as if its own filter were off, so the kind facet is checked without one.
        if (filters.kind) continue;
        const kinds = Object.fromEntries(result.facets!.kind.map((value) => [value.value, value.count]));
        const expectedKinds: Record<string, number> = {};
        for (const document of expected)
          expectedKinds[document.kind] = (expectedKinds[document.kind] ?? 0) + 1;
        expect(kinds).toEqual(expectedKinds);
      }
    });

    it("sorts by date and pages with a cursor that stays stable when records are added", async () => {
      await store.upsert({ records: generateSyntheticLibrary(120, 3) });
      const seen: string[] = [];
      let cursor: string | null | undefined;
      const first = await store.search({ text: "", sort: "newest", limit: 25 } as never);
      const dates = first.hits.map((hit) => hit.document.date?.year ?? 0);
      expect([...dates].sort((a, b) => b - a)).toEqual(dates);
      seen.push(...first.hits.map((hit) => hit.document.id));
      cursor = first.nextCursor;
      // A record added while paging (dated far in the past) must not shift what comes next.
      await store.upsert({
        records: [publication("An old record added while paging", { date: { year: 1950 } })],
      });
      while (cursor) {
        const page = await store.search({ text: "", sort: "newest", limit: 25, cursor } as never);
        seen.push(...page.hits.map((hit) => hit.document.id));
        cursor = page.nextCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(first.total + 1);
      const oldest = await store.search({ text: "", sort: "oldest", limit: 1 } as never);
      expect(oldest.hits[0]?.document.title).toBe("An old record added while paging");
      const relevance: string[] = [];
      cursor = undefined;
      do {
        const page = await store.search({
          text: "security",
          limit: 7,
          ...(cursor ? { cursor } : {}),
        } as never);
        relevance.push(...page.hits.map((hit) => hit.document.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(relevance).size).toBe(relevance.length);
      expect(relevance.length).toBe((await store.search({ text: "security" } as never)).total);
      await expect(
        store.search({ text: "", sort: "oldest", cursor: first.nextCursor } as never),
      ).rejects.toThrow(/cursor/);
    });

    it("puts documents whose date has no year after dated ones, newest or oldest first; stats list additions", async () => {
      const undated = publication("A truce remembered only by its month", { date: { month: 10, day: 6 } });
      const noDate = publication("A pamphlet with no date at all");
      // Written after the dated ones, so that insertion order would put them first.
      await store.upsert({ records: smallLibrary() });
      await store.upsert({ records: [undated, noDate] });
      const dated = [
        "Negotiating with North Korea",
        "Local ceasefires in civil wars",
        "Sanctions relief and verification",
      ];
      const titles = async (sort: "newest" | "oldest") =>
        (await store.search({ text: "", sort, limit: 50 } as never)).hits
          .map((hit) => hit.document.title)
          .filter((title) => title !== "Mediation after ceasefires");
      expect((await titles("newest")).slice(0, 3)).toEqual(dated);
      expect((await titles("oldest")).slice(0, 3)).toEqual([...dated].reverse());
      for (const sort of ["newest", "oldest"] as const)
        expect(new Set((await titles(sort)).slice(3))).toEqual(new Set([undated.title, noDate.title]));
      // Paging by cursor crosses from dated to undated documents without losing or repeating one.
      for (const sort of ["newest", "oldest"] as const) {
        const seen: string[] = [];
        let cursor: string | null | undefined;
        do {
          const page = await store.search({
            text: "",
            sort,
            limit: 2,
            ...(cursor ? { cursor } : {}),
          } as never);
          seen.push(...page.hits.map((hit) => hit.document.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen.length).toBe(6);
        expect(new Set(seen).size).toBe(6);
      }
      // Stats list the newest additions (what was ingested last), whatever their dates; never stubs.
      const newest = (await store.stats()).newest.map((summary) => summary.title);
      expect(new Set(newest.slice(0, 2))).toEqual(new Set([undated.title, noDate.title]));
      expect(newest).not.toContain("Mediation after ceasefires");
    });

    it("ranks a query matching most of the library newest-window first and pages through every match once", async () => {
      const tuned = await harness.createEmpty({
        searchTuning: { scoreAllLimit: 40, scoreFilteredLimit: 10, champions: 15, recentWindow: 60 },
      });
      try {
        await tuned.upsert({ records: generateSyntheticLibrary(250, 8) });
        for (const filters of [{}, { kind: ["publication"] }]) {
          const all = await tuned.search({ text: "peace", filters, limit: 1 } as never);
          expect(all.total).toBeGreaterThan(100);
          const seen: string[] = [];
          let cursor: string | null | undefined;
          do {
            const page = await tuned.search({
              text: "peace",
              filters,
              limit: 9,
              facets: false,
              ...(cursor ? { cursor } : {}),
            } as never);
            seen.push(...page.hits.map((hit) => hit.document.id));
            cursor = page.nextCursor;
          } while (cursor);
          expect(new Set(seen).size).toBe(seen.length);
          expect(seen.length).toBe(all.total);
        }
      } finally {
        await tuned.close();
      }
    });

    it("scopes a search to titles or to one section", async () => {
      await store.upsert({ records: smallLibrary() });
      expect((await store.search({ text: "nuclear", scope: "title" } as never)).total).toBe(0);
      expect((await store.search({ text: "nuclear" } as never)).total).toBeGreaterThan(0);
      const section = await store.search({
        text: "ceasefires",
        scope: "section",
        section: "Insight from Peace Science",
      } as never);
      expect(section.hits.map((hit) => hit.document.title)).toEqual(["Local ceasefires in civil wars"]);
      const news = await store.search({
        text: "verification",
        scope: "section",
        section: "In the News",
      } as never);
      expect(news.total).toBe(0);
    });

    it("lists the section headings by documents, one per heading in any case, by prefix and limit", async () => {
      const section = (heading: string | undefined) => ({ heading, text: "Monitors reported.", quotes: [] });
      await store.upsert({
        records: [
          // "Insight from Peace Science" twice and "In the News" once.
          ...smallLibrary(),
          // Two spellings of one heading in one document: one document, whichever way it is written.
          publication("Ceasefire monitoring", {
            sections: [
              section("INSIGHT FROM PEACE SCIENCE"),
              section("Insight from peace science"),
              section("Practical Implications"),
              section("   "),
              section(undefined),
            ],
          }),
          publication("Talks and verification", {
            sections: [section("Practical Implications"), section("In the News")],
          }),
        ],
      });
      const listed = await store.sectionHeadings();
      // Shown as most of its documents spell it; equal counts in heading order.
      expect(listed).toEqual([
        { heading: "Insight from Peace Science", documentCount: 3 },
        { heading: "In the News", documentCount: 2 },
        { heading: "Practical Implications", documentCount: 2 },
      ]);
      // What a section-scoped search under a listed heading finds is what the count says.
      const found = await store.search({
        text: "verification OR ceasefires OR monitors",
        mode: "advanced",
        scope: "section",
        section: "insight FROM peace science",
      } as never);
      expect(found.total).toBe(3);
      expect((await store.sectionHeadings({ prefix: "in" })).map((item) => item.heading)).toEqual([
        "Insight from Peace Science",
        "In the News",
      ]);
      expect((await store.sectionHeadings({ prefix: "IN THE" })).map((item) => item.heading)).toEqual([
        "In the News",
      ]);
      expect(await store.sectionHeadings({ prefix: "Talking Points" })).toEqual([]);
      expect(await store.sectionHeadings({ limit: 1 })).toEqual([
        { heading: "Insight from Peace Science", documentCount: 3 },
      ]);
      expect(await store.sectionHeadings({ prefix: "", limit: 2 })).toHaveLength(2);
    });

    it("lists section headings as they are after each write, also to another opening of the library", async () => {
      const [, analysis, digest] = smallLibrary();
      await store.upsert({ records: smallLibrary() });
      const other = await harness.reopen();
      const headingsOf = async (reader: Store) =>
        (await reader.sectionHeadings()).map((item) => [item.heading, item.documentCount]);
      const before = [
        ["Insight from Peace Science", 2],
        ["In the News", 1],
      ];
      expect(await headingsOf(store)).toEqual(before);
      expect(await headingsOf(other)).toEqual(before);
      await store.upsert({
        records: [
          publication("Talking to armed groups", {
            sections: [{ heading: "Talking Points", text: "Talks need channels.", quotes: [] }],
          }),
          { ...analysis!, sections: [{ heading: "Talking Points", text: "Verify first.", quotes: [] }] },
        ],
      });
      const afterUpsert = [
        ["Talking Points", 2],
        ["In the News", 1],
        ["Insight from Peace Science", 1],
      ];
      expect(await headingsOf(store)).toEqual(afterUpsert);
      expect(await headingsOf(other)).toEqual(afterUpsert);
      await store.delete([digest!.id]);
      expect(await headingsOf(store)).toEqual([["Talking Points", 2]]);
      expect(await headingsOf(other)).toEqual([["Talking Points", 2]]);
    });

    it("understands phrases, prefixes, OR and NOT in advanced mode, and falls back to literal", async () => {
      await store.upsert({ records: smallLibrary() });
      const titles = async (text: string) =>
        (await store.search({ text, mode: "advanced" } as never)).hits
          .map((hit) => hit.document.title)
          .sort();
      expect(await titles('"sanctions relief"')).toEqual(["Sanctions relief and verification"]);
      expect(await titles("verif*")).toEqual(["Sanctions relief and verification"]);
      expect(await titles("ceasefires OR sanctions")).toEqual([
        "Local ceasefires in civil wars",
        "Mediation after ceasefires",
        "Sanctions relief and verification",
      ]);
      expect(await titles("nuclear -panel")).toEqual(["Sanctions relief and verification"]);
      // A truncation finds the words the stemmer indexes shorter than it ("verif" + "ication").
      expect(await titles("verificat*")).toEqual(["Sanctions relief and verification"]);
      expect(await titles("negotiat*")).toContain("Negotiating with North Korea");
      const broken = await store.search({ text: '"sanctions relief', mode: "advanced" } as never);
      expect(broken.fellBackToLiteral).toBe(true);
      expect(broken.total).toBe(1);
    });

    it("never lets a common word (a stop word on PostgreSQL) empty a search", async () => {
      await store.upsert({ records: smallLibrary() });
      const search = (text: string) => store.search({ text, limit: 5 } as never);
      expect((await search("relief and verification")).hits.map((hit) => hit.document.title)).toEqual([
        "Sanctions relief and verification",
      ]);
      const prospects = await search("the prospects of talks");
      expect(prospects.total).toBeGreaterThan(0);
      expect(prospects.total).toBe((await search("prospects talks")).total);
      const common = await search("the");
      expect(common.total).toBeGreaterThan(0);
      // And it lists them.
      expect(common.hits.length).toBe(Math.min(5, common.total));
      expect((await search("nuclear -the")).total).toBeGreaterThan(0);
    });

    it("indexes every word and folds accents alike on both engines", async () => {
      await store.upsert({
        records: [
          publication("Talks in Genève", { summary: "It was not the end of the war." }),
          publication("A piece on something else", { summary: "Peace held in the valley." }),
        ],
      });
      const titles = async (text: string) =>
        (await store.search({ text, limit: 5 } as never)).hits.map((hit) => hit.document.title);
      expect(await titles("Geneve")).toEqual(["Talks in Genève"]);
      expect(await titles("genève")).toEqual(["Talks in Genève"]);
      // English stop words are words here: "it" is in one document, "not peace" in none.
      expect(await titles("it")).toEqual(["Talks in Genève"]);
      expect(await titles("not peace")).toEqual([]);
      expect(await titles("not the end")).toEqual(["Talks in Genève"]);
    });

    it("folds the letters accents cannot be taken off (ø, æ, ł, ß, ı), as ids do, on both engines", async () => {
      await store.upsert({
        records: [
          publication("Notes from Dahl-Sørensen", { summary: "Wałęsa and Kılıçdaroğlu met on the Straße." }),
          publication("Encyclopædia of truces"),
          publication("A piece on something else"),
        ],
      });
      const search = (text: string) => store.search({ text, limit: 5 } as never);
      const titles = async (text: string) => (await search(text)).hits.map((hit) => hit.document.title);
      for (const text of [
        "Sorensen",
        "Sørensen",
        "Dahl-Sorensen",
        "Walesa",
        "Wałęsa",
        "Kilicdaroglu",
        "strasse",
      ])
        expect(await titles(text), text).toEqual(["Notes from Dahl-Sørensen"]);
      expect(await titles("encyclopaedia")).toEqual(["Encyclopædia of truces"]);
      expect(await titles("Encyclopædia")).toEqual(["Encyclopædia of truces"]);
      // The snippet marks the word as the page spells it.
      const [hit] = (await search("walesa")).hits;
      expect(hit?.snippet?.filter((run) => run.highlight).map((run) => run.text)).toEqual(["Wałęsa"]);
    });

    it("finds a dotted abbreviation (U.S.) as both engines index it", async () => {
      await store.upsert({
        records: [
          publication("Notes from the U.S. Institute of Peace", {
            summary: "Briefings at usip.org, in 3.5 hours.",
          }),
          publication("A piece on something else"),
        ],
      });
      const titles = async (text: string) =>
        (await store.search({ text, limit: 5 } as never)).hits.map((hit) => hit.document.title);
      expect(await titles("U.S.")).toEqual(["Notes from the U.S. Institute of Peace"]);
      expect(await titles("U.S. Institute")).toEqual(["Notes from the U.S. Institute of Peace"]);
    });

    it("never lets a query word match the hidden filter tokens", async () => {
      await store.upsert({ records: smallLibrary() });
      // Filter values are indexed as tokens next to the text (decision 0020); a user who types
      // one, or a prefix of one, must still only search the text.
      const tag = filterTag("kind", "event");
      for (const [text, mode] of [
        [tag, "simple"],
        [`"${tag}"`, "advanced"],
        [`${tag.slice(0, 5)}*`, "advanced"],
        ["tg*", "advanced"],
        [`nuclear ${tag}`, "simple"],
      ] as const)
        expect((await store.search({ text, mode, limit: 5 } as never)).total, text).toBe(0);
      expect((await store.search({ text: "nuclear", limit: 5 } as never)).total).toBeGreaterThan(0);
    });

    it("never fails on any query text (property test on the real engine)", async () => {
      await store.upsert({ records: smallLibrary() });
      const nasty = fc.oneof(
        fc.string({ unit: "grapheme", maxLength: 60 }),
        fc
          .array(
            fc.constantFrom(
              '"',
              "'",
              "NOT",
              "OR",
              "AND",
              "*",
              "-",
              "(",
              ")",
              "title:x",
              "{",
              "}",
              ":",
              "^",
              "NEAR",
              "\\",
              "\u0000",
              "ü",
              "東京",
              "😀",
              " ",
            ),
            { maxLength: 12 },
          )
          .map((parts) => parts.join(" ")),
        fc
          .array(fc.constantFrom('"', "*", "-", "(", ")", "a", "b", ":", "'"), { maxLength: 15 })
          .map((parts) => parts.join("")),
      );
      await fc.assert(
        fc.asyncProperty(
          nasty,
          fc.constantFrom("simple", "advanced"),
          fc.constantFrom("all", "title", "section"),
          async (text, mode, scope) => {
            const result = await store.search({
              text,
              mode,
              scope,
              section: "In the News",
              limit: 5,
            } as never);
            expect(result.total).toBeGreaterThanOrEqual(0);
          },
        ),
        { numRuns: engine === "postgres" ? 150 : 300 },
      );
    });

    it("shows an entity page: documents by role, positions over time, co-participants, timeline", async () => {
      await store.upsert({ records: smallLibrary() });
      const view = await store.entity(frank.id);
      expect(view?.documentCount).toBe(2);
      expect(Object.fromEntries(view!.roles.map((role) => [role.role, role.count]))).toEqual({
        moderator: 1,
        author: 1,
      });
      expect(view!.positions.map((position) => position.title)).toEqual([
        "Senior Advisor",
        "Senior Expert, Northeast Asia",
      ]);
      expect(view!.people).toEqual([{ id: joseph.id, name: "Joseph Yun", count: 2 }]);
      expect(view!.organizations[0]).toMatchObject({ id: usip.id, count: 2 });
      expect(view!.timeline.map((bucket) => bucket.bucket)).toEqual(["2019", "2021"]);
      expect(await store.entity("person:nobody")).toBeNull();
      const topic = await store.entity(nuclear.id);
      expect(topic?.documentCount).toBe(2);
    });

    it("buckets any search by year and month, related documents, lists and autocomplete", async () => {
      await store.upsert({ records: smallLibrary() });
      expect(await store.timeline({ text: "" } as never, "year")).toEqual([
        { bucket: "2019", total: 1, byKind: { publication: 1 } },
        { bucket: "2020", total: 1, byKind: { publication: 1 } },
        { bucket: "2021", total: 1, byKind: { event: 1 } },
      ]);
      expect((await store.timeline({ text: "" } as never, "month")).map((bucket) => bucket.bucket)).toEqual([
        "2019-06",
        "2021-04",
      ]);
      const [eventRecord, analysis, digest] = smallLibrary();
      const related = await store.related(analysis!.id);
      expect(related).toContainEqual(
        expect.objectContaining({
          relation: "shared-people",
          document: expect.objectContaining({ id: eventRecord!.id }),
        }),
      );
      expect((await store.related(digest!.id)).map((item) => item.relation)).toContain("next");
      const people = await store.listEntities({ kind: "person", sort: "count" });
      expect(people.items.map((item) => [item.id, item.documentCount])).toEqual([
        [frank.id, 2],
        [joseph.id, 2],
      ]);
      const firstPerson = await store.listEntities({ kind: "person", sort: "name", limit: 1 });
      const secondPerson = await store.listEntities({
        kind: "person",
        sort: "name",
        limit: 1,
        cursor: firstPerson.nextCursor!,
      });
      expect([...firstPerson.items, ...secondPerson.items].map((item) => item.id).sort()).toEqual(
        [frank.id, joseph.id].sort(),
      );
      // A cursor the list did not give is refused, not read as "from the start" (page one again).
      for (const cursor of ["zzz", "-1", "1.5"])
        await expect(store.listEntities({ kind: "person", cursor })).rejects.toThrow(/cursor/);
      expect((await store.autocomplete("fra")).map((item) => item.id)).toEqual([frank.id]);
      // A later word of the name, and names that start with it first.
      expect((await store.autocomplete("aum")).map((item) => item.id)).toEqual([frank.id]);
      expect((await store.autocomplete("yun")).map((item) => item.id)).toEqual([joseph.id]);
      expect((await store.autocomplete("a")).map((item) => item.id)).not.toContain(frank.id);
      const stats = await store.stats();
      expect(stats.byKind).toMatchObject({ event: 1, publication: 2, stub: 1 });
      expect(stats.entities.person).toBe(2);
    });

    it("merges two entities: references move and the old name becomes an alias", async () => {
      await store.upsert({ records: smallLibrary() });
      const duplicate = { id: "person:frank-a-aum-duplicate", name: "F. Aum" };
      await store.upsert({
        records: [
          publication("A piece by a duplicate", {
            people: [{ person: duplicate, role: "author", affiliations: [] }],
          }),
        ],
      });
      const merged = await store.mergeEntities(frank.id, duplicate.id);
      expect(merged).toMatchObject({ id: frank.id, aliases: expect.arrayContaining(["F. Aum"]) });
      expect(await store.get(duplicate.id)).toBeNull();
      expect((await store.entity(frank.id))?.documentCount).toBe(3);
      expect((await store.search({ text: "", filters: { person: [frank.id] } } as never)).total).toBe(3);
      await expect(store.mergeEntities(frank.id, korea.id)).rejects.toThrow(/cannot merge/);
    });

    it("a merge sticks: a later page naming the merged-away person refers to the one kept", async () => {
      await store.upsert({ records: smallLibrary() });
      const duplicate = { id: "person:f-aum", name: "F Aum" };
      const byDuplicate = (title: string) =>
        publication(title, { people: [{ person: duplicate, role: "author", affiliations: [] }] });
      await store.upsert({ records: [byDuplicate("A first piece by a duplicate")] });
      await store.mergeEntities(frank.id, duplicate.id);
      const later = await store.upsert({
        records: [
          byDuplicate("A later piece by the same duplicate"),
          { ...duplicate, kind: "person", aliases: [], honorifics: ["Dr."], provenance: [] },
        ],
      });
      expect(later.merged).toBeUndefined();
      expect(await store.get(duplicate.id)).toBeNull();
      const piece = (await store.get(createDocumentId("A later piece by the same duplicate"))) as Document;
      // The id moves to the entity kept; the name stays as the page printed it.
      expect(piece.people[0]?.person).toEqual({ id: frank.id, name: "F Aum" });
      expect(await store.get(frank.id)).toMatchObject({ honorifics: ["Dr."] });
      expect((await store.entity(frank.id))?.documentCount).toBe(4);
      // An old link to the merged-away id shows the page of the one kept.
      expect((await store.entity(duplicate.id))?.entity.id).toBe(frank.id);
      // And a saved search filtering on it finds the kept person's documents.
      const saved = { text: "", filters: { person: [duplicate.id] } } as never;
      const found = await store.search(saved);
      expect(found.total).toBe(4);
      // It says which id it searched instead, so a client can show and link the person kept.
      expect(found.mergedFilterIds).toEqual([{ from: duplicate.id, to: frank.id }]);
      expect(
        (await store.search({ text: "", filters: { person: [frank.id] } } as never)).mergedFilterIds,
      ).toBeUndefined();
      expect(await store.timeline(saved, "year")).toEqual(
        await store.timeline({ text: "", filters: { person: [frank.id] } } as never, "year"),
      );
      expect(await store.entity("person:nobody-ever")).toBeNull();
    });

    it("an entity that names another as its alias absorbs it, whichever arrives first", async () => {
      // The page first, then the record that declares the alias: the separate person is folded in.
      await store.upsert({ records: [byMinji("Family reunions before a deal")] });
      const declared = await store.upsert({ records: [seo] });
      expect(declared.merged).toEqual([{ into: seo.id, from: minji.id }]);
      expect(await store.get(minji.id)).toBeNull();
      expect((await store.entity(seo.id))?.documentCount).toBe(1);
      // And a page after the record: its reference goes to the declared person from the start.
      await store.upsert({
        records: [
          byMinji("Reunions, a year on"),
          { ...minji, kind: "person", aliases: [], honorifics: [], provenance: [] },
        ],
      });
      expect(await store.get(minji.id)).toBeNull();
      expect((await store.search({ text: "", filters: { person: [seo.id] } } as never)).total).toBe(2);
      expect(await store.get(seo.id)).toMatchObject({ name: "Seo Min-ji", aliases: ["Min-ji Seo"] });
      // Typeahead finds her under the other spelling too.
      expect((await store.autocomplete("min-ji")).map((item) => item.id)).toEqual([seo.id]);
      expect((await store.autocomplete("Min-ji S")).map((item) => item.id)).toEqual([seo.id]);
      // Deleting the person frees the alias: a new page naming it makes its own node again.
      await store.delete([seo.id]);
      await store.upsert({ records: [byMinji("A third piece")] });
      expect(await store.get(minji.id)).toMatchObject({ id: minji.id });
    });

    it("lists people who may be one person written two ways, in stable pages, until they are merged", async () => {
      const person = (name: string) =>
        ({
          id: createPersonId(name),
          kind: "person",
          name,
          aliases: [],
          honorifics: [],
          provenance: [],
        }) as CorpusRecord;
      const names = [
        "Ana Ruiz",
        "Ana Maria Ruiz",
        "Li Wei",
        "Wei Li",
        "Frank Aum",
        "Madonna",
        "Ida Sørensen",
        "Sørensen Ida",
        "Conor O’Brien",
        "O’Brien Conor",
      ];
      await store.upsert({ records: names.map(person) });
      const all = await store.possibleDuplicates();
      expect(all.total).toBe(4);
      expect(all.groups.map((group) => group.map((item) => item.name).sort())).toEqual([
        ["Ana Maria Ruiz", "Ana Ruiz"],
        ["Conor O’Brien", "O’Brien Conor"],
        ["Ida Sørensen", "Sørensen Ida"],
        ["Li Wei", "Wei Li"],
      ]);
      // Letters ids fold (ø) and apostrophes: each page still finds the other spelling.
      for (const [name, other] of [
        ["Ida Sørensen", "Sørensen Ida"],
        ["O’Brien Conor", "Conor O’Brien"],
      ] as const)
        expect(
          (await store.entity(createPersonId(name)))?.possibleDuplicates?.map((item) => item.name),
        ).toEqual([other]);
      await expect(store.possibleDuplicates({ cursor: "abc" })).rejects.toThrow(/cursor/);
      await expect(store.possibleDuplicates({ cursor: "-1" })).rejects.toThrow(/cursor/);
      // Each one's page names the other; a name standing alone names nobody.
      const page = await store.entity(createPersonId("Wei Li"));
      expect(page?.possibleDuplicates?.map((item) => item.name)).toEqual(["Li Wei"]);
      expect((await store.entity(createPersonId("Frank Aum")))?.possibleDuplicates).toBeUndefined();
      const middle = await store.entity(createPersonId("Ana Maria Ruiz"));
      expect(middle?.possibleDuplicates?.map((item) => item.id)).toEqual([createPersonId("Ana Ruiz")]);
      const first = await store.possibleDuplicates({ limit: 3 });
      const second = await store.possibleDuplicates({ limit: 3, cursor: first.nextCursor! });
      expect([...first.groups, ...second.groups]).toEqual(all.groups);
      expect(second.nextCursor).toBeNull();
      await store.mergeEntities(createPersonId("Ana Ruiz"), createPersonId("Ana Maria Ruiz"));
      expect((await store.entity(createPersonId("Ana Ruiz")))?.possibleDuplicates).toBeUndefined();
      const after = await store.possibleDuplicates();
      expect(after.groups.map((group) => group.map((item) => item.name))).toEqual([
        ["Conor O’Brien", "O’Brien Conor"],
        ["Ida Sørensen", "Sørensen Ida"],
        ["Li Wei", "Wei Li"],
      ]);
    });

    it("two records that name each other as aliases end as one node, and stay updatable", async () => {
      const person = (id: string, name: string, aliases: string[] = []) =>
        ({ id, kind: "person", name, aliases, honorifics: [], provenance: [] }) as CorpusRecord;
      await store.upsert({
        records: [person("person:ana-ruiz", "Ana Ruiz"), person("person:ana-ruiz-gomez", "Ana Ruiz Gomez")],
      });
      const first = await store.upsert({
        records: [person("person:ana-ruiz", "Ana Ruiz", ["Ana Ruiz Gomez"])],
      });
      expect(first.merged).toEqual([{ into: "person:ana-ruiz", from: "person:ana-ruiz-gomez" }]);
      // The other record comes back naming the first as its alias: it is folded in, nothing splits.
      await store.upsert({ records: [person("person:ana-ruiz-gomez", "Ana Ruiz Gomez", ["Ana Ruiz"])] });
      const people = await store.listEntities({ kind: "person" });
      expect(people.items.map((item) => item.id)).toEqual(["person:ana-ruiz"]);
      // A later version of the kept record still replaces it as usual.
      const updated = {
        ...(await store.get("person:ana-ruiz"))!,
        description: "A later description.",
      } as CorpusRecord;
      await store.upsert({ records: [updated] });
      expect(await store.get("person:ana-ruiz")).toMatchObject({ description: "A later description." });
    });

    it("lists a person once when a document names her under both spellings, her fields' places kept", async () => {
      // What a page read again after its author was joined to another spelling produces: the
      // stored version names the entity kept, the new reading the spelling on the page.
      await store.upsert({ records: [seo] });
      const provenance = {
        input: { contentHash: "a".repeat(64), mediaType: "text/plain" as const },
        parser: { name: "test", version: "1" },
        parsedAt: "2026-01-01T00:00:00.000Z",
        fields: {
          "people[1].person.name": [{ start: 10, end: 20 }],
          "people[1].title": [{ start: 22, end: 28 }],
          "people[2].person.name": [{ start: 30, end: 39 }],
        },
      };
      const twice = publication("Named twice", {
        people: [
          { person: { id: seo.id, name: "Seo Min-ji" }, role: "author", affiliations: [] },
          { person: minji, role: "author", title: "Fellow", affiliations: [] },
          { person: { id: "person:frank-aum", name: "Frank Aum" }, role: "author", affiliations: [] },
        ],
        provenance: [provenance],
      });
      await store.upsert({ records: [twice] });
      const stored = (await store.get(twice.id)) as Document;
      expect(stored.people.map((item) => [item.person.id, item.title])).toEqual([
        [seo.id, "Fellow"],
        ["person:frank-aum", undefined],
      ]);
      expect(stored.provenance[0]?.fields).toEqual({
        "people[0].person.name": [{ start: 10, end: 20 }],
        "people[0].title": [{ start: 22, end: 28 }],
        "people[1].person.name": [{ start: 30, end: 39 }],
      });
      expect((await store.entity(seo.id))?.documents.map((item) => item.roles)).toEqual([["author"]]);
    });

    it("a batch that declares an alias and names it in the same write keeps one node", async () => {
      const summary = await store.upsert({
        records: [byMinji("Reunions"), seo],
      });
      expect(summary.merged).toEqual([{ into: seo.id, from: minji.id }]);
      const people = await store.listEntities({ kind: "person" });
      expect(people.items.map((item) => [item.id, item.documentCount])).toEqual([[seo.id, 1]]);
    });

    it("copies a library whole into an empty one: records, page texts and ingest history", async () => {
      const page: SourceText = {
        contentHash: "b".repeat(64),
        mediaType: "text/plain",
        path: "page.txt",
        text: "A page.",
      };
      const records = [...smallLibrary(), ...generateSyntheticLibrary(30, 3)];
      await store.upsert({
        records,
        sources: [page],
        inputs: [{ path: "page.txt", contentHash: page.contentHash, recordIds: [records[0]!.id] }],
      });
      const empty = await harness.createEmpty();
      try {
        const copied = await copyLibrary(store, empty);
        expect(copied).toEqual({ records: (await collect(store)).length, sources: 1, inputs: 1 });
        expect(JSON.stringify(await collect(empty))).toBe(JSON.stringify(await collect(store)));
        expect(await empty.getSourceText(page.contentHash)).toEqual(page);
        expect((await empty.getInputs(["page.txt"])).get("page.txt")).toMatchObject({
          contentHash: page.contentHash,
          recordIds: [records[0]!.id],
        });
      } finally {
        await empty.close();
      }
    });

    it("exports, imports into an empty library and exports the same records", async () => {
      await store.upsert({ records: [...smallLibrary(), ...generateSyntheticLibrary(40, 5)] });
      const exported = await collect(store);
      const ids = exported.map((record) => record.id);
      expect([...ids].sort()).toEqual(ids);
      const empty = await harness.createEmpty();
      try {
        await empty.upsert({ records: exported });
        expect(JSON.stringify(await collect(empty))).toBe(JSON.stringify(exported));
      } finally {
        await empty.close();
      }
    });

    it("deletes records and keeps an audit trail", async () => {
      const library = smallLibrary();
      await store.upsert({ records: library });
      expect(await store.delete([library[0]!.id, "doc:missing-00000000"])).toBe(1);
      expect(await store.get(library[0]!.id)).toBeNull();
      expect((await store.search({ text: "panel" } as never)).total).toBe(0);
      const entry = await store.appendAudit({
        action: "delete",
        actor: "test",
        summary: "deleted one",
        details: { ids: [library[0]!.id] },
      });
      expect((await store.listAudit())[0]).toEqual(entry);
    });

    it("remembers input hashes for idempotent ingest", async () => {
      const library = smallLibrary();
      await store.upsert({
        records: library,
        inputs: [{ path: "a.json", contentHash: "b".repeat(64), recordIds: [library[0]!.id] }],
      });
      expect((await store.getInputs(["a.json", "other"])).get("a.json")).toMatchObject({
        contentHash: "b".repeat(64),
        recordIds: [library[0]!.id],
      });
      expect(await store.checkIntegrity()).toEqual([]);
    });
  });
}
