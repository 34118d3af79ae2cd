import { describe, expect, it } from "vitest";
import { describeFieldPath, fieldValueAtPath, mergeSpans, spanExcerpt } from "./field-paths.js";

describe("field paths", () => {
  it("read as a person would say them", () => {
    expect(describeFieldPath("people[2].title")).toBe("People 3, title");
    expect(describeFieldPath("title")).toBe("Title");
  });

  it("find the value they name: text, a participant's name, a date", () => {
    const record = {
      title: "Talks",
      date: { year: 2024, month: 3 },
      people: [{ person: { id: "person:a", name: "Ann Lee" }, title: "Director" }],
    };
    expect(fieldValueAtPath(record, "people[0].title")).toBe("Director");
    expect(fieldValueAtPath(record, "people[0]")).toBe("Ann Lee");
    expect(fieldValueAtPath(record, "date")).toBe("2024-03");
    expect(fieldValueAtPath({ date: { month: 10, day: 6 } }, "date")).toBe("--10-06");
    expect(fieldValueAtPath(record, "people[5].title")).toBeUndefined();
  });
});

describe("mergeSpans", () => {
  it("clips to the text, drops empty spans, sorts and joins overlaps", () => {
    expect(
      mergeSpans(
        [
          { start: 30, end: 40 },
          { start: 2, end: 5 },
          { start: 4, end: 8 },
          { start: 9, end: 9 },
          { start: 18, end: 99 },
        ],
        "x".repeat(20),
      ),
    ).toEqual([
      { start: 2, end: 8 },
      { start: 18, end: 20 },
    ]);
  });

  it("never cuts a surrogate pair in two", () => {
    // "a😀b": the emoji is two UTF-16 code units, offsets 1 and 2.
    expect(mergeSpans([{ start: 2, end: 3 }], "a😀b")).toEqual([{ start: 1, end: 3 }]);
    expect(mergeSpans([{ start: 0, end: 2 }], "a😀b")).toEqual([{ start: 0, end: 3 }]);
  });
});

describe("spanExcerpt", () => {
  it("puts a span on one line, and says when it had to cut it, never inside a surrogate pair", () => {
    const text = "Title:\n  Talks   in\tGeneva 😀 and after";
    expect(spanExcerpt(text, { start: 9, end: 26 }, 100)).toEqual({ text: "Talks in Geneva", cut: false });
    expect(spanExcerpt(text, { start: 9, end: 37 }, 17)).toEqual({ text: "Talks in Geneva", cut: true });
    expect(spanExcerpt("ab😀", { start: 0, end: 4 }, 3)).toEqual({ text: "ab", cut: true });
  });
});
