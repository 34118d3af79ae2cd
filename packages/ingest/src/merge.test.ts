import { type CorpusRecord, createDocumentId } from "@corpus/schema";
import { describe, expect, it } from "vitest";
import { mergeRecord, parseInput, prepareBatch } from "./index.js";

const bytes = (text: string) => new TextEncoder().encode(text);
const now = () => new Date("2025-01-01T00:00:00.000Z");
const emptyLibrary = { getMany: async () => [] as CorpusRecord[] };

const listing = `Related Publications

Grain Deals and Their Limits

Grain Deals and Their Limits

Wednesday, August 2, 2023

By: Tomasz Wierzbicki

A short teaser about the corridor.

Type: Analysis and Commentary

Global Policy`;

const fullPage = `Grain Deals and Their Limits

Grain Deals and Their Limits

By: Dr. Tomasz Wierzbicki; Olena Marchenko

The full argument starts here, with a long first paragraph about ports and insurance in the Black Sea.

A second paragraph goes further into what Russia and Ukraine each gained from the corridor.

Type: Analysis and Commentary

Global Policy; Economics & Environment`;

const digest = `Peace Science Digest: conflict research in brief, for people who work on peace.

Ports Under Fire

Ports Under Fire

A summary of the piece about shipping in wartime.

In the News:

“Quoted news text.”

Next article Grain Deals and Their Limits`;

