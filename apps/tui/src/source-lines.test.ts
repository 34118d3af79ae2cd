import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { segments } from "./components/page-view.js";
import type { PageLine } from "./page-lines.js";
import { describeFieldPath, mergeSpans } from "@corpus/schema";
import {
  columnsOf,
  lineOfOffset,
  markedLines,
  type SourceLine,
  tracedFields,
  wrapSource,
} from "./source-lines.js";

const columns = (text: string) => [...text].reduce((sum, character) => sum + columnsOf(character), 0);

/** The characters a line shows marked, joined: what a person sees in inverse video. */
const markedText = (lines: readonly PageLine[]) =>
  lines.map((line) => (line.marks ?? []).map((mark) => line.text.slice(mark.start, mark.end)).join("|"));

function spanOf(text: string, needle: string) {
  const start = text.indexOf(needle);
  if (start === -1) throw new Error(`no "${needle}"`);
  return { start, end: start + needle.length };
}

describe("wrapSource", () => {
  it("wraps at spaces to the width and keeps each line's offsets into the text", () => {
    const text = "The armistice signed at Panmunjom ended the fighting\n\n  without ending the war.";
    const lines = wrapSource(text, 20);
    expect(lines.map((line) => text.slice(line.start, line.end))).toEqual([
      "The armistice signed",
      "at Panmunjom ended",
      "the fighting",
      "",
      "  without ending the",
      "war.",
    ]);
  });

  it("cuts a word wider than the line between characters, never inside a surrogate pair", () => {
    const text = "ab😀😀😀cd";
    const lines = wrapSource(text, 3);
    const shown = lines.map((line) => text.slice(line.start, line.end));
    expect(shown.join("")).toBe(text);
    for (const line of shown) {
      expect(columns(line)).toBeLessThanOrEqual(3);
      expect(line).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });

  it("loses no character but the spaces and newlines it breaks at, and never runs past the width", () => {
    const words = fc.constantFrom(
      "peace",
      "“talks”",
      "Séoul",
      "é",
      "😀",
      "김정은",
      "a",
      "supercalifragilistic",
      "",
    );
    const separators = fc.constantFrom(" ", "  ", "\n", "\n\n", " \n");
    const page = fc
      .array(fc.tuple(words, separators), { maxLength: 30 })
      .map((parts) => parts.map(([word, separator]) => word + separator).join(""));
    fc.assert(
      fc.property(page, fc.integer({ min: 1, max: 30 }), (text, width) => {
        const lines = wrapSource(text, width);
        let position = 0;
        for (const line of lines) {
          // What lies between two lines is only the break: spaces and newlines.
          expect(text.slice(position, line.start)).toMatch(/^[ \n]*$/);
          expect(line.end).toBeGreaterThanOrEqual(line.start);
          expect(columns(text.slice(line.start, line.end))).toBeLessThanOrEqual(Math.max(width, 2));
          position = line.end;
        }
        expect(text.slice(position)).toMatch(/^[ \n]*$/);
      }),
      { numRuns: 300 },
    );
  });
});

describe("markedLines", () => {
  it("marks a span crossing a wrapped line on both lines, leaving out only the break", () => {
    const text = "Speakers weighed what seven decades of an unfinished war mean for talks today.";
    const span = spanOf(text, "seven decades of an unfinished");
    const wrapped = wrapSource(text, 30);
    const lines = markedLines(text, wrapped, [span]);
    expect(lines.map((line) => line.text)).toEqual([
      "Speakers weighed what seven",
      "decades of an unfinished war",
      "mean for talks today.",
    ]);
    expect(markedText(lines)).toEqual(["seven", "decades of an unfinished", ""]);
  });

  it("marks a span that ends the text, and clips one that reaches past it", () => {
    const text = "Filed under\nKorean Peninsula";
    const lines = markedLines(
      text,
      wrapSource(text, 40),
      mergeSpans([spanOf(text, "Peninsula"), { start: text.length - 3, end: text.length + 20 }], text),
    );
    expect(markedText(lines)).toEqual(["", "Peninsula"]);
  });

  it("counts offsets in UTF-16 units, so curly quotes, accents and emoji mark exactly their characters", () => {
    const text = "“Unfinished war” 😀 in Genève and Séoul: Frank Aum moderated.";
    const name = spanOf(text, "Frank Aum");
    const city = spanOf(text, "Séoul");
    const quote = spanOf(text, "“Unfinished war”");
    // The emoji before the name is two units: a code-point count would put the mark one early.
    expect(name.start).toBe([...text.slice(0, name.start)].length + 1);
    const lines = markedLines(text, wrapSource(text, 200), mergeSpans([name, city, quote], text));
    expect(markedText(lines)).toEqual(["“Unfinished war”|Séoul|Frank Aum"]);
  });

  it("widens a span that starts or ends inside a surrogate pair instead of showing half a character", () => {
    const text = "a😀b";
    expect(mergeSpans([{ start: 2, end: 3 }], text)).toEqual([{ start: 1, end: 3 }]);
    expect(mergeSpans([{ start: 0, end: 2 }], text)).toEqual([{ start: 0, end: 3 }]);
  });

  it("merges overlapping and out-of-order spans and drops empty or reversed ones", () => {
    const text = "0123456789";
    expect(
      mergeSpans(
        [
          { start: 6, end: 8 },
          { start: 1, end: 3 },
          { start: 2, end: 5 },
          { start: 4, end: 4 },
          { start: 9, end: 7 },
          { start: 15, end: 20 },
        ],
        text,
      ),
    ).toEqual([
      { start: 1, end: 5 },
      { start: 6, end: 8 },
    ]);
  });
});

describe("lineOfOffset and tracedFields", () => {
  it("finds the line holding an offset, the first and last included", () => {
    const lines: SourceLine[] = [
      { start: 0, end: 5 },
      { start: 6, end: 10 },
      { start: 11, end: 11 },
      { start: 12, end: 20 },
    ];
    expect([0, 4, 5, 6, 10, 11, 12, 19, 20].map((offset) => lineOfOffset(lines, offset))).toEqual([
      0, 0, 0, 1, 1, 2, 3, 3, 3,
    ]);
  });

  it("lists fields in page order with what the page says, dropping those with nothing in the text", () => {
    const text = "Armistice at Seventy\nThursday, July 27, 2023\nFrank Aum, moderator";
    const fields = tracedFields(
      {
        "people[0].person.name": [spanOf(text, "Frank Aum")],
        title: [spanOf(text, "Armistice at Seventy")],
        date: [spanOf(text, "Thursday, July 27, 2023")],
        location: [{ start: 500, end: 510 }],
      },
      text,
    );
    expect(fields.map((field) => [field.label, field.excerpt])).toEqual([
      ["Title", "Armistice at Seventy"],
      ["Date", "Thursday, July 27, 2023"],
      ["People 1, person, name", "Frank Aum"],
    ]);
    expect(describeFieldPath("people[2].affiliations[0]")).toBe("People 3, affiliations 1");
  });
});

describe("segments (the page view's marked runs)", () => {
  it("splits a padded line into marked and unmarked runs, and stops marks where the line was cut", () => {
    expect(segments("Frank Aum, moderator  ", "Frank Aum, moderator", [{ start: 0, end: 9 }])).toEqual([
      { text: "Frank Aum", marked: true },
      { text: ", moderator  ", marked: false },
    ]);
    expect(segments("Frank A…", "Frank Aum, moderator", [{ start: 6, end: 20 }])).toEqual([
      { text: "Frank ", marked: false },
      { text: "A", marked: true },
      { text: "…", marked: false },
    ]);
  });
});
