import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sanitizeBlock, sanitizeDeep, sanitizeLine, sanitizeWithOffsets } from "./sanitize.js";

// Anything a terminal would act on: ESC, C0 controls other than newline, DEL, C1 controls,
// bidirectional overrides.
const DANGEROUS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("sanitizeBlock", () => {
  it("removes colour, cursor, clipboard, hyperlink and title sequences but keeps their visible text", () => {
    const page = [
      "\u001b[31mRed\u001b[0m title",
      "\u001b[2J\u001b[Hcleared",
      "\u001b]52;c;aGVsbG8=\u0007after clipboard",
      "\u001b]8;;https://example.org\u001b\\link\u001b]8;;\u001b\\",
      "\u001b]0;window title\u0007visible",
      "\u009b31mC1 colour",
    ].join("\n");
    expect(sanitizeBlock(page)).toBe(
      ["Red title", "cleared", "after clipboard", "link", "visible", "C1 colour"].join("\n"),
    );
  });

  it("keeps ordinary text, accents and non-Latin scripts unchanged", () => {
    const text = "Kim Jong-un met Moon Jae-in — 김정은, São Paulo, «peace»\nsecond line";
    expect(sanitizeBlock(text)).toBe(text);
  });

  it("never lets a control character through, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (input) => {
        const output = sanitizeBlock(input);
        expect(output).not.toMatch(DANGEROUS);
        expect(sanitizeBlock(output)).toBe(output);
      }),
      { numRuns: 500 },
    );
  });

  it("leaves text without control characters exactly as it was", () => {
    const printable = fc
      .string({ unit: "grapheme", maxLength: 100 })
      .filter((text) => !DANGEROUS.test(text) && !/\r/.test(text));
    fc.assert(
      fc.property(printable, (text) => {
        expect(sanitizeBlock(text)).toBe(text);
      }),
    );
  });
});

describe("sanitizeLine and sanitizeDeep", () => {
  it("flattens a block to one line", () => {
    expect(sanitizeLine("  first\n\tsecond\r\nthird  ")).toBe("first second third");
  });

  it("cleans every string of a nested response, leaving numbers and booleans", () => {
    const response = { title: "\u001b[1mBold\u001b[0m", count: 3, ok: true, people: [{ name: "A\u0007nn" }] };
    expect(sanitizeDeep(response)).toEqual({ title: "Bold", count: 3, ok: true, people: [{ name: "Ann" }] });
  });
});

describe("sanitizeWithOffsets", () => {
  it("moves a span with its characters when escape sequences, tabs and CRLF before it are cleaned", () => {
    const text = "\u001b[31mRed\u001b[0m\tpanel\r\nmoderated by \u2066Frank Aum\u2069, \u001b]0;t\u0007Korea";
    const name = { start: text.indexOf("Frank Aum"), end: text.indexOf("Frank Aum") + 9 };
    const region = { start: text.indexOf("Korea"), end: text.length };
    const { text: clean, offset } = sanitizeWithOffsets(text);
    expect(clean).toBe(sanitizeBlock(text));
    expect(clean.slice(offset(name.start), offset(name.end))).toBe("Frank Aum");
    expect(clean.slice(offset(region.start), offset(region.end))).toBe("Korea");
    // A span over a removed sequence keeps the visible characters around it.
    const over = { start: text.indexOf("Red"), end: text.indexOf("panel") };
    expect(clean.slice(offset(over.start), offset(over.end))).toBe("Red  ");
  });

  it("keeps every word's span on that word, whatever control codes surround it", () => {
    const junk = fc.constantFrom(
      "\u001b[31m",
      "\u001b]0;title\u0007",
      "\u001b]8;;x\u001b\\",
      "\t",
      "\r\n",
      "\r",
      "\u2066",
      "\u0007",
      "\u009b1m",
      "",
    );
    const word = fc.constantFrom("Frank", "Séoul", "“war”", "😀", "김정은", "a");
    fc.assert(
      fc.property(fc.array(fc.tuple(junk, word), { minLength: 1, maxLength: 12 }), junk, (parts, tail) => {
        let text = "";
        const spans: { start: number; end: number; word: string }[] = [];
        for (const [before, item] of parts) {
          text += `${before} `;
          spans.push({ start: text.length, end: text.length + item.length, word: item });
          text += item;
        }
        text += tail;
        const { text: clean, offset } = sanitizeWithOffsets(text);
        expect(clean).toBe(sanitizeBlock(text));
        for (const span of spans) expect(clean.slice(offset(span.start), offset(span.end))).toBe(span.word);
      }),
      { numRuns: 300 },
    );
  });

  it("maps offsets outside the text to its ends", () => {
    const { offset } = sanitizeWithOffsets("\u001b[1mab");
    expect([offset(-3), offset(0), offset(4), offset(5), offset(6), offset(99)]).toEqual([0, 0, 0, 1, 2, 2]);
  });
});
