import { createDocumentId, type Document, recordSchema } from "@corpus/schema";
import { describe, expect, it } from "vitest";
import { cite, toCsl } from "./cite.js";

function publication(...authors: string[]): Document {
  return recordSchema.parse({
    id: createDocumentId("A Piece With Authors"),
    kind: "publication",
    subtype: "analysis",
    title: "A Piece With Authors",
    date: { year: 2023, month: 7, day: 24 },
    people: authors.map((name) => ({
      person: { id: `person:${name.toLowerCase().replace(/[^a-z]+/g, "-")}`, name },
      role: "author",
    })),
  }) as Document;
}

const authorOf = (name: string) => toCsl(publication(name)).author?.[0];

describe("author names in citations", () => {
  it("reads Korean, Chinese and Japanese names written family name first", () => {
    expect(authorOf("Seo Min-ji")).toEqual({ family: "Seo", given: "Min-ji" });
    expect(authorOf("Kim Jong-un")).toEqual({ family: "Kim", given: "Jong-un" });
    expect(authorOf("Kim Jong Un")).toEqual({ family: "Kim", given: "Jong Un" });
    expect(authorOf("Moon Jae-in")).toEqual({ family: "Moon", given: "Jae-in" });
    expect(authorOf("Yoon Suk Yeol")).toEqual({ family: "Yoon", given: "Suk Yeol" });
    expect(authorOf("Park Geun-hye")).toEqual({ family: "Park", given: "Geun-hye" });
    expect(authorOf("Xi Jinping")).toEqual({ family: "Xi", given: "Jinping" });
    expect(authorOf("Wang Yi")).toEqual({ family: "Wang", given: "Yi" });
    expect(authorOf("Tsai Ing-wen")).toEqual({ family: "Tsai", given: "Ing-wen" });
    expect(authorOf("Kishida Fumio")).toEqual({ family: "Kishida", given: "Fumio" });
  });

  it("keeps names written given name first as they were read", () => {
    expect(authorOf("Min-ji Seo")).toEqual({ family: "Seo", given: "Min-ji" });
    expect(authorOf("Tongfi Kim")).toEqual({ family: "Kim", given: "Tongfi" });
    expect(authorOf("Shinzo Abe")).toEqual({ family: "Abe", given: "Shinzo" });
    expect(authorOf("Frank Aum")).toEqual({ family: "Aum", given: "Frank" });
    expect(authorOf("Wei Li")).toEqual({ family: "Li", given: "Wei" });
    // A Korean or Chinese family name used as a given name, before a Western family name.
    expect(authorOf("Lee Wilson")).toEqual({ family: "Wilson", given: "Lee" });
    expect(authorOf("Lee Nelson")).toEqual({ family: "Nelson", given: "Lee" });
    expect(authorOf("Kim Davis")).toEqual({ family: "Davis", given: "Kim" });
    expect(authorOf("Han Mason")).toEqual({ family: "Mason", given: "Han" });
    expect(authorOf("Marisol Quintero-Ardila")).toEqual({ family: "Quintero-Ardila", given: "Marisol" });
    expect(authorOf("Khalid Bin Nasser Al-Hinai")).toEqual({
      family: "Al-Hinai",
      given: "Khalid Bin Nasser",
    });
    expect(authorOf("Ludwig van Beethoven")).toMatchObject({ family: "Beethoven", given: "Ludwig" });
  });

  it("keeps a name's particle with the family name (de Waal, van der Berg, bin Laden)", () => {
    expect(authorOf("Thomas de Waal")).toEqual({
      given: "Thomas",
      "non-dropping-particle": "de",
      family: "Waal",
    });
    expect(authorOf("Jan van der Berg")).toMatchObject({
      "non-dropping-particle": "van der",
      family: "Berg",
    });
    const document = publication("Thomas de Waal");
    expect(cite(document, "apa").text).toMatch(/^de Waal, T\./);
    expect(cite(document, "bibtex").text).toContain("de Waal, Thomas");
  });

  it("cites a family-name-first author by the family name (APA, BibTeX)", () => {
    const document = publication("Frank Aum", "Seo Min-ji");
    const apa = cite(document, "apa").text;
    expect(apa).toMatch(/^Aum, F\., & Seo, M\./);
    expect(apa).not.toContain("Min-ji, S.");
    expect(cite(document, "bibtex").text).toContain("Seo, Min-ji");
  });
});

