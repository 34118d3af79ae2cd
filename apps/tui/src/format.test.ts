import { describe, expect, it } from "vitest";
import { formatDate, formatPeople, truncateMiddle, truncateStart, wrapText } from "./format.js";

describe("format", () => {
  it("shows a date only as precisely as the page gave it, and marks inferred parts", () => {
    expect(formatDate({ year: 2021, month: 4, day: 29 })).toBe("2021-04-29");
    expect(formatDate({ year: 2021 })).toBe("2021");
    expect(formatDate({ year: 2021, month: 4, inferred: true })).toBe("2021-04?");
    expect(formatDate(undefined)).toBe("no date");
  });

  it("lists as many people as fit and counts the rest", () => {
    const people = ["Frank Aum", "Joseph Yun", "Jenny Town"].map((name, index) => ({
      id: `person:${index}`,
      name,
      role: "speaker" as const,
    }));
    expect(formatPeople(people, 60)).toBe("Frank Aum, Joseph Yun, Jenny Town");
    expect(formatPeople(people, 24)).toBe("Frank Aum, Joseph Yun +1");
    // A long first name is shortened; the others are still counted.
    expect(formatPeople([{ ...people[0]!, name: "Tomasz R. Wierzbicki-Nowak" }, people[1]!], 22)).toBe(
      "Tomasz R. Wierzbic… +1",
    );
  });

  it("cuts a long line from the start or the middle, keeping the end that matters", () => {
    expect(truncateStart("armistice panel questions", 10)).toBe("…questions");
    expect(truncateStart("short", 10)).toBe("short");
    const label = "in-process (no server at http://127.0.0.1:4299) · /tmp/walk/library.db";
    const cut = truncateMiddle(label, 40);
    expect([...cut].length).toBe(40);
    expect(cut.startsWith("in-process")).toBe(true);
    expect(cut.endsWith("library.db")).toBe(true);
    expect(truncateMiddle("short", 10)).toBe("short");
  });

  it("wraps words to the width, keeps paragraph breaks and cuts words that cannot fit", () => {
    expect(wrapText("one two three four\n\nfive", 9)).toEqual(["one two", "three", "four", "", "five"]);
    expect(wrapText("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
  });
});
