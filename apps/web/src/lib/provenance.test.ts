import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeFieldOfRecord, segmentText } from "./provenance";

describe("segmentText", () => {
  it("marks the characters a field was read from", () => {
    const segments = segmentText("Speaker: Frank Aum, Senior Expert", [{ start: 9, end: 18 }]);
    expect(segments.filter((segment) => segment.highlighted).map((segment) => segment.text)).toEqual([
      "Frank Aum",
    ]);
  });

  it("merges overlapping spans and clips stale ones", () => {
    const segments = segmentText("abcdefgh", [
      { start: 5, end: 50 },
      { start: 1, end: 3 },
      { start: 2, end: 4 },
    ]);
    expect(segments).toEqual([
      { text: "a", highlighted: false, start: 0 },
      { text: "bcd", highlighted: true, start: 1 },
      { text: "e", highlighted: false, start: 4 },
      { text: "fgh", highlighted: true, start: 5 },
    ]);
  });

  it("always gives back the whole text, in order, whatever the spans", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.array(fc.record({ start: fc.nat(250), end: fc.nat(250) }), { maxLength: 10 }),
        (text, spans) => {
          const segments = segmentText(
            text,
            spans.filter((span) => span.end >= span.start),
          );
          expect(segments.map((segment) => segment.text).join("")).toBe(text);
          for (let index = 1; index < segments.length; index++) {
            expect(segments[index]?.highlighted).not.toBe(segments[index - 1]?.highlighted);
          }
        },
      ),
    );
  });
});

describe("the fields listed on the source page", () => {
  const record = {
    title: "After Panmunjom",
    people: [
      { person: { id: "person:seo-min-ji", name: "Seo Min-ji" }, role: "speaker", title: "research fellow" },
      { person: { id: "person:frank-aum", name: "Frank Aum" }, role: "speaker" },
    ],
    sections: [{ text: `${"A very long paragraph of the page ".repeat(4)}end.` }],
    agenda: [{}],
  };

  it("name the person (or other item) a field belongs to", () => {
    expect(describeFieldOfRecord("people[1]", record)).toBe("People 2 (Frank Aum)");
    expect(describeFieldOfRecord("people[0].title", record)).toBe("People 1 (Seo Min-ji), title");
    expect(describeFieldOfRecord("people[0].affiliations[0]", record)).toBe(
      "People 1 (Seo Min-ji), affiliations 1",
    );
  });

  it("keep long names short and fall back to the plain name", () => {
    expect(describeFieldOfRecord("sections[0]", record)).toBe(
      "Sections 1 (A very long paragraph of the page A very…)",
    );
    expect(describeFieldOfRecord("title", record)).toBe("Title");
    expect(describeFieldOfRecord("agenda[0]", record)).toBe("Agenda 1");
    expect(describeFieldOfRecord("people[5]", record)).toBe("People 6");
    expect(describeFieldOfRecord("people[0]", undefined)).toBe("People 1");
  });
});
