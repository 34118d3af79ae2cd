import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { segmentText } from "./provenance";

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