describe("BibTeX keys", () => {
  const keyOf = (fields: Record<string, unknown>) => {
    const document = recordSchema.parse({
      id: createDocumentId(fields.title as string),
      ...fields,
    }) as Document;
    const bibtex = cite(document, "bibtex").text;
    return /^@\w+\{([^,]+),/.exec(bibtex)?.[1];
  };

  it("gives BibTeX the month alone, not a day written into the month", () => {
    const bibtex = cite(publication("Frank Aum"), "bibtex").text;
    // A month biber and BibTeX styles both read: its number (what citation-js writes) or macro.
    expect(bibtex).toMatch(/\bmonth = (\{7\}|jul),/);
    expect(bibtex).not.toMatch(/jul 24/);
    expect(bibtex).toContain("year = {2023}");
    // The other formats keep the day.
    expect(cite(publication("Frank Aum"), "ris").text).toContain("DA  - 2023/7/24/");
  });

  it("keys an authored record by family name, year and first title word, as before", () => {
    expect(cite(publication("Frank Aum"), "bibtex").text).toMatch(/^@misc\{Aum2023Piece,/);
  });

  it("spells letters that do not decompose (ø, æ, ß, ł) in ASCII instead of dropping them", () => {
    expect(
      keyOf({
        kind: "publication",
        subtype: "analysis",
        title: "Æther and Straße",
        date: { year: 2022 },
        people: [{ person: { id: "person:ida-sorensen", name: "Ida Sørensen" }, role: "author" }],
      }),
    ).toBe("Sorensen2022Aether");
  });

  it("keys a record without an author by its title words and year, never by the year first", () => {
    expect(keyOf({ kind: "event", title: "Ukraine Talks", date: { year: 2025, month: 2, day: 20 } })).toBe(
      "UkraineTalks2025",
    );
    // Articles, short prepositions and a genre label before a colon say nothing about the record.
    expect(
      keyOf({
        kind: "event",
        title: "Webinar: The Future of Local Mediation",
        date: { year: 2024 },
      }),
    ).toBe("FutureLocal2024");
  });

  it("gives a record without a year its id's hash, so two undated records do not share a key", () => {
    const stub = keyOf({ kind: "stub", title: "Refugee Hosting and the Risk of Conflict" });
    expect(stub).toMatch(/^RefugeeHosting_[0-9a-f]{8}$/);
    expect(createDocumentId("Refugee Hosting and the Risk of Conflict")).toContain(stub!.split("_")[1]);
    const other = keyOf({ kind: "stub", title: "Refugee Hosting and Local Politics" });
    expect(other).toMatch(/^RefugeeHosting_[0-9a-f]{8}$/);
    expect(other).not.toBe(stub);
    // A date without a year (an event page printing only "October 6") cannot be cited by year.
    expect(keyOf({ kind: "event", title: "Yemen Truce", date: { month: 10, day: 6 } })).toMatch(
      /^YemenTruce_[0-9a-f]{8}$/,
    );
  });

  it("keys an issue by its editor when it has one, and keeps keys to letters, digits and _", () => {
    const key = keyOf({
      kind: "issue",
      title: "Volume 6, Issue 1",
      volume: 6,
      number: 1,
      people: [{ person: { id: "person:ines-lindqvist", name: "Inès Lindqvist" }, role: "editor" }],
    });
    expect(key).toMatch(/^LindqvistVolume_[0-9a-f]{8}$/);
    const untitled = keyOf({ kind: "issue", title: "2023 – 4", date: { year: 2023 } });
    expect(untitled).toBe("Issue2023");
    expect(keyOf({ kind: "stub", title: "Réconciliation à Bangui" })).toMatch(
      /^ReconciliationBangui_[0-9a-f]{8}$/,
    );
  });

  it("carries the same key in CSL-JSON, for Zotero and Pandoc", () => {
    const document = publication("Frank Aum");
    expect(JSON.parse(cite(document, "csl-json").text)[0]["citation-key"]).toBe("Aum2023Piece");
  });
});

describe("RIS", () => {
  const summary =
    "Local ceasefires negotiated by village committees held through the dry season, and\nthe traders who crossed the line each week kept the market of the district town open.";
  const document = recordSchema.parse({
    id: createDocumentId("Fishing Rights and Local Ceasefires on the Lake Shore"),
    kind: "publication",
    subtype: "report",
    title: "Fishing Rights and Local Ceasefires on the Lake Shore",
    date: { year: 2024, month: 3 },
    summary,
    people: [{ person: { id: "person:frank-aum", name: "Frank Aum" }, role: "author" }],
  }) as Document;
  const ris = cite(document, "ris").text;
  const lines = ris.split("\n");

  it("carries the whole record id, not its first 20 characters", () => {
    expect(document.id.length).toBeGreaterThan(20);
    expect(lines).toContain(`ID  - ${document.id}`);
  });

  it("writes each value on its own tag line, so importers do not split words", () => {
    // Zotero joins a continuation line to the previous with a space: a wrap is a broken word.
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    expect(lines).toContain(`AB  - ${summary.replace("\n", " ")}`);
    expect(lines[0]).toBe("TY  - RPRT");
    expect(lines.at(-1)).toBe("ER  - ");
    expect(lines).toContain("AU  - Aum, Frank");
    expect(lines).toContain(`TI  - ${document.title}`);
  });
});

describe("organizations in citations", () => {
  function event(host: string, site: string): Document {
    return recordSchema.parse({
      id: createDocumentId("After the Summit: What a Peace Regime Needs"),
      kind: "event",
      title: "After the Summit: What a Peace Regime Needs",
      date: { year: 2018, month: 5, day: 2 },
      source: { site },
      organizations: [
        {
          organization: { id: "org:hanbit-institute-for-unification-studies", name: host },
          role: "host",
        },
      ],
    }) as Document;
  }
  const occurrences = (text: string, name: string) => text.split(name).length - 1;

  it("names an event's host once, as the publisher, when the site is the host's own (APA)", () => {
    const document = event(
      "Hanbit Institute for Unification Studies (HIUS)",
      "Hanbit Institute for Unification Studies",
    );
    const apa = cite(document, "apa").text;
    expect(occurrences(apa, "Hanbit Institute for Unification Studies")).toBe(1);
    expect(apa).not.toContain("In Hanbit");
    expect(apa).toBe(
      "After the Summit: What a Peace Regime Needs. (2018, May 2). Hanbit Institute for Unification Studies.",
    );
    const item = toCsl(document);
    expect(item.publisher).toBe("Hanbit Institute for Unification Studies");
    expect(item["container-title"]).toBeUndefined();
  });

  it("knows a host printed as an acronym by its id, and cites it by the site's full name", () => {
    const document = recordSchema.parse({
      ...event("USIP", "United States Institute of Peace"),
      organizations: [
        { organization: { id: "org:united-states-institute-of-peace", name: "USIP" }, role: "host" },
      ],
    }) as Document;
    expect(cite(document, "apa").text).toBe(
      "After the Summit: What a Peace Regime Needs. (2018, May 2). United States Institute of Peace.",
    );
  });

  it("keeps a host and another organization's site apart, each named once", () => {
    const item = toCsl(
      event("Hanbit Institute for Unification Studies", "Meridian Center for Conflict Studies"),
    );
    expect(item.publisher).toBe("Hanbit Institute for Unification Studies");
    expect(item["container-title"]).toBe("Meridian Center for Conflict Studies");
  });

  it("cites a web page on its publisher's own site by the site alone (no publisher put in the author's place)", () => {
    const document = recordSchema.parse({
      ...publication("Frank Aum"),
      source: { site: "United States Institute of Peace" },
      organizations: [
        { organization: { id: "org:united-states-institute-of-peace", name: "USIP" }, role: "publisher" },
      ],
    }) as Document;
    const item = toCsl(document);
    expect(item["container-title"]).toBe("United States Institute of Peace");
    expect(item.publisher).toBeUndefined();
    expect(cite(document, "apa").text).toBe(
      "Aum, F. (2023, July 24). A Piece With Authors. United States Institute of Peace.",
    );
  });
});
