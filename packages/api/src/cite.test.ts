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
