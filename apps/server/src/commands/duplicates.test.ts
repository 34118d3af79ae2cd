import { describe, expect, it } from "vitest";
import { candidateGroups } from "./duplicates.js";

const person = (name: string, documentCount = 1) => ({
  id: `person:${name.toLowerCase().replace(/[^a-z]+/g, "-")}`,
  name,
  documentCount,
});

describe("corpus duplicates: candidate groups", () => {
  it("groups the same names in another order, and first and last names around a middle one", () => {
    const groups = candidateGroups([
      person("Seo Min-ji", 4),
      person("Min-ji Seo", 1),
      person("Andrés F. Castillo", 1),
      person("Andrés Felipe Castillo", 2),
      person("Frank Aum", 4),
      person("Joseph Yun", 2),
    ]);
    expect(groups.map((group) => group.map((item) => item.name))).toEqual([
      ["Seo Min-ji", "Min-ji Seo"],
      ["Andrés Felipe Castillo", "Andrés F. Castillo"],
    ]);
  });

  it("lists nobody when every name stands alone, and ignores one-word names", () => {
    expect(
      candidateGroups([person("Frank Aum"), person("Joseph Yun"), person("Madonna"), person("Cher")]),
    ).toEqual([]);
  });
});