describe("merging across files", () => {
  it("makes a teaser and the full page of the same piece one record, the fuller winning field by field", async () => {
    const teaserFile = parseInput({ path: "listing.txt", bytes: bytes(listing) }, { now });
    const fullFile = parseInput({ path: "full.txt", bytes: bytes(fullPage) }, { now });
    const batch = await prepareBatch([teaserFile, fullFile], emptyLibrary);
    const id = createDocumentId("Grain Deals and Their Limits");
    const merged = batch.records.filter((record) => record.id === id);
    expect(merged).toHaveLength(1);
    const document = merged[0]!;
    if (document.kind !== "publication") throw new Error("expected a publication");
    expect(document.extent).toBe("full");
    expect(document.date).toEqual({ year: 2023, month: 8, day: 2 }); // only the teaser had it
    expect(document.summary).toMatch(/^The full argument/);
    expect(document.people.map((item) => item.person.name)).toEqual(["Tomasz Wierzbicki", "Olena Marchenko"]);
    expect(document.topics.map((item) => item.name)).toEqual(["Global Policy", "Economics & Environment"]);
    expect(new Set(document.provenance.map((item) => item.input.path))).toEqual(
      new Set(["listing.txt", "full.txt"]),
    );
    expect(batch.diagnostics).toEqual([]);
    expect(batch.inputs.map((input) => input.path)).toEqual(["listing.txt", "full.txt"]);
  });

  it("reads an edited file again as its new version: what the edit removed leaves the record, and so does the old provenance", async () => {
    const id = createDocumentId("Grain Deals and Their Limits");
    const original = parseInput({ path: "full.txt", bytes: bytes(fullPage) }, { now });
    const teaser = parseInput({ path: "listing.txt", bytes: bytes(listing) }, { now });
    // The page loses its second author and a topic.
    const edited = parseInput(
      {
        path: "full.txt",
        bytes: bytes(
          fullPage
            .replace("; Olena Marchenko", "")
            .replace("Global Policy; Economics & Environment", "Global Policy"),
        ),
      },
      { now },
    );
    const libraryOf = (records: readonly CorpusRecord[]) => ({
      getMany: async (ids: readonly string[]) => records.filter((record) => ids.includes(record.id)),
    });
    const readAgain = async (stored: readonly CorpusRecord[]) => {
      const batch = await prepareBatch([edited], libraryOf(stored));
      const document = batch.records.find((record) => record.id === id);
      if (document?.kind !== "publication") throw new Error("expected the publication");
      return document;
    };

    // Read from that file alone, the record is its new reading.
    const alone = await readAgain((await prepareBatch([original], emptyLibrary)).records);
    expect(alone.people.map((item) => item.person.name)).toEqual(["Tomasz Wierzbicki"]);
    expect(alone.topics.map((item) => item.name)).toEqual(["Global Policy"]);
    expect(alone.provenance.map((item) => item.input.contentHash)).toEqual([edited.contentHash]);

    // Read from a listing too, the two still merge, and only the file's new version is cited.
    const both = await readAgain((await prepareBatch([teaser, original], emptyLibrary)).records);
    expect(both.provenance.map((item) => [item.input.path, item.input.contentHash]).sort()).toEqual([
      ["full.txt", edited.contentHash],
      ["listing.txt", teaser.contentHash],
    ]);
  });

  it("turns a next-article stub into the real record when its page arrives, in the batch or from the library", async () => {
    const digestFile = parseInput({ path: "digest.txt", bytes: bytes(digest) }, { now });
    const id = createDocumentId("Grain Deals and Their Limits");
    expect(digestFile.records.find((record) => record.id === id)?.kind).toBe("stub");
    const fullFile = parseInput({ path: "full.txt", bytes: bytes(fullPage) }, { now });
    const together = await prepareBatch([digestFile, fullFile], emptyLibrary);
    expect(together.records.find((record) => record.id === id)?.kind).toBe("publication");
    // The stub stored earlier, the page arriving later.
    const stored = digestFile.records.filter((record) => record.id === id);
    const later = await prepareBatch([fullFile], {
      getMany: async (ids) => stored.filter((record) => ids.includes(record.id)),
    });
    expect(later.records.find((record) => record.id === id)?.kind).toBe("publication");
    // Its sources are the pages it was read from, not the page that only linked to it.
    for (const batch of [together, later])
      expect(
        batch.records.find((record) => record.id === id)?.provenance.map((item) => item.input.path),
      ).toEqual(["full.txt"]);
    // And a stub arriving after the real page never downgrades it.
    const real = later.records.filter((record) => record.id === id);
    const again = await prepareBatch([digestFile], {
      getMany: async (ids) => real.filter((record) => ids.includes(record.id)),
    });
    expect(again.records.find((record) => record.id === id)?.kind).toBe("publication");
  });

  it("takes the site from the full page's source when it names one, the teaser's only when it names none", async () => {
    const siteListing = `Peace Science Digest: conflict research in brief, for people who work on peace.\n\n${listing}`;
    const teaserFile = parseInput({ path: "listing.txt", bytes: bytes(siteListing) }, { now });
    const id = createDocumentId("Grain Deals and Their Limits");
    const teaser = teaserFile.records.find((record) => record.id === id);
    expect(teaser && "source" in teaser ? teaser.source : undefined).toEqual({
      site: "Peace Science Digest",
    });
    const html = (head: string) =>
      bytes(
        `<html><head><title>Grain Deals and Their Limits</title>${head}</head><body><article>${fullPage
          .split("\n\n")
          .map((paragraph) => `<p>${paragraph}</p>`)
          .join("")}</article></body></html>`,
      );
    const url = '<link rel="canonical" href="https://example.org/grain-deals">';
    const cases = [
      // The full page names its site: it wins, whichever file comes first.
      [
        `<meta property="og:site_name" content="Black Sea Review">${url}`,
        { site: "Black Sea Review", url: "https://example.org/grain-deals" },
      ],
      // The full page has a URL but names no site: the URL is kept and the teaser's site fills the gap.
      [url, { site: "Peace Science Digest", url: "https://example.org/grain-deals" }],
      // The full page has no source at all: the teaser's site is all there is.
      ["", { site: "Peace Science Digest" }],
    ] as const;
    for (const [head, expected] of cases) {
      const fullFile = parseInput({ path: "full.html", bytes: html(head) }, { now });
      expect(fullFile.records.find((record) => record.id === id)).toMatchObject({ extent: "full" });
      for (const order of [
        [teaserFile, fullFile],
        [fullFile, teaserFile],
      ]) {
        const batch = await prepareBatch(order, emptyLibrary);
        const merged = batch.records.find((record) => record.id === id);
        expect(merged && "source" in merged ? merged.source : undefined).toEqual(expected);
      }
    }
  });

  it("warns about two full documents with one id in a batch, and merges them", async () => {
    const first = parseInput({ path: "a/full.txt", bytes: bytes(fullPage) }, { now });
    const second = parseInput(
      {
        path: "b/full.txt",
        bytes: bytes(`${fullPage}\n\nA third paragraph only this copy has, long enough to count.`),
      },
      { now },
    );
    const batch = await prepareBatch([first, second], emptyLibrary);
    expect(batch.diagnostics.map((item) => [item.code, item.file])).toContainEqual([
      "duplicate-id",
      "b/full.txt",
    ]);
    expect(
      batch.records.filter((record) => record.id === createDocumentId("Grain Deals and Their Limits")),
    ).toHaveLength(1);
  });

  it("unions a person's aliases and honorifics across spellings", () => {
    const left: CorpusRecord = {
      id: "person:joseph-yun",
      kind: "person",
      name: "Joseph Yun",
      aliases: [],
      honorifics: ["Ambassador"],
      provenance: [],
    };
    const right: CorpusRecord = {
      id: "person:joseph-yun",
      kind: "person",
      name: "Joseph  Yun",
      aliases: [],
      honorifics: ["Amb."],
      provenance: [],
    };
    const merged = mergeRecord(left, right);
    expect(merged).toMatchObject({
      name: "Joseph Yun",
      aliases: ["Joseph  Yun"],
      honorifics: ["Ambassador", "Amb."],
    });
  });

  it("shows a person under the accented spelling when a page typed the name without accents", () => {
    const plain = {
      id: "person:ines-sorlie",
      kind: "person",
      name: "Ines Sorlie",
      aliases: [],
      honorifics: [],
      provenance: [],
    } as CorpusRecord;
    const accented = { ...plain, name: "Inès Sørlie" } as CorpusRecord;
    expect(mergeRecord(plain, accented)).toMatchObject({ name: "Inès Sørlie", aliases: ["Ines Sorlie"] });
    expect(mergeRecord(accented, plain)).toMatchObject({ name: "Inès Sørlie", aliases: ["Ines Sorlie"] });
    // A different spelling (not only accents) does not move the name.
    const other = { ...plain, name: "Inès M. Sørlie" } as CorpusRecord;
    expect(mergeRecord(plain, other)).toMatchObject({ name: "Ines Sorlie", aliases: ["Inès M. Sørlie"] });
  });

  it("resolves one person across spellings and honorifics in one file", () => {
    const text = `Speakers\n\nAmb. Kim Jong-un\nSenior Advisor, U.S. Institute of Peace\n\nDr. Frank A. Aum\nSenior Expert, North Korea, USIP\n\nThe event was hosted by USIP. Kim Jong Un and Frank Aum spoke.`;
    const parsed = parseInput({ path: "event.txt", bytes: bytes(text) }, { now });
    const people = parsed.records.filter((record) => record.kind === "person");
    expect(people.map((person) => person.id).sort()).toEqual(["person:frank-aum", "person:kim-jong-un"]);
    const organizations = parsed.records
      .filter((record) => record.kind === "organization")
      .map((record) => record.id);
    expect(organizations).toEqual(["org:united-states-institute-of-peace"]);
  });
});
