import { recordSchema } from "@corpus/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeText, parseInput } from "./index.js";

const now = () => new Date("2025-01-01T00:00:00.000Z");
const paths = fc.constantFrom("page.txt", "page.html", "records.json", "records.ndjson");
// Text that looks a little like pages, so the layout readers are exercised, not just the generic one.
const pageLike = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.constantFrom(
        "Speakers",
        "Related Publications",
        "Frank Aum, moderator",
        "Senior Advisor, U.S. Institute of Peace",
        "Thursday, April 29, 2021",
        "By: Amb. Joseph Yun; Kim Jong-un",
        "Type: Analysis",
        "Peace; Security",
        "In the News:",
        "Next article A Title",
        "Volume 2, Issue 6",
        "Moderator: Dr. A B, Some Institute",
        "10:00am - 11:00am: Panel",
        "#Tag",
        "On March 24, USIP hosted a panel.",
        "<p>x</p><script>y</script>",
        "Peace Science Digest: conflict research in brief, for people who work on peace.",
        "“A quote”",
        "\u0000",
        "\r\n",
        "\u202e",
      ),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join("\n"));

describe("properties of the parser", () => {
  it("never throws, and every record it yields is valid, for any text", () => {
    fc.assert(
      fc.property(pageLike, paths, (text, path) => {
        const parsed = parseInput({ path, bytes: new TextEncoder().encode(text) }, { now });
        for (const record of parsed.records) expect(recordSchema.safeParse(record).success).toBe(true);
        for (const diagnostic of parsed.diagnostics) expect(diagnostic.file).toBe(path);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws for any byte sequence", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), paths, (bytes, path) => {
        const parsed = parseInput({ path, bytes }, { now });
        expect(parsed.contentHash).toMatch(/^[0-9a-f]{64}$/);
        for (const record of parsed.records) expect(recordSchema.safeParse(record).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same output for the same input", () => {
    fc.assert(
      fc.property(pageLike, paths, (text, path) => {
        const bytes = new TextEncoder().encode(text);
        expect(parseInput({ path, bytes }, { now })).toEqual(parseInput({ path, bytes }, { now }));
      }),
      { numRuns: 100 },
    );
  });

  it("normalisation is idempotent", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), pageLike), (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it("normalisation skips its replacements only where none of them would change the text", () => {
    // Every replacement, always run.
    const reference = (input: string): string => {
      let text = input.normalize("NFC");
      text = text.replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n");
      text = text.replace(
        /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ufffe]/g,
        "",
      );
      text = text.replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, " ");
      text = text.replace(/ +\n/g, "\n").replace(/ +$/, "");
      text = text.replace(/\n{3,}/g, "\n\n").replace(/^\n+|\n+$/g, "");
      const again = text.normalize("NFC");
      return again === text ? text : reference(again);
    };
    // Every code unit once, between letters and before a line break.
    for (let code = 0; code < 0x10000; code++) {
      const unit = String.fromCharCode(code);
      for (const text of [`a${unit}b`, `a${unit}\nb`])
        if (normalizeText(text) !== reference(text)) expect(normalizeText(text)).toBe(reference(text));
    }
    const units = fc.constantFrom(..."ab .\n\n\r\t\u0085\u00a0\u200b\u2028\u2029\u202f\u3000\ufeff\u0301");
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: units }), pageLike), (text) => {
        expect(normalizeText(text)).toBe(reference(text));
      }),
      { numRuns: 1000 },
    );
  });

  it("every provenance span lies inside the source text", () => {
    fc.assert(
      fc.property(pageLike, (text) => {
        const parsed = parseInput({ path: "page.txt", bytes: new TextEncoder().encode(text) }, { now });
        const length = parsed.sources[0]?.text.length ?? 0;
        for (const record of parsed.records)
          for (const entry of record.provenance)
            for (const spans of Object.values(entry.fields))
              for (const span of spans) expect(span.end).toBeLessThanOrEqual(length);
      }),
      { numRuns: 200 },
    );
  });
});
