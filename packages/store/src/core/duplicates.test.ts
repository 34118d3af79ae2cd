import { describe, expect, it } from "vitest";
import { groupPossibleDuplicates } from "./duplicates.js";

const person = (name: string, documentCount = 1) => ({
  id: `person:${name.toLowerCase().replace(/[^a-z]+/g, "-")}`,
  name,
  documentCount,
});

describe("possible duplicate people", () => {
  it("groups the same names in another order, and first and last names around a middle one", () => {
    const groups = groupPossibleDuplicates([
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

  it("puts the group with the most documented person first, and names break ties", () => {
    const groups = groupPossibleDuplicates([
      person("Ana Ruiz", 1),
      person("Ruiz Ana", 1),
      person("Li Wei", 3),
      person("Wei Li", 1),
      person("Bo Chen", 1),
      person("Chen Bo", 1),
    ]);
    expect(groups.map((group) => group.map((item) => item.name))).toEqual([
      ["Li Wei", "Wei Li"],
      ["Ana Ruiz", "Ruiz Ana"],
      ["Bo Chen", "Chen Bo"],
    ]);
  });

  it("lists nobody when every name stands alone, and ignores one-word names", () => {
    expect(
      groupPossibleDuplicates([person("Frank Aum"), person("Joseph Yun"), person("Madonna"), person("Cher")]),
    ).toEqual([]);
  });
});
