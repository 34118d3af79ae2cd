import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sanitizeBlock, sanitizeDeep, sanitizeLine } from "./sanitize.js";

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
